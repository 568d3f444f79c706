-- 公共就业服务: minimum wages as the provinces publish them (劳动法 第四十八条), and vacancies units post. A vacancy is
-- checked before it is published (pay, discriminatory requirements, fees) and may be suspended by the labour bureau.
create schema if not exists employment;

create table employment.minimum_wage (
  id             uuid primary key,
  region_code    varchar(12) not null,
  monthly_cents  integer     not null check (monthly_cents > 0),
  hourly_cents   integer     check (hourly_cents > 0),
  notice         text        not null,
  effective_from date        not null,
  entered_by     text        not null,
  entered_at     timestamptz not null default now(),
  unique (region_code, effective_from)
);

create table employment.vacancy (
  id               uuid primary key,
  unit_id          uuid        not null,
  unit_code        varchar(18) not null,
  unit_name        text        not null,
  title            text        not null,
  occupation       text        not null,
  openings         integer     not null check (openings between 1 and 10000),
  pay_min_cents    integer     not null check (pay_min_cents > 0),
  pay_max_cents    integer     not null,
  region_code      varchar(12) not null,
  address          text,
  requirements     text        not null default '',
  closing_date     date        not null,
  status           varchar(10) not null check (status in ('OPEN', 'SUSPENDED', 'CLOSED')),
  wage_checked     boolean     not null,
  suspended_reason text,
  suspended_by     text,
  posted_by        text        not null,
  generated        boolean     not null default false,
  created_at       timestamptz not null default now(),
  version          integer     not null default 0,
  check (pay_max_cents >= pay_min_cents)
);
create index vacancy_open on employment.vacancy (region_code text_pattern_ops, closing_date) where status = 'OPEN';
create index vacancy_unit on employment.vacancy (unit_id, created_at desc);
