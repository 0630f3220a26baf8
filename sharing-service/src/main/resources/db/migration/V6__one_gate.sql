-- One gate (issue 15): every route by which a concern reaches another organisation is a sharing decision here. A
-- decision made on a route names it; an emergency request carries its structured justification.
alter table sharing_request add column route varchar(40);
alter table sharing_request add column emergency_justification jsonb;
-- A whistleblowing concern's routing: not shown to, nor followed up by, the raising organisation, whose management
-- the concern bypasses; the decision log and subject access still hold it.
alter table sharing_request add column confidential boolean not null default false;

-- Emergency use by an organisation's staff, for its safeguarding lead and Caldicott guardian.
create index sharing_request_emergency on sharing_request (organisation, requested_at desc) where emergency;

-- Who has seen it: every read another organisation makes of an organisation's information about an adult (a
-- concern's details in concern-service, a disclosure's data here, a subject access export of what was received).
create table access_log (
    id                  uuid         primary key,
    what                varchar(40)  not null,
    owner_organisation  varchar(64)  not null,
    reader_organisation varchar(64)  not null,
    reader_subject      varchar(255) not null,
    reader_name         varchar(255) not null,
    concern_id          uuid,
    disclosure_id       uuid,
    adult_person_id     uuid,
    categories          jsonb        not null,
    decisions           jsonb        not null,
    confidential        boolean      not null default false,
    read_at             timestamptz  not null
);
create index access_log_by_owner on access_log (owner_organisation, read_at desc);
create index access_log_by_person on access_log (owner_organisation, adult_person_id);
