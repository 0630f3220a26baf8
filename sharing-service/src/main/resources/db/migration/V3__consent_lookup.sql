-- Consent history looked up by name and date of birth (an adult known by neither person id nor NHS number)
-- scanned every record the organisation holds.
create index consent_by_name_and_birth on consent_record (organisation, lower(adult_family_name), adult_date_of_birth);
