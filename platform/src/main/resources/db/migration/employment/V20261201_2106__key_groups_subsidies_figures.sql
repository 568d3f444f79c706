-- Key groups, occupation groups, the unemployment record and the subsidies' standards (#13 items 2, 6, 8).
--  * 求职登记 keeps the graduation date a graduate gives (高校毕业生 are those within two years of it) and when the record
--    was first made; vacancies and seekers carry the major group (大类) of the 2022 occupational classification.
--  * 失业登记 writes an unemployment spell when the registration is approved; a hire ends it (失业人员再就业).
--  * An employment remembers what its person was when hired (registered unemployed, 就业困难人员) and whether the post
--    was a 公益性岗位, so the figures can be recomputed from these rows alone.
--  * Subsidy standards are entered by a city's labour bureau with the notice that sets them, like minimum wages.
alter table employment.seeker
  add column graduated_on     date,
  add column occupation_group smallint    not null default 8 check (occupation_group between 1 and 8),
  add column registered_at    timestamptz not null default now();

alter table employment.vacancy
  add column occupation_group smallint not null default 8 check (occupation_group between 1 and 8),
  add column public_welfare   boolean  not null default false;

alter table employment.employment
  add column was_unemployed boolean not null default false,
  add column was_difficulty boolean not null default false,
  add column public_welfare boolean not null default false;

create table employment.unemployment_spell (
  case_id       uuid primary key,
  person_id     uuid        not null,
  region_code   varchar(12) not null,
  registered_on date        not null,
  ended_on      date,
  employment_id uuid references employment.employment (id),
  check ((ended_on is null) = (employment_id is null))
);
create index unemployment_spell_open on employment.unemployment_spell (person_id) where ended_on is null;

create table employment.subsidy_standard (
  id             uuid primary key,
  city_code      varchar(12) not null,
  item           text        not null,
  amount_cents   integer     not null check (amount_cents > 0),
  per            varchar(5)  not null check (per in ('ONCE', 'MONTH')),
  max_months     smallint    check (max_months between 1 and 120),
  notice         text        not null,
  effective_from date        not null,
  entered_by     text        not null,
  entered_at     timestamptz not null default now(),
  generated      boolean     not null default false,
  unique (city_code, item, effective_from),
  check ((per = 'MONTH') = (max_months is not null))
);

-- A claim is for an employment (units' subsidies) or for a person and a reason (training: the course; start-up: once).
alter table employment.subsidy_claim
  alter column employment_id drop not null,
  add column person_id    uuid,
  add column reason       text,
  add column amount_cents integer;
create index subsidy_claim_person on employment.subsidy_claim (person_id, item);
