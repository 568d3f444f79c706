-- Planners allocate a province or city target to the regions below it; the allocated value is what a region is
-- measured against. Data sets for targets with no source in the platform are entered at the township level for a
-- year and approved bottom-up (county, then city); an approved set is locked and its figures become facts.
create schema if not exists planning;

create table planning.allocation (
  target       text        not null,
  region       varchar(12) not null,
  value        double precision not null,
  allocated_by text        not null,
  allocated_at timestamptz not null default now(),
  primary key (target, region)
);

create table planning.entry (
  id          uuid primary key,
  target      text        not null,
  region      varchar(12) not null,
  year        integer     not null,
  numerator   bigint      not null check (numerator >= 0),
  denominator bigint      check (denominator > 0),
  status      text        not null check (status in ('DRAFT', 'SUBMITTED', 'COUNTY_APPROVED', 'APPROVED')),
  entered_by  text        not null,
  updated_at  timestamptz not null default now(),
  version     integer     not null default 0,
  unique (target, region, year)
);
create index entry_region on planning.entry (region text_pattern_ops, year);
