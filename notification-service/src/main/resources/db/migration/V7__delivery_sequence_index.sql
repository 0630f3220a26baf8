-- A recipient's messages about one subject, by sequence: the next sequence number, and the check that an
-- earlier message is still pending, read this instead of every delivery the recipient ever had.
create index delivery_by_subject on delivery (recipient, subject, sequence);
