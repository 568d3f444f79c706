-- Family relations as the household registry (户籍) records them, both ways: (parent, child, CHILD) and
-- (child, parent, PARENT); spouses once each way. A resident may apply for a relative only where a row says so.
create table person.relative (
  person_id    uuid        not null references person.person (id),
  relative_id  uuid        not null references person.person (id),
  relation     varchar(10) not null check (relation in ('CHILD', 'PARENT', 'SPOUSE')),
  generated    boolean     not null default false,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now(),
  primary key (person_id, relative_id),
  check (person_id <> relative_id)
);
create index relative_of on person.relative (relative_id);
