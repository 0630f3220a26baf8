-- People known to the platform, matched across agencies (NHS number, else name + date of birth + postcode).
create table person (
    id            uuid         primary key,
    given_name    varchar(200) not null,
    family_name   varchar(200) not null,
    date_of_birth date,
    nhs_number    varchar(10),
    postcode      varchar(10),
    match_key     varchar(500),
    merged_into   uuid references person (id),
    created_at    timestamptz  not null
);
create index person_by_nhs_number on person (nhs_number) where nhs_number is not null;
create index person_by_match_key on person (match_key) where match_key is not null;

create table person_merge (
    id          bigserial     primary key,
    person_id   uuid          not null references person (id),
    merged_into uuid          not null references person (id),
    action      varchar(10)   not null,
    reason      varchar(2000) not null,
    done_by     varchar(200)  not null,
    done_at     timestamptz   not null
);

-- The full concern, as raised, and where it stands.
alter table concern rename column summary to what_happened;
alter table concern
    add column adult_person_id              uuid references person (id),
    add column adult_date_of_birth          date,
    add column adult_nhs_number             varchar(10),
    add column adult_postcode               varchar(10),
    add column abuse_types                  varchar(40)[] not null default '{}',
    add column location_type                varchar(40),
    add column setting_name                 varchar(300),
    add column setting_key                  varchar(300),
    add column source_of_risk               varchar(40),
    add column pah_person_id                uuid references person (id),
    add column pah_given_name               varchar(200),
    add column pah_family_name              varchar(200),
    add column pah_relationship             varchar(200),
    add column immediate_actions            text,
    add column views_and_wishes             text,
    add column desired_outcomes             text,
    add column lacked_capacity              varchar(20),
    add column capacity_support             varchar(200),
    add column emergency_services_contacted boolean not null default false,
    add column whistleblowing               boolean not null default false,
    add column implicates_safeguarding_lead boolean not null default false,
    add column current_step                 varchar(20),
    add column owner_organisation           varchar(64),
    add column local_authority              varchar(64),
    add column response_due_at              timestamptz,
    add column section42_met                boolean,
    add column enquiry_type                 varchar(20),
    add column outcome                      varchar(60),
    add column risk_result                  varchar(20),
    add column closed_at                    timestamptz,
    add column closure_reason               text,
    add column closed_without_referral      boolean not null default false;
create index concern_due on concern (response_due_at) where response_due_at is not null;
create index concern_by_adult on concern (adult_person_id, raised_at);
create index concern_by_pah on concern (pah_person_id, raised_at) where pah_person_id is not null;
create index concern_by_setting on concern (setting_key, raised_at) where setting_key is not null;

-- Which organisations may see a concern, and why (raised it, owns a step, referred to, disclosed to).
create table concern_access (
    concern_id   uuid        not null references concern (id),
    organisation varchar(64) not null,
    reason       varchar(40) not null,
    granted_at   timestamptz not null,
    primary key (concern_id, organisation)
);
create index concern_access_by_organisation on concern_access (organisation, concern_id);

-- Every step of every concern: who, when, what and why.
create table concern_step (
    id           bigserial     primary key,
    concern_id   uuid          not null references concern (id),
    action       varchar(40)   not null,
    step         varchar(20),
    organisation varchar(64),
    done_by      varchar(200)  not null,
    done_at      timestamptz   not null,
    reason       text
);
create index concern_step_by_concern on concern_step (concern_id, id);

-- Partner organisations as announced by agreement-service (routing and escalation need them).
create table organisation_replica (
    code             varchar(64)  primary key,
    name             varchar(300) not null,
    type             varchar(60)  not null,
    area_served      varchar(300),
    status           varchar(20)  not null,
    escalation_route jsonb,
    updated_at       timestamptz  not null
);

-- Pattern alerts: one open alert per rule and subject; later concerns join it.
create table pattern_alert (
    id              uuid          primary key,
    rule            varchar(40)   not null,
    subject_key     varchar(300)  not null,
    local_authority varchar(64),
    status          varchar(20)   not null,
    concern_ids     uuid[]        not null,
    organisations   varchar(64)[] not null,
    detected_at     timestamptz   not null,
    updated_at      timestamptz   not null,
    decision        varchar(40),
    decision_reason text,
    decided_by      varchar(200),
    decided_at      timestamptz
);
create unique index pattern_alert_one_open on pattern_alert (rule, subject_key) where status = 'OPEN';

-- Concerns stored before this version: routed to their raisers' line managers, visible to their raisers.
update concern set status = 'AWAITING_ACKNOWLEDGEMENT', current_step = 'LINE_MANAGER', owner_organisation = organisation
    where status = 'RAISED';
insert into concern_access (concern_id, organisation, reason, granted_at)
    select id, organisation, 'RAISED', raised_at from concern;
