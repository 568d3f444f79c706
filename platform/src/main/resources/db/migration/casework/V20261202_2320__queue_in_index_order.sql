-- The office queue reads "waiting on this office, nearest due date first, then the oldest" a page at a time. The
-- index held the office and the due date only, so PostgreSQL sorted every waiting case for each page: 61 ms a page
-- with 14,000 cases waiting on one office (bench/cases.sh, pg_stat_statements). In the page's own order it reads 30.
create index case_waiting_queue_in_order on casework.case_file (waiting_on, due_date, submitted_at)
  where waiting_on is not null;
drop index casework.case_waiting_queue;
