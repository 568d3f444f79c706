-- One record per contact, whatever the channel: the question (ID numbers masked), what was shown, how sure it was,
-- and the resident's rating. The rating token is kept as a hash: only whoever received the answer can rate it.
create table consultation.conversation (
  id             uuid primary key,
  channel        varchar(10) not null check (channel in ('WEB', 'MOBILE', 'PHONE', 'KIOSK', 'STATION')),
  region_code    varchar(12),
  person_id      uuid,
  question       varchar(2000) not null,
  topic          text,
  shown          jsonb       not null,
  confidence     real        not null,
  offered_person boolean     not null,
  personal       varchar(20),
  rating         smallint    check (rating between 1 and 5),
  rating_hash    varchar(64) not null,
  agent          text,
  notes          varchar(2000),
  created_at     timestamptz not null default now()
);
create index conversation_created on consultation.conversation (created_at);
create index conversation_region on consultation.conversation (region_code text_pattern_ops, created_at);

-- Which department answers for questions a law governs, when no service item says it (data, extended by staff).
create table consultation.law_department (
  law        text primary key,
  department text not null
);
insert into consultation.law_department (law, department) values
  ('中华人民共和国社会保险法', 'hrss'), ('失业保险条例', 'hrss'), ('工伤保险条例', 'hrss'),
  ('中华人民共和国劳动合同法', 'hrss'), ('中华人民共和国劳动合同法实施条例', 'hrss'), ('中华人民共和国劳动法', 'hrss'),
  ('中华人民共和国劳动争议调解仲裁法', 'hrss'), ('保障农民工工资支付条例', 'hrss'), ('中华人民共和国就业促进法', 'hrss'),
  ('人力资源市场暂行条例', 'hrss'), ('社会保险经办条例', 'hrss'), ('社会保险费征缴暂行条例', 'hrss'),
  ('中华人民共和国老年人权益保障法', 'civil-affairs'), ('社会救助暂行办法', 'civil-affairs'),
  ('中华人民共和国残疾人保障法', 'disabled-persons'), ('残疾人就业条例', 'disabled-persons'),
  ('中华人民共和国义务教育法', 'education'), ('中华人民共和国学前教育法', 'education'),
  ('中华人民共和国基本医疗卫生与健康促进法', 'health'), ('医疗保障基金使用监督管理条例', 'healthcare-security'),
  ('住房公积金管理条例', 'housing');

-- 工单: a question a person answers, routed to the competent office of the department for the asker's county,
-- due in working days, escalated to the office a level up when overdue.
create sequence consultation.ticket_number;
create table consultation.ticket (
  id              uuid primary key,
  number          varchar(24) not null unique,
  conversation_id uuid references consultation.conversation (id),
  person_id       uuid        not null,
  channel         varchar(10) not null,
  question        varchar(2000) not null,
  department      text        not null,
  region_code     varchar(12) not null,
  office_id       uuid        not null,
  status          varchar(10) not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
  due_date        date        not null,
  reply           varchar(4000),
  replied_by      text,
  replied_at      timestamptz,
  callback_note   varchar(1000),
  called_back_at  timestamptz,
  satisfaction    smallint    check (satisfaction between 1 and 5),
  escalated_at    timestamptz,
  created_by      text        not null,
  created_at      timestamptz not null default now(),
  version         integer     not null default 0
);
create index ticket_queue on consultation.ticket (department, region_code text_pattern_ops, status, due_date);
create index ticket_person on consultation.ticket (person_id, created_at desc);
