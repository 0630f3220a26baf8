-- One gate (issue 15): another organisation reads of a concern only what sharing-service's decisions released to it.
-- One row per decision about the concern (approved, refused or pending), kept from sharing-service's events.
create table concern_release (
    request_id   uuid         primary key,
    concern_id   uuid         not null references concern (id),
    organisation varchar(64)  not null,
    outcome      varchar(20)  not null,
    route        varchar(40),
    released     varchar(40)[] not null,
    withheld     jsonb        not null,
    decided_at   timestamptz  not null
);
create index concern_release_by_reader on concern_release (concern_id, organisation);

-- Existing grants stay (workflow facts only: status, step, owner, deadlines). No grant carried any category, so
-- nothing an organisation other than the raiser could read of a concern before stays readable until a decision
-- releases it. DISCLOSED grants are now made by those decisions.
