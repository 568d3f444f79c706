-- Which node runs a scheduled job now (ShedLock, JdbcTemplateLockProvider's table): one row per job, taken with an
-- update guarded on lock_until, so a job runs on one node at a time however many nodes share this database.
create schema if not exists scheduling;

create table scheduling.shedlock (
  name       varchar(64)  primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);
