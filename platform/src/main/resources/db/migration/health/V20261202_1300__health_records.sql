-- Residents' e-health records (居民电子健康档案) as HL7 FHIR R4 resources (#17). Each resource's current version and
-- every earlier one; the content is encrypted (AES-256-GCM, the record's type, id and version bound to it), and what
-- searches need is kept beside it: the patient (a person of the registry), the day, and the codes as keyed hashes —
-- a diagnosis code is itself health data and is not stored in the clear.
create schema if not exists health;

create table health.resource (
  type         text        not null,
  id           uuid        not null,
  version      int         not null check (version > 0),
  patient      uuid        not null,
  region_code  varchar(12) not null,
  day          date,
  codes        bytea[]     not null default '{}',
  content      bytea       not null,
  author       text        not null,
  updated_at   timestamptz not null default now(),
  generated    boolean     not null default false,
  primary key (type, id)
);
create index resource_patient on health.resource (patient, type, day);
create index resource_codes on health.resource using gin (codes);

create table health.resource_version (
  type        text        not null,
  id          uuid        not null,
  version     int         not null,
  content     bytea       not null,
  author      text        not null,
  updated_at  timestamptz not null,
  primary key (type, id, version)
);

-- Clinics that write records through the FHIR API: an OIDC client of the platform (client credentials with
-- system/*.write and system/*.read), the kind of clinic, and where it is; it writes and reads for residents of its
-- county only.
create table health.clinic (
  client_id     text primary key,
  name          text        not null,
  kind          text        not null check (kind in ('VILLAGE_CLINIC', 'TOWNSHIP_HEALTH_CENTRE',
                                                     'COMMUNITY_HEALTH_CENTRE', 'HOSPITAL')),
  region_code   varchar(12) not null,
  registered_by text        not null,
  registered_at timestamptz not null default now(),
  generated     boolean     not null default false
);

-- Every look at a record and every write to it: who (a clinic, an app the resident allowed, the resident, staff),
-- what, when and why. The resident sees hers and can report a look she did not expect.
create table health.access (
  id          bigserial primary key,
  patient     uuid        not null,
  action      text        not null check (action in ('READ', 'SEARCH', 'HISTORY', 'WRITE')),
  what        text        not null,
  actor       text        not null,
  actor_kind  text        not null check (actor_kind in ('CLINIC', 'APP', 'RESIDENT', 'STAFF')),
  actor_name  text        not null,
  purpose     text        not null,
  at          timestamptz not null default now(),
  reported_at timestamptz,
  report      text
);
create index access_patient on health.access (patient, id desc);
