-- 开放共享: API keys for heavy users of the open datasets, each with its own rate; only a hash of the key is kept.
create table exchange.api_key (
  id uuid primary key,
  key_hash text not null unique,
  name text not null,
  contact text not null,
  per_minute int not null check (per_minute between 1 and 100000),
  created_by text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
