-- Early warning (#17.5): the notifiable diseases of 传染病防治法 art. 3 (甲类, 乙类, 丙类, with the diseases the health
-- administration of the State Council added since: 手足口病 2008, 人感染H7N9禽流感 2013, 新型冠状病毒感染 2020, 猴痘
-- 2023), case reports (传染病报告卡) from clinics, and the alerts the detectors raise.
create table health.disease (
  code    text primary key,
  name_zh text not null,
  name_en text not null,
  class   char(1) not null check (class in ('A', 'B', 'C')),
  icd10   text,
  sort    int not null
);
insert into health.disease (code, name_zh, name_en, class, icd10, sort) values
  ('plague', '鼠疫', 'Plague', 'A', 'A20', 10),
  ('cholera', '霍乱', 'Cholera', 'A', 'A00', 20),
  ('sars', '传染性非典型肺炎', 'SARS', 'B', 'U04', 100),
  ('hiv-aids', '艾滋病', 'HIV/AIDS', 'B', 'B24', 110),
  ('viral-hepatitis', '病毒性肝炎', 'Viral hepatitis', 'B', 'B19', 120),
  ('polio', '脊髓灰质炎', 'Poliomyelitis', 'B', 'A80', 130),
  ('hpai-human', '人感染高致病性禽流感', 'Human infection with highly pathogenic avian influenza', 'B', 'J09', 140),
  ('measles', '麻疹', 'Measles', 'B', 'B05', 150),
  ('hfrs', '流行性出血热', 'Haemorrhagic fever with renal syndrome', 'B', 'A98.5', 160),
  ('rabies', '狂犬病', 'Rabies', 'B', 'A82', 170),
  ('japanese-encephalitis', '流行性乙型脑炎', 'Japanese encephalitis', 'B', 'A83.0', 180),
  ('dengue', '登革热', 'Dengue', 'B', 'A90', 190),
  ('anthrax', '炭疽', 'Anthrax', 'B', 'A22', 200),
  ('dysentery', '细菌性和阿米巴性痢疾', 'Bacillary and amoebic dysentery', 'B', 'A03', 210),
  ('tuberculosis', '肺结核', 'Pulmonary tuberculosis', 'B', 'A16', 220),
  ('typhoid', '伤寒和副伤寒', 'Typhoid and paratyphoid fever', 'B', 'A01', 230),
  ('meningococcal', '流行性脑脊髓膜炎', 'Meningococcal meningitis', 'B', 'A39', 240),
  ('pertussis', '百日咳', 'Pertussis', 'B', 'A37', 250),
  ('diphtheria', '白喉', 'Diphtheria', 'B', 'A36', 260),
  ('neonatal-tetanus', '新生儿破伤风', 'Neonatal tetanus', 'B', 'A33', 270),
  ('scarlet-fever', '猩红热', 'Scarlet fever', 'B', 'A38', 280),
  ('brucellosis', '布鲁氏菌病', 'Brucellosis', 'B', 'A23', 290),
  ('gonorrhoea', '淋病', 'Gonorrhoea', 'B', 'A54', 300),
  ('syphilis', '梅毒', 'Syphilis', 'B', 'A53', 310),
  ('leptospirosis', '钩端螺旋体病', 'Leptospirosis', 'B', 'A27', 320),
  ('schistosomiasis', '血吸虫病', 'Schistosomiasis', 'B', 'B65', 330),
  ('malaria', '疟疾', 'Malaria', 'B', 'B54', 340),
  ('h7n9', '人感染H7N9禽流感', 'Human infection with avian influenza A(H7N9)', 'B', 'J09', 350),
  ('covid-19', '新型冠状病毒感染', 'COVID-19', 'B', 'U07.1', 360),
  ('mpox', '猴痘', 'Mpox', 'B', 'B04', 370),
  ('influenza', '流行性感冒', 'Influenza', 'C', 'J11', 500),
  ('mumps', '流行性腮腺炎', 'Mumps', 'C', 'B26', 510),
  ('rubella', '风疹', 'Rubella', 'C', 'B06', 520),
  ('acute-haemorrhagic-conjunctivitis', '急性出血性结膜炎', 'Acute haemorrhagic conjunctivitis', 'C', 'B30.3', 530),
  ('leprosy', '麻风病', 'Leprosy', 'C', 'A30', 540),
  ('typhus', '流行性和地方性斑疹伤寒', 'Epidemic and endemic typhus', 'C', 'A75', 550),
  ('kala-azar', '黑热病', 'Visceral leishmaniasis (kala-azar)', 'C', 'B55.0', 560),
  ('echinococcosis', '包虫病', 'Echinococcosis', 'C', 'B67', 570),
  ('filariasis', '丝虫病', 'Filariasis', 'C', 'B74', 580),
  ('other-infectious-diarrhoea', '其它感染性腹泻病', 'Other infectious diarrhoea', 'C', 'A09', 590),
  ('hfmd', '手足口病', 'Hand, foot and mouth disease', 'C', 'B08.4', 600);

create table health.case_report (
  id           uuid primary key,
  patient      uuid        not null,
  disease      text        not null references health.disease (code),
  status       text        not null check (status in ('SUSPECTED', 'CLINICAL', 'CONFIRMED', 'CARRIER')),
  onset        date        not null,
  diagnosed    date        not null,
  reported_on  date        not null,
  region_code  varchar(12) not null,
  reporter     text        not null,
  generated    boolean     not null default false,
  created_at   timestamptz not null default now(),
  check (onset <= diagnosed and diagnosed <= reported_on)
);
create index case_report_counts on health.case_report (disease, region_code text_pattern_ops, reported_on);
create index case_report_patient on health.case_report (patient, disease, onset);

create table health.alert (
  id          uuid primary key,
  disease     text        not null references health.disease (code),
  township    varchar(12) not null,
  day         date        not null,
  method      text        not null,
  statistic   double precision not null,
  threshold   double precision not null,
  observed    double precision not null,
  baseline    jsonb       not null,
  status      text        not null check (status in ('OPEN', 'VERIFIED', 'CLOSED')),
  level       text        not null check (level in ('COUNTY', 'CITY', 'PROVINCE')),
  verify_by   timestamptz not null,
  verified_at timestamptz,
  verified_by text,
  note        text,
  closed_at   timestamptz,
  closed_by   text,
  conclusion  text check (conclusion in ('OUTBREAK', 'NOT_AN_OUTBREAK')),
  generated   boolean     not null default false,
  created_at  timestamptz not null default now(),
  version     int         not null default 0,
  unique (disease, township, day, method)
);
create index alert_open on health.alert (verify_by) where status = 'OPEN';
create index alert_township on health.alert (township text_pattern_ops, day desc);
