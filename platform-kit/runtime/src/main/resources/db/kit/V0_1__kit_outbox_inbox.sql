-- Platform kit tables, shared in form by every service (each in its own database).
-- Versions 0.x belong to the kit; a service's own migrations start at V1.

-- Transactional outbox: a state change and the events it causes commit together.
create table kit_outbox (
    seq          bigserial primary key,
    event_id     uuid         not null unique,
    topic        varchar(249) not null,
    message_key  varchar(200) not null,
    event_type   varchar(200) not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    attempts     int          not null default 0,
    last_error   text
);
create index kit_outbox_pending on kit_outbox (seq) where published_at is null;

-- Idempotent consumption: one row per consumer and event id, written with the event's effect.
create table kit_inbox (
    consumer    varchar(100) not null,
    event_id    varchar(200) not null,
    event_type  varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
