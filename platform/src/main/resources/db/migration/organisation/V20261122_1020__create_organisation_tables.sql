-- Departments (人社, 民政 …), and their offices at a region: a county 人社局, a 政务服务中心 hall, a
-- village 便民服务站. Staff accounts (identity) belong to offices.
create schema if not exists organisation;

create table organisation.department (
  code    text primary key,
  name_zh text not null,
  name_en text not null,
  sort    integer not null
);

insert into organisation.department (code, name_zh, name_en, sort) values
  ('hrss',            '人力资源和社会保障', 'Human resources and social security', 10),
  ('civil-affairs',   '民政',               'Civil affairs', 20),
  ('health',          '卫生健康',           'Health', 30),
  ('education',       '教育',               'Education', 40),
  ('healthcare-security', '医疗保障',       'Healthcare security', 50),
  ('culture-tourism', '文化和旅游',         'Culture and tourism', 60),
  ('sports',          '体育',               'Sports', 70),
  ('housing',         '住房和城乡建设',     'Housing and urban-rural development', 80),
  ('veterans',        '退役军人事务',       'Veterans affairs', 90),
  ('disabled-persons','残疾人联合会',       'Disabled persons'' federation', 100),
  ('government-services', '政务服务',       'Government services', 110);

create table organisation.office (
  id          uuid primary key,
  department  text        not null references organisation.department (code),
  region_code varchar(12) not null,
  kind        text        not null check (kind in ('OFFICE', 'SERVICE_HALL', 'VILLAGE_STATION')),
  name        text        not null,
  address     text,
  phone       text,
  generated   boolean     not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  version     integer     not null default 0
);
create index office_region on organisation.office (region_code text_pattern_ops, department);
create unique index office_name_per_region on organisation.office (region_code, department, name);
