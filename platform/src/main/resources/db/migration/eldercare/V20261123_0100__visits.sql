-- 居家社区探访: the register of older people living in difficulty per village/community, the monthly visit plan
-- and the visit records. People are held by their registry id (person module); nothing personal is copied here.
create schema if not exists eldercare;

create table eldercare.elder (
  id            uuid primary key,
  person        uuid        not null unique,
  region_code   varchar(12) not null,
  categories    text[]      not null check (cardinality(categories) > 0),
  since         date        not null,
  until         date,
  registered_by text        not null,
  created_at    timestamptz not null default now()
);
create index elder_region on eldercare.elder (region_code text_pattern_ops) where until is null;

create table eldercare.visit_plan (
  id          uuid primary key,
  month       date        not null check (extract(day from month) = 1),
  elder_id    uuid        not null references eldercare.elder (id),
  region_code varchar(12) not null,
  worker      text        not null,
  due         date        not null,
  unique (month, elder_id)
);
create index visit_plan_worker on eldercare.visit_plan (worker, month);
create index visit_plan_region on eldercare.visit_plan (month, region_code text_pattern_ops);

create table eldercare.visit (
  id           uuid primary key,
  elder_id     uuid        not null references eldercare.elder (id),
  region_code  varchar(12) not null,
  visited_on   date        not null,
  visitor      text        not null,
  findings     text        not null,
  needs        text[]      not null default '{}',
  follow_up    text,
  created_at   timestamptz not null default now()
);
create index visit_region_day on eldercare.visit (region_code text_pattern_ops, visited_on);
create index visit_elder_day on eldercare.visit (elder_id, visited_on);
