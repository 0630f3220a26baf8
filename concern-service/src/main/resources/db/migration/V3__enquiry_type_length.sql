-- OTHER_SAFEGUARDING_ENQUIRY did not fit.
alter table concern alter column enquiry_type type varchar(40);
