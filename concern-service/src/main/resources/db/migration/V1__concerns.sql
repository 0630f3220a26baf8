-- A concern belongs to the organisation that raised it, never to an individual.
create table concern (
    id                  uuid         primary key,
    organisation        varchar(64)  not null,
    raised_by           varchar(200) not null,
    raised_by_name      varchar(200) not null,
    adult_given_name    varchar(200) not null,
    adult_family_name   varchar(200) not null,
    summary             text         not null,
    urgency             varchar(20)  not null,
    status              varchar(30)  not null,
    raised_at           timestamptz  not null,
    version             bigint       not null default 0
);
create index concern_by_organisation on concern (organisation, raised_at desc);
