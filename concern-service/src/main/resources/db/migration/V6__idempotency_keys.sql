-- A gateway that retries POST /concerns after a lost answer sends the same Idempotency-Key, and gets the concern it
-- raised the first time instead of a second one. Keys belong to the raising organisation and are kept as long as the
-- concern. The concern is inserted after its key in the same transaction, hence the deferred reference.
create table concern_idempotency_key (
    organisation        varchar(64)  not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    concern_id          uuid         not null references concern (id) deferrable initially deferred,
    created_at          timestamptz  not null,
    primary key (organisation, idempotency_key)
);
