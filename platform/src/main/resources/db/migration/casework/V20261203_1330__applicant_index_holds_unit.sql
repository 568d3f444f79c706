-- "My cases" counts a resident's own cases (applicant = ?, unit_id is null) at every page. The applicant's index did
-- not hold unit_id, so each count visited every one of the person's rows in the table: 0.71–0.93 ms a call, the
-- costliest statement of bench/cases.sh (pg_stat_statements, 14 % of PostgreSQL's statement time). Holding unit_id in
-- the index lets the count read the index alone where the table's pages are all-visible. The same index serves every
-- other lookup by applicant.
create index case_applicant_holds_unit on casework.case_file (applicant, submitted_at desc) include (unit_id);
drop index casework.case_applicant;
