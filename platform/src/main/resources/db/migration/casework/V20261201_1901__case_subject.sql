-- 为家人申请: the person a case is for when a resident applies for a relative (a child's 托位, a parent's care bed),
-- with the relation the household registry records. Null: the applicant applies for themselves.
alter table casework.case_file
  add column subject          uuid,
  add column subject_name     text,
  add column subject_relation varchar(10) check (subject_relation in ('CHILD', 'PARENT', 'SPOUSE')),
  add constraint case_subject_complete check ((subject is null) = (subject_relation is null)
    and (subject is null) = (subject_name is null));
create index case_file_subject on casework.case_file (subject) where subject is not null;
