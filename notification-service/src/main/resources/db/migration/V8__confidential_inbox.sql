-- A whistleblowing concern's message to the organisation it is about reaches only the role it names (its
-- safeguarding lead): not the organisation's gateway, nor its other inboxes.
alter table inbox_message add column confidential boolean not null default false;
