-- Facilities (托育机构, 幼儿园, 养老机构, 图书馆, 体育场 …): one registry shared by residents, staff and planners.
-- Types are contributed by domain modules (childcare, eldercare, venue, welfare) and upserted by code at start-up.
-- Capacity and occupancy are columns, so that taking a place is one conditional update (occupied < capacity).
create schema if not exists facility;

create table facility.type (
  code         text primary key,
  module       text not null,
  name_zh      text not null,
  name_en      text not null,
  department   text not null,
  definition   jsonb not null,
  updated_at   timestamptz not null default now()
);

create table facility.facility (
  id            uuid primary key,
  type          text        not null references facility.type (code),
  name          text        not null,
  region_code   varchar(12) not null,
  lon           double precision,
  lat           double precision,
  hours         text,
  fee_rule      text        not null check (fee_rule in ('FREE', 'LOW_FEE', 'CHARGED')),
  fee_cents     integer     not null default 0 check (fee_cents >= 0),
  status        text        not null check (status in ('PLANNED', 'BUILDING', 'OPEN', 'CLOSED')),
  status_since  date        not null,
  opened_on     date,
  closed_on     date,
  capacity      integer     check (capacity >= 0),
  occupied      integer     not null default 0 check (occupied >= 0),
  attributes    jsonb       not null default '{}',
  catchment     text[]      not null default '{}',
  generated     boolean     not null default false,
  version       integer     not null default 0,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (capacity is null or occupied <= capacity),
  check ((lon is null) = (lat is null))
);
-- The region prefix is always the first filter (DESIGN §7); type and status narrow it.
create index facility_region on facility.facility (region_code text_pattern_ops, type, status);
create index facility_type_region on facility.facility (type, region_code text_pattern_ops) where status = 'OPEN';
create index facility_location on facility.facility (lat, lon) where lat is not null;
create index facility_name on facility.facility (name text_pattern_ops);

-- Place applications (care services as cases): one per case, ordered on the waiting list by priority then time.
create table facility.placement (
  id           uuid primary key,
  facility_id  uuid        not null references facility.facility (id),
  case_id      uuid        not null unique,
  case_number  text        not null,
  person       uuid        not null,
  item         text        not null,
  priorities   text[]      not null default '{}',
  score        integer     not null default 0,
  status       text        not null check (status in ('WAITING', 'ADMITTED', 'DECLINED', 'LEFT')),
  filed_at     timestamptz not null default now(),
  decided_at   timestamptz
);
create index placement_waiting on facility.placement (facility_id, score desc, filed_at) where status = 'WAITING';
create index placement_person on facility.placement (person, filed_at desc);
