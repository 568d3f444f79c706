-- The table is rebuilt whole by the recompute (FactTables), which sets this on each new table: no vacuum is owed for
-- its inserts. Updates and deletes still start autovacuum, and freezing is still forced when due.
alter table indicator.fact_value set (autovacuum_vacuum_insert_threshold = -1);
