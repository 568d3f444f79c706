-- The job board's index also knows where a vacancy is and what it pays at most: besides the text's character pairs,
-- the search vector holds a token per region level of its place (r:21, r:2101, r:210102, r:210102001, the village) and
-- one per thousand yuan of its top pay (p:1 … p:50). A search in a county or with a pay floor then intersects in the
-- index instead of reading every vacancy of a common word (bench/jobs.sh: 保洁 paying 6,000 or more, which no
-- vacancy does, read 77,000 rows to find none). The region and pay conditions are still checked exactly.
create function employment.facets(region text, pay_max_cents integer) returns tsvector
  language sql immutable strict parallel safe as $$
  select array_to_tsvector(array['r:' || left(region, 2), 'r:' || left(region, 4), 'r:' || left(region, 6),
                                 'r:' || left(region, 9), 'r:' || region]
         || coalesce((select array_agg('p:' || k) from generate_series(1, least(pay_max_cents / 100000, 50)) k),
                     '{}'::text[]))
$$;

drop index employment.vacancy_search;
alter table employment.vacancy drop column search;
alter table employment.vacancy add column search tsvector generated always as (
  employment.bigrams(title || ' ' || occupation || ' ' || unit_name || ' ' || requirements)
  || employment.facets(region_code, pay_max_cents)) stored;
create index vacancy_search on employment.vacancy using gin (search) where status = 'OPEN';
