-- Residents' own accounts (一次登录 for residents): real-name factors (name + 身份号码 + a phone proven by an
-- SMS code). Phone and ID number are stored as keyed blind indexes (for lookup and uniqueness), the phone
-- also sealed (to send codes), both masked for display.
create table identity.resident_account (
  id               uuid primary key,
  phone_index      bytea       not null unique,
  phone_cipher     bytea       not null,
  phone_masked     text        not null,
  name             text        not null,
  id_number_index  bytea       not null unique,
  id_number_masked text        not null,
  person_id        uuid,
  password_hash    text        not null,
  failed_attempts  integer     not null default 0,
  locked_until     timestamptz,
  registered_by    text,
  created_at       timestamptz not null default now()
);

-- One-time SMS codes: hashed, five minutes, five tries, one use.
create table identity.sms_code (
  id          bigserial primary key,
  phone_index bytea       not null,
  purpose     text        not null check (purpose in ('register', 'sign-in', 'reset')),
  code_hash   text        not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  attempts    integer     not null default 0,
  used_at     timestamptz
);
create index sms_code_lookup on identity.sms_code (phone_index, purpose, created_at desc);

-- Embedded mode's SMS "gateway": messages are kept here for administrators instead of being sent.
create table identity.sms_outbox (
  id           bigserial primary key,
  phone_masked text        not null,
  text         text        not null,
  sent_at      timestamptz not null default now()
);
