-- What was decided, kept as data beside the document that states it: approval with its terms (an amount each month
-- or once, and a period), refusal (不予) or non-acceptance (不予受理) with the reason. Refusal documents are registered
-- like certificates (verifiable by code) but are never fetched as an e-certificate.
create table casework.decision (
  case_id      uuid primary key references casework.case_file (id),
  outcome      text        not null check (outcome in ('APPROVED', 'DENIED', 'NOT_ACCEPTED')),
  payment      text        check (payment in ('MONTHLY', 'ONCE')),
  amount_cents bigint      check (amount_cents > 0),
  period_from  date,
  period_to    date,
  reason       text,
  decided_by   text        not null,
  decided_at   timestamptz not null,
  document     text        references casework.certificate (code),
  check (period_to is null or period_from is not null and period_to >= period_from)
);
alter table casework.certificate add column refusal boolean not null default false;
