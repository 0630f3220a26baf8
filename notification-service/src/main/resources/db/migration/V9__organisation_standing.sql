-- Each organisation's standing as agreement-service last announced: a suspended organisation's tokens are refused.
ALTER TABLE organisation_contact ADD COLUMN status varchar(20);
CREATE INDEX organisation_contact_suspended ON organisation_contact (organisation) WHERE status = 'SUSPENDED';
