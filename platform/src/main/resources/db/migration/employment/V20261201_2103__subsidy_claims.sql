-- Subsidies claimed for an employment (一次性吸纳就业补贴 …): one claim per employment and item while it is not refused,
-- so that nothing is paid twice for the same person and reason.
create table employment.subsidy_claim (
  id            uuid primary key,
  employment_id uuid        not null references employment.employment (id),
  item          text        not null,
  case_id       uuid        not null,
  claimed_by    text        not null,
  claimed_at    timestamptz not null default now()
);
create index subsidy_claim_employment on employment.subsidy_claim (employment_id, item);
