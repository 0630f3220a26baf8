create table organisation (
    code        varchar(64)  primary key,
    name        varchar(300) not null,
    type        varchar(60)  not null,
    gateway_url varchar(2000),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);

-- Signing secrets for an organisation's gateway, sealed at rest; a rotated-out secret stays valid until
-- not_after so receivers can switch over.
create table gateway_secret (
    id            uuid        primary key,
    organisation  varchar(64) not null references organisation (code),
    sealed_secret text        not null,
    created_at    timestamptz not null,
    not_after     timestamptz
);
create index gateway_secret_by_organisation on gateway_secret (organisation);

-- Who changed what and when.
create table organisation_change (
    id           bigserial    primary key,
    organisation varchar(64)  not null,
    change       varchar(100) not null,
    changed_by   varchar(200) not null,
    changed_at   timestamptz  not null
);
