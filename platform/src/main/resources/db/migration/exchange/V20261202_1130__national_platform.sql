-- Up to the ministry and back (部省市县实时同步): changes the national platform refused, changes it sent down, and the
-- link's own state (the cursor of what came down, the last error going up).
create table exchange.national_rejection (
  id bigserial primary key,
  subscription_id uuid not null references exchange.subscription (id),
  seq bigint not null,
  code text not null,
  message text not null,
  rejected_at timestamptz not null default now()
);

create table exchange.inbound (
  id text primary key,
  resource text not null,
  record_key text not null,
  region_code text not null,
  fields jsonb not null,
  occurred_at timestamptz not null,
  received_at timestamptz not null default now()
);

create table exchange.national_state (
  name text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);
