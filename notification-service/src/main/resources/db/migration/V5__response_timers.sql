-- Response-time (SLA) timers: the deadline another service set for a subject, until the expected follow-up
-- arrives or the deadline passes (then a breach is announced, once).
create table response_timer (
    subject_id   varchar(200) primary key,
    subject_type varchar(40)  not null,
    owner        varchar(64)  not null,
    step         varchar(60),
    due_at       timestamptz  not null,
    status       varchar(20)  not null,
    set_by_event varchar(200) not null,
    updated_at   timestamptz  not null,
    breached_at  timestamptz
);
create index response_timer_due on response_timer (due_at) where status = 'RUNNING';
