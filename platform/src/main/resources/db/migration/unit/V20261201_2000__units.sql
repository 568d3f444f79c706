-- 法人单位: companies, institutions and social organisations, identified by their 统一社会信用代码 (GB 32100-2015).
-- A unit is registered by a window clerk from its business licence (营业执照) or registration certificate, naming its
-- legal representative, a person in the registry. The legal representative authorises agents (经办人) with scopes and
-- an end date; a person acts for a unit only through such an authorisation (or as its legal representative).
create schema if not exists unit;

create table unit.unit (
  id                   uuid primary key,
  credit_code          varchar(18) not null unique,
  name                 text        not null,
  kind                 varchar(24) not null check (kind in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'COOPERATIVE',
                         'INSTITUTION', 'SOCIAL_ORGANISATION', 'OTHER')),
  industry             varchar(3)  not null,
  size                 varchar(6)  not null check (size in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
  region_code          varchar(12) not null,
  legal_representative uuid        not null,
  registered_by        text        not null,
  generated            boolean     not null default false,
  created_at           timestamptz not null default now(),
  version              integer     not null default 0
);
create index unit_region on unit.unit (region_code text_pattern_ops);
create index unit_representative on unit.unit (legal_representative);
create index unit_name on unit.unit (name text_pattern_ops);

create table unit.agent (
  id          uuid primary key,
  unit_id     uuid        not null references unit.unit (id),
  person_id   uuid        not null,
  scopes      text[]      not null check (cardinality(scopes) > 0),
  valid_until date        not null,
  granted_by  text        not null,
  granted_at  timestamptz not null default now(),
  revoked_at  timestamptz,
  revoked_by  text
);
create unique index agent_active on unit.agent (unit_id, person_id) where revoked_at is null;
create index agent_person on unit.agent (person_id) where revoked_at is null;
