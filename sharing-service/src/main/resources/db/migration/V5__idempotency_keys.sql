-- A gateway that retries POST /sharing-requests or POST /consent-records after a lost answer sends the same
-- Idempotency-Key, and gets what the first request made instead of a second decision (and a second disclosure) or a
-- second consent record (and a second withdrawal fan-out). The platform kit's shape (IdempotencyKeys).
create table kit_idempotency_key (
    organisation        varchar(64)  not null,
    operation           varchar(64)  not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    resource_id         uuid         not null,
    created_at          timestamptz  not null,
    primary key (organisation, operation, idempotency_key)
);
