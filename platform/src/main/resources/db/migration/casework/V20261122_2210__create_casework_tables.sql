-- Cases (办件). Every row carries the regions of the receiving and the competent office, so that queries
-- filter by region first (Citus-ready, DESIGN.md §7). Holds the applicant by person id only.
create schema if not exists casework;

create table casework.case_file (
  id               uuid primary key,
  number           text        not null unique,
  item_code        text        not null,
  item_version     integer     not null,
  item_name        text        not null,
  department       text        not null,
  workflow         text        not null,
  applicant        uuid        not null,
  applicant_name   text        not null,
  channel          text        not null,
  received_by      uuid        not null,
  received_region  varchar(12) not null,
  competent_office uuid        not null,
  competent_region varchar(12) not null,
  township_office  uuid,
  status           text        not null,
  waiting_on       uuid,
  waiting_step     text,
  decision         text check (decision in ('APPROVED', 'DENIED')),
  form             jsonb       not null,
  bundle           uuid,
  life_event       text,
  filed_by         text        not null,
  agent_authorisation text,
  idempotency_key  text,
  process_instance text,
  submitted_at     timestamptz not null default now(),
  accepted_at      timestamptz,
  decided_at       timestamptz,
  finished_at      timestamptz,
  limit_days       integer     not null,
  limit_unit       text        not null,
  due_date         date,
  paused_since     date,
  paused_days      integer     not null default 0,
  generated        boolean     not null default false,
  version          integer     not null default 0
);
create unique index case_idempotency on casework.case_file (filed_by, idempotency_key) where idempotency_key is not null;
create index case_waiting_queue on casework.case_file (waiting_on, due_date) where waiting_on is not null;
create index case_received_queue on casework.case_file (received_by, status);
create index case_township_queue on casework.case_file (township_office, status) where township_office is not null;
create index case_applicant on casework.case_file (applicant, submitted_at desc);
create index case_region_due on casework.case_file (competent_region text_pattern_ops, due_date) where finished_at is null;
create index case_bundle on casework.case_file (bundle) where bundle is not null;

-- Timeline: every step, who took it, from which office, with the reason when one is required.
create table casework.case_event (
  id         bigserial primary key,
  case_id    uuid        not null references casework.case_file (id),
  at         timestamptz not null default now(),
  actor      text        not null,
  office     uuid,
  action     text        not null,
  status     text        not null,
  note       text
);
create index case_event_case on casework.case_event (case_id, id);

create table casework.material (
  id           uuid primary key,
  case_id      uuid        not null references casework.case_file (id),
  code         text        not null,
  name         text        not null,
  source       text        not null check (source in ('RESIDENT', 'GOVERNMENT', 'E_CERTIFICATE')),
  storage_key  text,
  content_type text,
  size_bytes   bigint,
  sha256       text,
  fetched_from text,
  added_at     timestamptz not null default now()
);
create index material_case on casework.material (case_id);

-- Results: decision documents and e-certificates, verified publicly by their code.
create table casework.certificate (
  code          text primary key,
  case_id       uuid        not null references casework.case_file (id),
  kind          text        not null,
  title         text        not null,
  holder_masked text        not null,
  issuer        text        not null,
  issued_at     timestamptz not null default now(),
  trust_level   text        not null,
  sha256        text        not null,
  storage_key   text        not null,
  revoked_at    timestamptz
);
create index certificate_case on casework.certificate (case_id);

-- 好差评: one rating per finished case, on the four national dimensions, and the loop a bad one opens.
create table casework.rating (
  case_id      uuid primary key references casework.case_file (id),
  efficiency   smallint    not null check (efficiency between 1 and 5),
  guide        smallint    not null check (guide between 1 and 5),
  convenience  smallint    not null check (convenience between 1 and 5),
  operability  smallint    not null check (operability between 1 and 5),
  overall      smallint    not null check (overall between 1 and 5),
  comment      text,
  rated_at     timestamptz not null default now(),
  office       uuid        not null,
  item_code    text        not null,
  follow_up    text check (follow_up in ('回访核实', '限期整改', '申诉复核', '已办结')),
  follow_up_due date
);
create index rating_office on casework.rating (office);

create table casework.rating_step (
  id       bigserial primary key,
  case_id  uuid        not null references casework.rating (case_id),
  step     text        not null,
  note     text        not null,
  actor    text        not null,
  at       timestamptz not null default now()
);

-- In-platform messages to residents (the SMS goes through identity's gateway).
create table casework.notice (
  id       bigserial primary key,
  person   uuid        not null,
  case_id  uuid        not null,
  text_zh  text        not null,
  text_en  text        not null,
  at       timestamptz not null default now(),
  read_at  timestamptz
);
create index notice_person on casework.notice (person, id desc);
