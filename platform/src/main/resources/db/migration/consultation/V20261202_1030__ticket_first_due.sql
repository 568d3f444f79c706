-- Timeliness counts against the first due date: an escalated ticket gets a new one, but was late at its first office.
alter table consultation.ticket add column first_due date;
update consultation.ticket set first_due = due_date;
alter table consultation.ticket alter column first_due set not null;
