-- Cards made for demos and benchmarks say so, like every generated row.
alter table insurance.card add column generated boolean not null default false;
