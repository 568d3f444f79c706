-- The outbox of case processes (issue #18.3): filing writes the case row and its line here in one short transaction;
-- the Flowable process is started from here a moment later, many at once (casework.internal.ProcessStarts). A case
-- acted on before that starts its own process first, under the case row's lock.
create table casework.process_start (
  case_id   uuid        primary key references casework.case_file (id) on delete cascade,
  queued_at timestamptz not null default now()
);
create index process_start_queued on casework.process_start (queued_at);
