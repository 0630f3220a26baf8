-- Each organisation's routing rules: per event type, whether its gateway receives the webhook and who is
-- emailed. Without a rule the defaults apply; safety-critical notifications ignore opt-outs.
create table routing_rule (
    organisation varchar(64)  not null,
    event_type   varchar(100) not null,
    webhook      boolean      not null,
    email_lead   boolean,      -- null: when the notification's audience asks a lead to act
    email_to     jsonb        not null default '[]',
    updated_by   varchar(200) not null,
    updated_at   timestamptz  not null,
    primary key (organisation, event_type)
);

-- A notification may now be emailed to several named contacts of one organisation.
alter table email_message drop constraint email_message_event_id_organisation_key;
alter table email_message add constraint email_message_once unique (event_id, organisation, to_address);
