-- Consent records: who the adult is across agencies, the scope of consent, and the reasons when consent is
-- not the basis. Rows are still never updated: a withdrawal is a new record naming what it withdraws.
alter table consent_record
    add column adult_person_id   uuid,
    add column adult_nhs_number  varchar(10),
    add column recipients        jsonb not null default '[]',
    add column recipient_types   jsonb not null default '[]',
    add column data_categories   jsonb not null default '[]',
    add column expires_on        date,
    add column not_sought_reason varchar(40),
    add column explanation       varchar(4000),
    add column capacity_assessment_reference varchar(200),
    add column capacity_assessed_on          date,
    add column best_interests_decision       varchar(4000),
    add column best_interests_decided_by     varchar(200),
    add column best_interests_decider_role   varchar(200),
    add column withdraws         uuid references consent_record (id);
create index consent_by_person on consent_record (organisation, adult_person_id, recorded_at desc);
create index consent_by_nhs_number on consent_record (organisation, adult_nhs_number, recorded_at desc);
create index consent_by_name on consent_record (organisation, lower(adult_family_name), adult_date_of_birth);

-- Organisations' standing, as agreement-service announces it (decisions need both parties active).
alter table organisation_replica
    add column status      varchar(20) not null default 'INCOMPLETE',
    add column area_served varchar(200);

-- Agreement versions as agreement-service announces them: decisions never wait on that service.
create table agreement_replica (
    version_id     uuid         primary key,
    agreement_id   uuid         not null,
    reference      varchar(100) not null,
    version        int          not null,
    status         varchar(30)  not null,
    effective_from date,
    effective_to   date,
    terms          jsonb        not null,
    updated_at     timestamptz  not null
);
create table agreement_party (
    version_id   uuid        not null references agreement_replica (version_id),
    organisation varchar(64) not null,
    primary key (organisation, version_id)
);

-- Concerns as concern-service announces them: who raised them, about whom, who else is involved.
create table concern_replica (
    concern_id      uuid        primary key,
    organisation    varchar(64) not null,
    adult_person_id uuid,
    local_authority varchar(64),
    urgency         varchar(20) not null,
    whistleblowing  boolean     not null,
    raised_at       timestamptz not null
);
create table concern_party (
    concern_id   uuid        not null references concern_replica (concern_id),
    organisation varchar(64) not null,
    primary key (concern_id, organisation)
);

-- A request to share and the decision on it, with every reason. The decision as made is also in the log.
create table sharing_request (
    id                     uuid          primary key,
    organisation           varchar(64)   not null,
    recipient              varchar(64)   not null,
    adult_person_id        uuid,
    adult_nhs_number       varchar(10),
    adult_given_name       varchar(200),
    adult_family_name      varchar(200),
    adult_date_of_birth    date,
    concern_id             uuid,
    purpose                varchar(60)   not null,
    requested_categories   jsonb         not null,
    emergency              boolean       not null,
    ground                 varchar(40),
    justification          varchar(4000),
    public_interest        jsonb,
    legal_duty             jsonb,
    requested_by           varchar(200)  not null,
    requested_by_name      varchar(200)  not null,
    requested_at           timestamptz   not null,
    outcome                varchar(20)   not null,
    reasons                jsonb         not null,
    released_categories    jsonb         not null,
    withheld               jsonb         not null,
    agreement_id           uuid,
    agreement_reference    varchar(100),
    agreement_version      int,
    agreement_version_id   uuid,
    consent_record_id      uuid,
    without_consent        boolean       not null,
    article6_basis         varchar(40),
    article9_condition     varchar(60),
    schedule1_condition    varchar(80),
    criminal_offence_condition varchar(80),
    decided_at             timestamptz   not null,
    decided_by             varchar(200),
    decision_note          varchar(4000),
    version                bigint        not null default 0
);
create index sharing_request_by_organisation on sharing_request (organisation, requested_at desc);
create index sharing_request_pending on sharing_request (organisation) where outcome = 'PENDING_APPROVAL';
create index sharing_request_by_concern on sharing_request (concern_id);
create index sharing_request_by_person on sharing_request (adult_person_id);

create table decision_challenge (
    id           uuid          primary key,
    request_id   uuid          not null references sharing_request (id),
    organisation varchar(64)   not null,
    raised_by    varchar(200)  not null,
    reason       varchar(4000) not null,
    raised_at    timestamptz   not null,
    status       varchar(20)   not null,
    resolution   varchar(4000),
    resolved_by  varchar(200),
    resolved_at  timestamptz
);
create index challenge_by_request on decision_challenge (request_id);

-- What was actually shared: an exact snapshot, read by the recipient only.
create table disclosure (
    id                  uuid          primary key,
    request_id          uuid          not null references sharing_request (id),
    organisation        varchar(64)   not null,
    recipient           varchar(64)   not null,
    adult_person_id     uuid,
    concern_id          uuid,
    purpose             varchar(60)   not null,
    categories          jsonb         not null,
    emergency           boolean       not null,
    status              varchar(20)   not null,
    snapshot            text,
    snapshot_sha256     char(64),
    attempts            int           not null default 0,
    next_attempt_at     timestamptz   not null,
    last_error          varchar(1000),
    created_at          timestamptz   not null,
    made_at             timestamptz
);
create index disclosure_by_recipient on disclosure (recipient, created_at desc);
create index disclosure_by_organisation on disclosure (organisation, created_at desc);
create index disclosure_by_request on disclosure (request_id);
create index disclosure_preparing on disclosure (next_attempt_at) where status = 'PREPARING';

-- Emergency disclosures are approved at once and reviewed afterwards.
create table review_task (
    id           uuid          primary key,
    request_id   uuid          not null references sharing_request (id),
    organisation varchar(64)   not null,
    due_at       timestamptz   not null,
    status       varchar(20)   not null,
    appropriate  boolean,
    notes        varchar(4000),
    reviewed_by  varchar(200),
    reviewed_at  timestamptz
);
create index review_by_organisation on review_task (organisation, status, due_at);

-- Sharing without consent: the person is told, or an exemption says why not.
create table inform_task (
    id                  uuid          primary key,
    request_id          uuid          not null references sharing_request (id),
    organisation        varchar(64)   not null,
    due_at              timestamptz   not null,
    status              varchar(20)   not null,
    informed_at         timestamptz,
    how_informed        varchar(2000),
    exemption_reason    varchar(40),
    explanation         varchar(4000),
    recorded_by         varchar(200),
    recorded_at         timestamptz,
    overdue_reported_at timestamptz
);
create index inform_by_organisation on inform_task (organisation, status, due_at);
create index inform_overdue on inform_task (due_at) where status = 'OPEN' and overdue_reported_at is null;

-- Consent withdrawn: each organisation that received information under it, and when it was told.
create table withdrawal_notice (
    id              uuid         primary key,
    withdrawal_id   uuid         not null references consent_record (id),
    consent_id      uuid         not null references consent_record (id),
    disclosure_id   uuid         not null references disclosure (id),
    recipient       varchar(64)  not null,
    event_id        varchar(100) not null,
    created_at      timestamptz  not null,
    told_at         timestamptz
);
create index notice_by_withdrawal on withdrawal_notice (withdrawal_id);
create unique index notice_by_event on withdrawal_notice (event_id);

-- The tamper-evident record: each entry's hash covers its content and the previous entry's hash.
create table decision_log (
    seq           bigint       primary key,
    entry_type    varchar(60)  not null,
    subject_id    uuid         not null,
    organisation  varchar(64)  not null,
    payload       text         not null,
    recorded_at   timestamptz  not null,
    previous_hash char(64)     not null,
    hash          char(64)     not null
);
create index decision_log_by_subject on decision_log (subject_id);

-- Appending is the only change allowed, even for the table's owner: updates, deletes and truncation fail.
create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end;
$$;
create trigger decision_log_no_update before update or delete on decision_log
    for each row execute function append_only();
create trigger decision_log_no_truncate before truncate on decision_log
    for each statement execute function append_only();
revoke update, delete, truncate on decision_log from public;

-- Consent history is kept the same way: nothing is overwritten.
create trigger consent_record_no_update before update or delete on consent_record
    for each row execute function append_only();
