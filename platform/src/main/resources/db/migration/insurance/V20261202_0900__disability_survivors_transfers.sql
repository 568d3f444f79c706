-- 病残津贴 (社会保险法 art. 17; 人社部 财政部《关于企业职工基本养老保险病残津贴有关政策的通知》人社部发〔2024〕93号):
-- a monthly allowance from the pension fund until the statutory retirement age, so an award may now end at a month.
alter table insurance.award drop constraint award_benefit_check;
alter table insurance.award add constraint award_benefit_check
  check (benefit in ('UNEMPLOYMENT', 'PENSION', 'DISABILITY'));
alter table insurance.award add column last_month date check (extract(day from last_month) = 1);

-- 劳动能力鉴定 conclusions as the appraisal committee gives them, entered by the agency with the document's number.
create table insurance.labour_appraisal (
  id          uuid primary key,
  person_id   uuid        not null,
  conclusion  varchar(10) not null check (conclusion in ('COMPLETE', 'PARTIAL', 'NONE')),
  document_no text        not null,
  decided_on  date        not null,
  region_code varchar(12) not null,
  entered_by  text        not null,
  entered_at  timestamptz not null default now(),
  unique (person_id, document_no)
);
create index labour_appraisal_person on insurance.labour_appraisal (person_id, decided_on desc);

create table insurance.disability_claim (
  case_id      uuid primary key,
  person_id    uuid        not null,
  original_age smallint    not null check (original_age in (50, 55, 60)),
  created_at   timestamptz not null default now()
);

-- 丧葬补助金和抚恤金 claimed by a survivor for a deceased insured person: the case is bound to the amount computed then.
create table insurance.survivor_claim (
  case_id      uuid primary key,
  deceased_id  uuid        not null,
  applicant_id uuid        not null,
  amount_cents bigint      not null check (amount_cents > 0),
  created_at   timestamptz not null default now(),
  granted_at   timestamptz
);
-- Granted once per deceased, whoever of the family claims and however often.
create unique index survivor_claim_once on insurance.survivor_claim (deceased_id) where granted_at is not null;

-- 关系转移接续 across provinces (国办发〔2009〕66号): what moved with the months — the personal account whole and 12 % of
-- the contribution bases from 1998 as the pooled fund (第四条) — for each transfer case, in or out.
create table insurance.transfer_fund (
  case_id          uuid primary key,
  person_id        uuid        not null,
  from_province    varchar(2)  not null,
  to_province      varchar(2)  not null,
  months           integer     not null check (months >= 0),
  account_cents    bigint      not null check (account_cents >= 0),
  pooled_cents     bigint      not null check (pooled_cents >= 0),
  statement_no     text,
  created_at       timestamptz not null default now(),
  check (from_province <> to_province)
);
create index transfer_fund_person on insurance.transfer_fund (person_id);

-- The 参保缴费凭证 / 基本养老保险关系转移接续信息表 of a province outside the platform, entered by the receiving agency
-- against the transfer case before it is approved: the periods with their base, and the account and fund received.
create table insurance.transfer_statement (
  case_id        uuid primary key,
  origin_province varchar(2) not null,
  statement_no   text        not null,
  periods        jsonb       not null,
  account_cents  bigint      not null check (account_cents >= 0),
  pooled_cents   bigint      not null check (pooled_cents >= 0),
  entered_by     text        not null,
  entered_at     timestamptz not null default now()
);
