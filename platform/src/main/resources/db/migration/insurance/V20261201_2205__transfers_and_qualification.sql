-- 关系转移接续: months move from the city they were paid in to the new one — TRANSFER_OUT at the origin (the personal
-- account's share taken out, negative) and TRANSFER_IN at the destination, both naming the 多地联办 case.
alter table insurance.ledger drop constraint ledger_kind_check;
alter table insurance.ledger add constraint ledger_kind_check
  check (kind in ('DUE', 'PAID', 'TRANSFER_IN', 'TRANSFER_OUT', 'CORRECTION'));

-- 待遇资格认证: each confirmation that a pensioner is alive and entitled, valid for a year; online by the pensioner,
-- by staff (window or home visit), or silently from what the platform sees the person do.
create table insurance.qualification (
  id           uuid primary key,
  person_id    uuid        not null,
  confirmed_on date        not null,
  valid_until  date        not null check (valid_until > confirmed_on),
  channel      varchar(10) not null check (channel in ('ONLINE', 'STAFF', 'DATA')),
  evidence     text        not null,
  confirmed_by text        not null,
  created_at   timestamptz not null default now()
);
create index qualification_person on insurance.qualification (person_id, valid_until desc);

-- Reminders sent before a qualification lapses: one per person and expiry.
create table insurance.qualification_reminder (
  person_id   uuid        not null,
  valid_until date        not null,
  sent_at     timestamptz not null default now(),
  primary key (person_id, valid_until)
);
