-- The pattern rules read the id, organisation and adult of every concern about the same adult, alleged
-- person or setting within a window. Carrying those columns in the indexes lets PostgreSQL answer from the
-- index alone instead of visiting a table page per concern.
drop index concern_by_adult;
create index concern_by_adult on concern (adult_person_id, raised_at) include (id, organisation);
drop index concern_by_pah;
create index concern_by_pah on concern (pah_person_id, raised_at) include (id, organisation, adult_person_id)
    where pah_person_id is not null;
drop index concern_by_setting;
create index concern_by_setting on concern (setting_key, raised_at) include (id, organisation, adult_person_id)
    where setting_key is not null;
