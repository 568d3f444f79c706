-- The key (fact, level, region, month) carries the value: a stock (every month of a region's fact up to one) and the
-- regions of a dashboard's range are read from the key alone once the table's pages are all-visible, which the
-- recompute's vacuum makes them (IndicatorManagement.recompute). Reading the table for each month cost the fold after
-- a recompute some forty thousand page reads (bench/indicators.sh, BENCHMARKS.md #18.5).
alter table indicator.fact_value drop constraint fact_value_pkey;
alter table indicator.fact_value add constraint fact_value_pkey primary key (fact, level, region, month) include (value);
