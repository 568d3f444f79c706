-- 求职登记: a job seeker's record — education, skills, the work, place and pay wanted, when they can start — and
-- whether employers may find them (only then do they appear in an employer's recommended seekers).
create table employment.seeker (
  person_id       uuid primary key,
  name            text        not null,
  education       varchar(16) not null check (education in ('JUNIOR', 'SENIOR', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE')),
  skills          text[]      not null default '{}',
  occupation      text        not null,
  region_code     varchar(12) not null,
  pay_cents       integer     not null check (pay_cents >= 0),
  available_from  date        not null,
  findable        boolean     not null default false,
  generated       boolean     not null default false,
  updated_at      timestamptz not null default now()
);
create index seeker_findable on employment.seeker (region_code text_pattern_ops) where findable;
