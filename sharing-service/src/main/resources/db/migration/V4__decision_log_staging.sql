-- A deciding transaction no longer waits for the hash chain. It writes its entry here, in its own transaction, with
-- no lock; one chainer at a time (an advisory lock across replicas) links the waiting entries into decision_log in
-- batches and removes them from here in the same transaction. Verification links whatever is waiting first.
create table decision_log_pending (
    id           bigint       generated always as identity primary key,
    entry_type   varchar(60)  not null,
    subject_id   uuid         not null,
    organisation varchar(64)  not null,
    payload      text         not null,
    recorded_at  timestamptz  not null
);

-- Which waiting entry each chained entry came from (null for entries chained before staging existed).
alter table decision_log add column pending_id bigint;
create unique index decision_log_by_pending on decision_log (pending_id);

-- A waiting entry cannot be changed, and leaves only once an entry in the chain records it.
create function pending_entry_leaves_only_when_chained() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from decision_log where pending_id = old.id) then
        return old;
    end if;
    raise exception 'decision_log_pending entry % is not in the chain yet: % refused', old.id, tg_op using errcode = '42501';
end;
$$;
create trigger decision_log_pending_guard before update or delete on decision_log_pending
    for each row execute function pending_entry_leaves_only_when_chained();
create trigger decision_log_pending_no_truncate before truncate on decision_log_pending
    for each statement execute function append_only();
revoke update, truncate on decision_log_pending from public;
