-- Entries are written here in the caller's transaction (no lock: they commit or roll back with the change
-- they describe) and moved onto the hash chain by one chainer a moment later, in batches, under the chain's
-- row lock. Before, every audited transaction held that lock until it committed, and audited work could
-- not run in parallel.
create table audit.pending (
  id          bigserial primary key,
  at          timestamptz not null,
  actor       text        not null,
  action      text        not null,
  target_type text,
  target_id   text,
  region_code varchar(12),
  ip          text,
  detail      text        not null
);
