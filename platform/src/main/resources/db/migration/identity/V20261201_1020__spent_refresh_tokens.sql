-- Refresh tokens rotate on every use. The hash of each one given up is kept for 30 days with the authorization it
-- belonged to: presenting it again means it was stolen (or replayed), and the whole authorization is revoked.
create table identity.spent_refresh_token (
  token_hash       bytea        primary key,
  authorization_id varchar(100) not null,
  spent_at         timestamptz  not null default now()
);
create index spent_refresh_token_age on identity.spent_refresh_token (spent_at);
