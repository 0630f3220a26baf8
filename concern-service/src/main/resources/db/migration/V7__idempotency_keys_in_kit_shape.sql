-- Idempotency-Keys move to the platform kit's table shape (platform-kit IdempotencyKeys), which sharing-service uses
-- too: keys are per organisation and operation, and name the resource they created. Existing keys are kept.
create table kit_idempotency_key (
    organisation        varchar(64)  not null,
    operation           varchar(64)  not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    resource_id         uuid         not null,
    created_at          timestamptz  not null,
    primary key (organisation, operation, idempotency_key)
);
insert into kit_idempotency_key (organisation, operation, idempotency_key, request_fingerprint, resource_id, created_at)
select organisation, 'raiseConcern', idempotency_key, request_fingerprint, concern_id, created_at
from concern_idempotency_key;
drop table concern_idempotency_key;
