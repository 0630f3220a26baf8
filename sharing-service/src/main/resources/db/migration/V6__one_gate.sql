-- One gate (issue 15): every route by which a concern reaches another organisation is a sharing decision here. A
-- decision made on a route names it; an emergency request carries its structured justification.
alter table sharing_request add column route varchar(40);
alter table sharing_request add column emergency_justification jsonb;
-- A whistleblowing concern's routing: not shown to, nor followed up by, the raising organisation, whose management
-- the concern bypasses; the decision log and subject access still hold it.
alter table sharing_request add column confidential boolean not null default false;

-- Emergency use by an organisation's staff, for its safeguarding lead and Caldicott guardian.
create index sharing_request_emergency on sharing_request (organisation, requested_at desc) where emergency;
