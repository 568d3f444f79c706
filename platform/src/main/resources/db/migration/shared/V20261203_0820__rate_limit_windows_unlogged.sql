-- Rate limits as one upsert per take on an unlogged table (ADR 0013 decision 14). Bucket4j's PostgreSQL proxy read a
-- bucket row with select ... for update and wrote it back in a transaction whose commit waited for the WAL flush, all
-- while holding the row: 200 sign-ins from one address queued 227 ms a take. A window row is counted up in one
-- statement and written without WAL; a crash of the server empties the table (every limit starts afresh), which is
-- acceptable for limits of a minute or an hour.
drop table shared.rate_limit_bucket;

create unlogged table shared.rate_limit_window (
  id      varchar(200) primary key,
  taken   integer not null,
  -- the window's end, milliseconds since the epoch by the database's clock (one clock for every node)
  ends_at bigint  not null
);
