-- 法人 cases: a person acting for a unit (as its legal representative or authorised agent) files in the unit's name.
-- The applicant stays the person who filed; the unit is recorded with its credit code and name as they were.
alter table casework.case_file
  add column unit_id   uuid,
  add column unit_code varchar(18),
  add column unit_name text,
  add constraint case_unit_complete check ((unit_id is null) = (unit_code is null) and (unit_id is null) = (unit_name is null));
create index case_file_unit on casework.case_file (unit_id, submitted_at desc) where unit_id is not null;
