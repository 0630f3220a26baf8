-- Each organisation's gateway, as announced by agreement-service (secrets stay sealed at rest).
create table gateway_endpoint (
    organisation    varchar(64)   primary key,
    url             varchar(2000) not null,
    secrets         jsonb         not null,
    disabled_at     timestamptz,
    disabled_reason text,
    updated_at      timestamptz   not null
);

-- One message to one recipient. Its id is the webhook-id, the same on every retry, so receivers de-duplicate.
create table delivery (
    id              uuid          primary key,
    event_id        varchar(200)  not null,
    event_type      varchar(200)  not null,
    subject         varchar(200),
    recipient       varchar(64)   not null,
    sequence        bigint        not null,
    payload         text          not null, -- the exact webhook body, byte for byte
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    last_error      text,
    unique (event_id, recipient)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_recipient on delivery (recipient, created_at desc);

create table delivery_attempt (
    id           bigserial   primary key,
    delivery_id  uuid        not null references delivery (id),
    attempt      int         not null,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  int         not null
);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, attempt);
