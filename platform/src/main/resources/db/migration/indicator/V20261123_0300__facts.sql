-- Facts behind the plans' indicators (places, enrolled children, beds, facilities of a kind …), kept per region at
-- every level of its code (province, city, county, township, village) and per month. Modules stage changes in
-- fact_delta inside their own transactions (no shared row is locked there); one applier folds them into
-- fact_value a moment later. Stock facts are read as the sum of all months up to a period's end, flows as the sum
-- of the period's months.
create schema if not exists indicator;

create table indicator.fact_delta (
  id         bigserial   primary key,
  fact       text        not null,
  region     varchar(12) not null,
  month      date        not null check (extract(day from month) = 1),
  delta      bigint      not null,
  created_at timestamptz not null default clock_timestamp()
);

create table indicator.fact_value (
  fact   text        not null,
  region varchar(12) not null,
  level  smallint    not null check (level between 1 and 5),
  month  date        not null,
  value  bigint      not null,
  primary key (fact, region, month)
);
create index fact_value_level on indicator.fact_value (fact, level, month, region);
