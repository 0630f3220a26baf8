-- Information sharing agreements (local protocols). An agreement has numbered versions; a version's terms
-- are frozen from its first signature, and an amendment is a new version.
create table sharing_agreement (
    id         uuid         primary key,
    reference  varchar(40)  not null unique,
    created_at timestamptz  not null,
    created_by varchar(200) not null
);

create table agreement_version (
    id                      uuid         primary key,
    agreement_id            uuid         not null references sharing_agreement (id),
    version                 int          not null,
    status                  varchar(20)  not null,
    terms                   jsonb        not null,
    parties                 varchar(64)[] not null,
    effective_from          date         not null,
    effective_to            date,
    review_date             date         not null,
    review_due_announced_at timestamptz,
    activated_at            timestamptz,
    ended_at                timestamptz,
    end_reason              varchar(2000),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    lock_version            bigint       not null default 0,
    unique (agreement_id, version)
);
create index agreement_version_by_status on agreement_version (status);
create index agreement_version_parties on agreement_version using gin (parties);

create table agreement_signature (
    id              bigserial    primary key,
    version_id      uuid         not null references agreement_version (id),
    organisation    varchar(64)  not null,
    signatory_name  varchar(200) not null,
    signatory_role  varchar(200) not null,
    signed_by       varchar(200) not null,
    signed_at       timestamptz  not null,
    unique (version_id, organisation)
);

-- When a version was in force: opened by activation or resumption, closed by suspension, supersession,
-- termination, lapse or expiry. Coverage at a past time is answered from these.
create table agreement_period (
    id         bigserial   primary key,
    version_id uuid        not null references agreement_version (id),
    from_time  timestamptz not null,
    until_time timestamptz
);
create index agreement_period_by_version on agreement_period (version_id);

create table agreement_change (
    id           bigserial     primary key,
    agreement_id uuid          not null,
    version      int,
    change       varchar(2000) not null,
    changed_by   varchar(200)  not null,
    changed_at   timestamptz   not null
);
create index agreement_change_by_agreement on agreement_change (agreement_id, id);
