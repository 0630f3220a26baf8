-- A replayed delivery gets the whole retry schedule again; attempts before the replay stay in its history.
alter table delivery add column attempts_before_replay int not null default 0;
alter table delivery add column replayed_at timestamptz;
create index delivery_by_recipient_status on delivery (recipient, status, created_at);
