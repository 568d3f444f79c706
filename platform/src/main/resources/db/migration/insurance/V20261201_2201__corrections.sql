-- A correction of a due amount: proposed by one officer with a reason, approved by another, then posted to the ledger.
create table insurance.correction (
  id              uuid primary key,
  person_id       uuid        not null,
  insurance       varchar(20) not null,
  month           date        not null check (extract(day from month) = 1),
  employer_cents  bigint      not null,
  individual_cents bigint     not null,
  region_code     varchar(12) not null,
  reason          text        not null check (length(reason) between 4 and 500),
  status          varchar(10) not null default 'PROPOSED' check (status in ('PROPOSED', 'APPROVED', 'REFUSED')),
  proposed_by     text        not null,
  proposed_at     timestamptz not null default now(),
  decided_by      text,
  decided_at      timestamptz,
  ledger_id       bigint,
  check (employer_cents <> 0 or individual_cents <> 0)
);
create index correction_open on insurance.correction (region_code text_pattern_ops) where status = 'PROPOSED';
