-- Wrong second-factor codes are counted apart from wrong passwords: a correct password resets the password count,
-- and must not reset the count of guessed authenticator codes (it did, so codes could be guessed without end).
alter table identity.account add column factor_failures integer not null default 0;
