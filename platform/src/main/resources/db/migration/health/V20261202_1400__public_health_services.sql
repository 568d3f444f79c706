-- 国家基本公共卫生服务 (#17.3): who is managed in which programme, and each service due to them with its window.
create table health.phs_enrolment (
  id           uuid primary key,
  patient      uuid not null,
  programme    text not null,
  region_code  text not null,
  anchor       date not null,
  enrolled_on  date not null,
  enrolled_by  text not null,
  delivered_on date,
  closed_on    date,
  close_reason text,
  generated    boolean not null default false,
  created_at   timestamptz not null default now()
);
comment on table health.phs_enrolment is 'A resident managed in a basic public-health programme; anchor: birth (child), last menstrual period (pregnancy), 1 January of the first year (elderly), diagnosis (chronic), start of treatment (TB). Rows with generated = true are generated demo data.';
create unique index phs_enrolment_open on health.phs_enrolment (patient, programme) where closed_on is null;
create index phs_enrolment_region on health.phs_enrolment (region_code);

create table health.phs_item (
  id           uuid primary key,
  enrolment    uuid not null references health.phs_enrolment (id),
  patient      uuid not null,
  programme    text not null,
  item         text not null,
  label_zh     text not null,
  label_en     text not null,
  region_code  text not null,
  window_from  date not null,
  window_to    date not null,
  status       text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'VOID')),
  done_on      date,
  done_by      text,
  note         text,
  reminded_at  timestamptz,
  generated    boolean not null default false,
  unique (enrolment, item)
);
comment on table health.phs_item is 'One service due under a programme (a visit, a follow-up, a yearly check) with the window the national specification gives it. Rows with generated = true are generated demo data.';
create index phs_item_open on health.phs_item (region_code, window_to) where status = 'OPEN';
create index phs_item_patient on health.phs_item (patient);

-- Daily bed capacity of hospitals (#17.4): one report a hospital a day (a correction the same day replaces it).
create table health.bed_report (
  facility         uuid not null,
  day              date not null,
  region_code      text not null,
  hospital         text not null,
  general_total    integer not null check (general_total >= 0),
  general_free     integer not null check (general_free between 0 and general_total),
  isolation_total  integer not null check (isolation_total >= 0),
  isolation_free   integer not null check (isolation_free between 0 and isolation_total),
  icu_total        integer not null check (icu_total >= 0),
  icu_free         integer not null check (icu_free between 0 and icu_total),
  reported_by      text not null,
  reported_at      timestamptz not null default now(),
  generated        boolean not null default false,
  primary key (facility, day)
);
comment on table health.bed_report is 'A hospital''s beds and free beds (general, isolation, ICU) on a day. Rows with generated = true are generated demo data.';
create index bed_report_day on health.bed_report (day, region_code);
