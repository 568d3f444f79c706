-- Social insurance (#14): parameters as versioned data with their notices, enrolments, monthly declarations and the
-- append-only contribution ledger.
create schema if not exists insurance;

-- Rates per insurance, scheme and region (the longest matching prefix wins; '' is the national row), from a month on.
-- In basis points of the contribution base (10000 = 100 %). 工伤 rows are per industry risk class (人社部发〔2015〕71号).
create table insurance.rate (
  id            uuid primary key,
  insurance     varchar(20) not null check (insurance in ('PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY',
                                                          'RESIDENT_PENSION', 'RESIDENT_MEDICAL')),
  scheme        varchar(10) not null check (scheme in ('EMPLOYEE', 'FLEXIBLE')),
  region_prefix varchar(12) not null check (region_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$'),
  risk_class    smallint    not null default 0 check (risk_class between 0 and 8),
  employer_bp   integer     not null check (employer_bp between 0 and 5000),
  individual_bp integer     not null check (individual_bp between 0 and 5000),
  account_bp    integer     not null default 0 check (account_bp between 0 and 5000),
  valid_from    date        not null check (extract(day from valid_from) = 1),
  notice        text        not null,
  entered_by    text        not null,
  entered_at    timestamptz not null default now(),
  generated     boolean     not null default false,
  unique (insurance, scheme, region_prefix, risk_class, valid_from),
  check ((insurance = 'INJURY') = (risk_class > 0))
);

-- The average wage that sets the contribution base band (60 %–300 %) in a province for a year, with its source.
create table insurance.average_wage (
  province_code varchar(2)  not null,
  year          smallint    not null,
  monthly_cents bigint      not null check (monthly_cents > 0),
  source        text        not null,
  entered_by    text        not null,
  entered_at    timestamptz not null default now(),
  generated     boolean     not null default false,
  primary key (province_code, year)
);

-- 职工基本养老保险个人账户记账利率, one a year, as the ministry publishes it.
create table insurance.account_interest (
  year    smallint primary key,
  rate_bp integer not null check (rate_bp between 0 and 2000),
  notice  text    not null
);

-- 工伤保险 class and floating rate of a unit (人社部发〔2015〕71号: class 1 floats to 120 % / 150 %; classes 2–8 to 50 %,
-- 80 %, 120 %, 150 %), set by the agency from the unit's industry.
create table insurance.unit_injury_class (
  unit_id       uuid        not null,
  valid_from    date        not null check (extract(day from valid_from) = 1),
  risk_class    smallint    not null check (risk_class between 1 and 8),
  float_percent smallint    not null check (float_percent in (50, 80, 100, 120, 150)),
  set_by        text        not null,
  set_at        timestamptz not null default now(),
  primary key (unit_id, valid_from),
  check (risk_class > 1 or float_percent >= 100)
);

-- 参保登记: a person in an insurance, through a unit (EMPLOYEE), on their own at the place of work (FLEXIBLE), or in a
-- residents' scheme (RESIDENT); open while to_month is null; one open enrolment per person and insurance.
create table insurance.enrolment (
  id          uuid primary key,
  person_id   uuid        not null,
  insurance   varchar(20) not null,
  scheme      varchar(10) not null check (scheme in ('EMPLOYEE', 'FLEXIBLE', 'RESIDENT')),
  unit_id     uuid,
  region_code varchar(12) not null,
  from_month  date        not null check (extract(day from from_month) = 1),
  to_month    date        check (to_month >= from_month),
  end_reason  varchar(20) check (end_reason in ('INVOLUNTARY', 'VOLUNTARY', 'RETIRED', 'DIED', 'TRANSFERRED', 'OTHER')),
  created_by  text        not null,
  created_at  timestamptz not null default now(),
  generated   boolean     not null default false,
  check ((scheme = 'EMPLOYEE') = (unit_id is not null)),
  check ((to_month is null) = (end_reason is null))
);
create unique index enrolment_open on insurance.enrolment (person_id, insurance) where to_month is null;
create index enrolment_unit on insurance.enrolment (unit_id, to_month);
create index enrolment_region on insurance.enrolment (region_code text_pattern_ops, insurance);

-- A unit's monthly declaration of an employee's wage; the base it gives, clamped into the band.
create table insurance.declaration (
  unit_id     uuid        not null,
  person_id   uuid        not null,
  month       date        not null check (extract(day from month) = 1),
  wage_cents  bigint      not null check (wage_cents >= 0),
  base_cents  bigint      not null check (base_cents > 0),
  declared_by text        not null,
  declared_at timestamptz not null default now(),
  generated   boolean     not null default false,
  primary key (unit_id, person_id, month)
);

-- The contribution ledger: per person, insurance and month, append-only. DUE from a declaration or a flexible worker's
-- month, PAID from a payment, TRANSFER_IN for months moved from elsewhere, CORRECTION (signed, with a reason and an
-- approver) for a due amount put right. Every row says where it came from.
create table insurance.ledger (
  id             bigint generated always as identity primary key,
  person_id      uuid        not null,
  insurance      varchar(20) not null,
  month          date        not null check (extract(day from month) = 1),
  kind           varchar(12) not null check (kind in ('DUE', 'PAID', 'TRANSFER_IN', 'CORRECTION')),
  base_cents     bigint,
  employer_cents bigint      not null default 0,
  individual_cents bigint    not null default 0,
  account_cents  bigint      not null default 0,
  late_fee_cents bigint      not null default 0,
  unit_id        uuid,
  region_code    varchar(12) not null,
  source         text        not null,
  reason         text,
  approved_by    text,
  entered_by     text        not null,
  entered_at     timestamptz not null default now(),
  generated      boolean     not null default false,
  check (kind <> 'CORRECTION' or (reason is not null and approved_by is not null))
);
create index ledger_person on insurance.ledger (person_id, insurance, month);
create index ledger_region_month on insurance.ledger (region_code text_pattern_ops, month);
-- One due and one payment per person, insurance, month and payer; a second declaration is a correction instead.
create unique index ledger_due_once on insurance.ledger (person_id, insurance, month, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where kind = 'DUE';
create unique index ledger_paid_once on insurance.ledger (person_id, insurance, month, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where kind = 'PAID';

create function insurance.ledger_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'insurance.ledger is append-only: post a correction instead';
end $$;
create trigger ledger_append_only before update or delete on insurance.ledger
  for each row execute function insurance.ledger_is_append_only();

-- National rows the platform can name a notice for; every other rate (medical, unemployment, maternity and the
-- provinces' own) is entered by the provincial agency.
insert into insurance.rate (id, insurance, scheme, region_prefix, risk_class, employer_bp, individual_bp, account_bp,
                            valid_from, notice, entered_by) values
  (gen_random_uuid(), 'PENSION', 'EMPLOYEE', '', 0, 1600, 800, 800, date '2019-05-01',
   '国办发〔2019〕13号《降低社会保险费率综合方案》（单位16%）；国发〔2005〕38号（个人8%，全部记入个人账户）', 'migration'),
  (gen_random_uuid(), 'PENSION', 'FLEXIBLE', '', 0, 0, 2000, 800, date '2006-01-01',
   '国发〔2005〕38号：城镇个体工商户和灵活就业人员缴费比例为20%，其中8%记入个人账户', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 1, 20, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：一类行业基准费率0.2%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 2, 40, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：二类行业基准费率0.4%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 3, 70, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：三类行业基准费率0.7%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 4, 90, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：四类行业基准费率0.9%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 5, 110, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：五类行业基准费率1.1%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 6, 130, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：六类行业基准费率1.3%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 7, 160, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：七类行业基准费率1.6%', 'migration'),
  (gen_random_uuid(), 'INJURY', 'EMPLOYEE', '', 8, 190, 0, 0, date '2015-10-01', '人社部发〔2015〕71号：八类行业基准费率1.9%', 'migration');

-- 记账利率 as published each year by 人力资源社会保障部、财政部《关于公布……年职工基本养老保险个人账户记账利率等参数的通知》.
insert into insurance.account_interest (year, rate_bp, notice) values
  (2016, 831, '人力资源社会保障部 财政部关于公布2016年职工基本养老保险个人账户记账利率的通知：8.31%'),
  (2017, 712, '人力资源社会保障部 财政部关于公布2017年职工基本养老保险个人账户记账利率等参数的通知：7.12%'),
  (2018, 829, '人力资源社会保障部 财政部关于公布2018年职工基本养老保险个人账户记账利率等参数的通知：8.29%'),
  (2019, 761, '人力资源社会保障部 财政部关于公布2019年职工基本养老保险个人账户记账利率等参数的通知：7.61%'),
  (2020, 604, '人力资源社会保障部 财政部关于公布2020年职工基本养老保险个人账户记账利率等参数的通知：6.04%'),
  (2021, 669, '人力资源社会保障部 财政部关于公布2021年职工基本养老保险个人账户记账利率等参数的通知：6.69%'),
  (2022, 612, '人力资源社会保障部 财政部关于公布2022年职工基本养老保险个人账户记账利率等参数的通知：6.12%'),
  (2023, 397, '人力资源社会保障部 财政部关于公布2023年职工基本养老保险个人账户记账利率等参数的通知：3.97%'),
  (2024, 262, '人力资源社会保障部 财政部关于公布2024年职工基本养老保险个人账户记账利率等参数的通知：2.62%');
