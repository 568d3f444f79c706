-- 就业登记 for work found elsewhere: the employer may not be a unit registered here, so the record names it only.
alter table employment.employment alter column unit_id drop not null;
