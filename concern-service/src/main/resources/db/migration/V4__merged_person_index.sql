-- Pattern detection resolves merged records on every concern; without this the lookup scans every person.
create index person_by_merged_into on person (merged_into) where merged_into is not null;
