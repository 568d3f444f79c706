-- Service items (政务服务事项实施清单) and their published versions. A version is never changed once published:
-- cases refer to (code, version). Life events (一件事) bundle items.
create schema if not exists catalogue;

create table catalogue.item (
  code            text primary key,
  department      text        not null,
  current_version integer     not null,
  updated_at      timestamptz not null default now()
);

create table catalogue.item_version (
  code         text        not null references catalogue.item (code),
  version      integer     not null check (version > 0),
  spec         jsonb       not null,
  published_at timestamptz not null default now(),
  primary key (code, version)
);

create table catalogue.life_event (
  code        text primary key,
  name        text    not null,
  name_en     text    not null,
  description text    not null,
  items       text[]  not null,
  sort        integer not null
);
