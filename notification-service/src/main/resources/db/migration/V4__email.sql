-- Named contacts (the safeguarding lead) from agreement-service's organisation events.
create table organisation_contact (
    organisation varchar(64)  primary key,
    lead_name    varchar(200),
    lead_email   varchar(320),
    updated_at   timestamptz  not null
);

-- Emails to named contacts: written with the notification, sent by a worker, retried, never lost.
create table email_message (
    id              uuid          primary key,
    organisation    varchar(64)   not null,
    to_address      varchar(320)  not null,
    subject         varchar(300)  not null,
    body            text          not null,
    event_id        varchar(200)  not null,
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    unique (event_id, organisation)
);
create index email_due on email_message (next_attempt_at) where status = 'PENDING';
