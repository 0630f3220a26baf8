-- Consent decisions are appended, never overwritten: a withdrawal is a new record.
create table consent_record (
    id                  uuid         primary key,
    organisation        varchar(64)  not null,
    adult_given_name    varchar(200) not null,
    adult_family_name   varchar(200) not null,
    adult_date_of_birth date,
    decision            varchar(30)  not null,
    purposes            jsonb        not null,
    how_obtained        varchar(2000),
    confidentiality_limits_explained boolean not null,
    recorded_by         varchar(200) not null,
    recorded_at         timestamptz  not null
);
create index consent_by_organisation on consent_record (organisation, recorded_at desc);

-- Partner organisations as announced by agreement-service.
create table organisation_replica (
    code       varchar(64)  primary key,
    name       varchar(300) not null,
    type       varchar(60)  not null,
    updated_at timestamptz  not null
);
