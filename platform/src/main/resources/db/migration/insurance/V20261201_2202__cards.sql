-- 社会保障卡: issued when a 申领 or 补换 case is approved; the holder activates it; a temporary loss report (web, phone
-- agent, window) stops it at once until lost_until, when it works again unless the loss was made formal; a formal loss
-- or a replacement ends it for good. One card in force per person.
create table insurance.card (
  id             uuid primary key,
  person_id      uuid        not null,
  number         varchar(12) not null unique,
  city_code      varchar(12) not null,
  status         varchar(10) not null check (status in ('ISSUED', 'ACTIVE', 'TEMP_LOST', 'LOST', 'REPLACED', 'CANCELLED')),
  case_id        uuid        not null unique,
  issued_at      timestamptz not null default now(),
  activated_at   timestamptz,
  lost_at        timestamptz,
  lost_until     timestamptz,
  lost_channel   varchar(10) check (lost_channel in ('WEB', 'PHONE', 'WINDOW')),
  lost_by        text,
  identity_check text,
  ended_at       timestamptz,
  replaced_by    uuid,
  version        integer     not null default 0,
  check ((status = 'TEMP_LOST') = (lost_until is not null))
);
create unique index card_in_force on insurance.card (person_id) where status in ('ISSUED', 'ACTIVE', 'TEMP_LOST');
create index card_person on insurance.card (person_id);
