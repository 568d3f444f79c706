-- A job seeker's application to a vacancy, the unit's invitation and decision, and the employment a hire records
-- (就业登记): the figures 城镇新增就业 count these, per region of the workplace and month the work starts.
create table employment.application (
  id             uuid primary key,
  vacancy_id     uuid        not null references employment.vacancy (id),
  person_id      uuid        not null,
  person_name    text        not null,
  note           text,
  status         varchar(10) not null check (status in ('APPLIED', 'INVITED', 'REJECTED', 'HIRED', 'WITHDRAWN')),
  interview_at   timestamptz,
  interview_place text,
  decided_by     text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  version        integer     not null default 0,
  unique (vacancy_id, person_id)
);
create index application_person on employment.application (person_id, created_at desc);

create table employment.employment (
  id             uuid primary key,
  person_id      uuid        not null,
  unit_id        uuid        not null,
  unit_name      text        not null,
  vacancy_id     uuid,
  application_id uuid unique references employment.application (id),
  region_code    varchar(12) not null,
  started_on     date        not null,
  recorded_by    text        not null,
  generated      boolean     not null default false,
  created_at     timestamptz not null default now()
);
create index employment_region on employment.employment (region_code text_pattern_ops, started_on);
create index employment_person on employment.employment (person_id);
