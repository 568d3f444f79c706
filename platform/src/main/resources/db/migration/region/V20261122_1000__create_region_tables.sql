-- Five-level administrative divisions, versioned. A code keeps its rows over time: a rename closes the old
-- row (valid_to) and opens a new one; a merge closes the row and points to its successor.
create schema if not exists region;

create table region.region (
  id             bigserial primary key,
  code           varchar(12) not null check (code ~ '^[0-9]{12}$'),
  name           text        not null,
  level          smallint    not null check (level between 1 and 5),
  parent_code    varchar(12),
  kind           text        not null,
  valid_from     date        not null,
  valid_to       date,
  successor_code varchar(12),
  source         text        not null,
  check (valid_to is null or valid_to >= valid_from)
);

-- One current row per code; prefix queries ("everything inside 2101") use the pattern index.
create unique index region_current_code on region.region (code) where valid_to is null;
create index region_current_prefix on region.region (code text_pattern_ops) where valid_to is null;
create index region_current_parent on region.region (parent_code, code) where valid_to is null;
create index region_history on region.region (code, valid_from);

create table region.import (
  source      text primary key,
  rows        integer     not null,
  imported_at timestamptz not null default now()
);

-- Resident population per region and year (census or later estimates). Counties carry the figures;
-- higher levels are sums of their counties, never stored twice.
create table region.population (
  region_code varchar(12) not null,
  year        integer     not null,
  total       bigint      not null check (total >= 0),
  male        bigint      not null,
  female      bigint      not null,
  urban       bigint      not null,
  rural       bigint      not null,
  age_0_4     bigint      not null,
  age_60_plus bigint      not null,
  age_65_plus bigint      not null,
  source      text        not null,
  primary key (region_code, year)
);

-- Five-year age bands by sex (age_to null = open-ended 85+), used to generate plausible residents.
create table region.population_band (
  region_code varchar(12) not null,
  year        integer     not null,
  sex         char(1)     not null check (sex in ('M', 'F')),
  age_from    integer     not null,
  age_to      integer,
  people      bigint      not null check (people >= 0),
  primary key (region_code, year, sex, age_from)
);
