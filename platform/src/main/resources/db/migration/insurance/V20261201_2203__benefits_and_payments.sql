-- Benefits computed from the record (#14.4–5): a city's unemployment-benefit standard, awards with the inputs they were
-- computed from, and monthly payments — exactly one per person, benefit and month — with their runs, bank files and
-- recoveries.
create table insurance.benefit_standard (
  id             uuid primary key,
  city_code      varchar(12) not null,
  benefit        varchar(20) not null check (benefit in ('UNEMPLOYMENT')),
  monthly_cents  bigint      not null check (monthly_cents > 0),
  notice         text        not null,
  effective_from date        not null,
  entered_by     text        not null,
  entered_at     timestamptz not null default now(),
  generated      boolean     not null default false,
  unique (city_code, benefit, effective_from)
);

create table insurance.award (
  id            uuid primary key,
  person_id     uuid        not null,
  benefit       varchar(20) not null check (benefit in ('UNEMPLOYMENT', 'PENSION')),
  region_code   varchar(12) not null,
  case_id       uuid unique,
  start_month   date        not null check (extract(day from start_month) = 1),
  months        smallint    check (months between 1 and 24),
  monthly_cents bigint      not null check (monthly_cents > 0),
  status        varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'STOPPED', 'ENDED')),
  stop_reason   varchar(20) check (stop_reason in ('REEMPLOYED', 'ENLISTED', 'EMIGRATED', 'PENSION', 'DIED', 'OTHER')),
  stopped_month date,
  inputs        jsonb       not null,
  created_at    timestamptz not null default now(),
  generated     boolean     not null default false,
  check ((benefit = 'UNEMPLOYMENT') = (months is not null)),
  check ((status = 'ACTIVE') = (stop_reason is null))
);
create unique index award_active on insurance.award (person_id, benefit) where status = 'ACTIVE';
create index award_region on insurance.award (region_code text_pattern_ops) where status = 'ACTIVE';

create table insurance.payment_run (
  id          uuid primary key,
  month       date        not null check (extract(day from month) = 1),
  started_by  text        not null,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  created     integer     not null default 0,
  cursor      uuid
);

-- One payment per person, benefit and month, whatever happens: the unique key is the guarantee, not the run's care.
create table insurance.payment (
  id           uuid primary key default gen_random_uuid(),
  award_id     uuid        not null references insurance.award (id),
  person_id    uuid        not null,
  benefit      varchar(20) not null,
  month        date        not null,
  amount_cents bigint      not null check (amount_cents > 0),
  region_code  varchar(12) not null,
  run_id       uuid        not null references insurance.payment_run (id),
  status       varchar(10) not null default 'PENDING' check (status in ('PENDING', 'SENT', 'PAID', 'FAILED', 'HELD', 'VOID')),
  attempts     smallint    not null default 0,
  failure      text,
  file_id      uuid,
  created_at   timestamptz not null default now(),
  settled_at   timestamptz,
  generated    boolean     not null default false,
  unique (person_id, benefit, month)
);
create index payment_award on insurance.payment (award_id);
create index payment_status on insurance.payment (status, region_code text_pattern_ops);

create table insurance.bank_file (
  id         uuid primary key,
  month      date        not null,
  lines      integer     not null,
  total_cents bigint     not null,
  content    text        not null,
  created_by text        not null,
  created_at timestamptz not null default now(),
  returned_at timestamptz
);

-- Money paid for months after a death: to be recovered from the estate (社会保险法 art. 88 on benefits taken wrongly).
create table insurance.recovery (
  id           uuid primary key,
  payment_id   uuid        not null unique references insurance.payment (id),
  person_id    uuid        not null,
  amount_cents bigint      not null,
  reason       text        not null,
  region_code  varchar(12) not null,
  status       varchar(10) not null default 'OPEN' check (status in ('OPEN', 'RECOVERED', 'WAIVED')),
  created_at   timestamptz not null default now()
);

-- A pension claim keeps what the case form does not: the original statutory age (women 50 or 55 by their post) and the
-- month chosen within the flexible window.
create table insurance.pension_claim (
  case_id      uuid primary key,
  person_id    uuid        not null,
  original_age smallint    not null check (original_age in (50, 55, 60)),
  retire_month date        not null check (extract(day from retire_month) = 1),
  created_at   timestamptz not null default now()
);
