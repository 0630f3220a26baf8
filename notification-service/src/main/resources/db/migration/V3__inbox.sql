-- The in-platform inbox: one message per recipient organisation (and the role that must act), kept with
-- who read and who acknowledged it.
create table inbox_message (
    id              uuid         primary key,
    organisation    varchar(64)  not null,
    audience        varchar(60),
    event_id        varchar(200) not null,
    event_type      varchar(200) not null,
    subject         varchar(200),
    payload         text         not null,
    created_at      timestamptz  not null,
    read_at         timestamptz,
    read_by         varchar(200),
    acknowledged_at timestamptz,
    acknowledged_by varchar(200),
    unique (event_id, organisation)
);
create index inbox_by_organisation on inbox_message (organisation, created_at desc);
create index inbox_unacknowledged on inbox_message (organisation, created_at) where acknowledged_at is null;
