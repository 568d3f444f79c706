-- Staff second factor (等保 2.0 level 3: two combined factors): a TOTP secret (RFC 6238), sealed with the
-- identity key-encryption key; the last accepted time step, so that a code works once; recovery codes,
-- stored as SHA-256 hashes and used once.
alter table identity.account
  add column totp_secret_cipher bytea,
  add column totp_enrolled_at   timestamptz,
  add column totp_last_step     bigint not null default 0;

create table identity.recovery_code (
  account_id uuid not null references identity.account (id) on delete cascade,
  code_hash  text not null,
  used_at    timestamptz,
  primary key (account_id, code_hash)
);
