-- Rate-limit token buckets shared by every node (Bucket4j's PostgreSQL proxy: a row per key, read with
-- select ... for update and written back): sign-in attempts, SMS codes, open-data requests. A row whose bucket would
-- be full again expires and is purged.
create schema if not exists shared;

create table shared.rate_limit_bucket (
  id         varchar(200) primary key,
  state      bytea,
  expires_at bigint
);
