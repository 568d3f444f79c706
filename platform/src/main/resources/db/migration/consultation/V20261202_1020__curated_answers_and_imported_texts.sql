-- Curated answers (问答条目) that staff write and another staff member reviews: each version with its source and its
-- effective dates; only a published version inside its dates is ever shown. A new version supersedes the old.
create table consultation.entry (
  id             uuid primary key,
  code           varchar(40) not null,
  version        integer     not null check (version >= 1),
  question       varchar(500)  not null,
  answer         varchar(4000) not null,
  source         varchar(300)  not null,
  department     text        not null,
  effective_from date        not null,
  effective_to   date,
  status         varchar(12) not null default 'REVIEW' check (status in ('REVIEW', 'PUBLISHED', 'REJECTED', 'SUPERSEDED')),
  written_by     text        not null,
  reviewed_by    text,
  review_note    varchar(500),
  created_at     timestamptz not null default now(),
  published_at   timestamptz,
  unique (code, version),
  check (effective_to is null or effective_to >= effective_from),
  check (reviewed_by is null or reviewed_by <> written_by)
);
create unique index entry_one_published on consultation.entry (code) where status = 'PUBLISHED';

-- Further law texts imported by operators, in the same layout as the data folder's files (one file per text).
create table consultation.imported_text (
  file_name   varchar(120) primary key,
  content     text        not null,
  articles    integer     not null,
  imported_by text        not null,
  imported_at timestamptz not null default now()
);
