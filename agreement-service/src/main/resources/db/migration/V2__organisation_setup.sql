-- An organisation's safeguarding set-up: what it must have before it may share under an agreement.
alter table organisation
    add column area_served                varchar(300),
    add column lead_name                  varchar(200),
    add column lead_role                  varchar(200),
    add column lead_email                 varchar(320),
    add column lead_phone                 varchar(50),
    add column whistleblowing_reference   varchar(2000),
    add column whistleblowing_owner       varchar(200),
    add column whistleblowing_review_date date,
    add column escalation_route           jsonb,
    add column suspended_at               timestamptz,
    add column suspension_reason          varchar(2000),
    -- The activation state last announced, so a change (including a policy falling out of date) is announced once.
    add column active                     boolean not null default false,
    add column gateway_client_id          varchar(200),
    add column gateway_client_status      varchar(20) not null default 'PENDING',
    add column gateway_client_error       varchar(2000);

alter table organisation_change alter column change type varchar(2000);

-- Work for the identity provider (create, enable, disable the gateway client), retried until done.
create table gateway_client_task (
    id              bigserial    primary key,
    organisation    varchar(64)  not null references organisation (code),
    action          varchar(20)  not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    done_at         timestamptz,
    last_error      varchar(2000)
);
create index gateway_client_task_due on gateway_client_task (next_attempt_at) where done_at is null;
