create schema if not exists exchange;

-- The outbox: one row per shared change, written in the transaction of the change itself.
create table exchange.outbox (
  id bigserial primary key,
  resource text not null,
  record_key text not null,
  region_code text not null,
  fields jsonb not null,
  occurred_at timestamptz not null default now(),
  dispatched_at timestamptz
);
create index outbox_waiting on exchange.outbox (id) where dispatched_at is null;

-- Department systems (OIDC clients with client credentials) registered as subscribers: their jurisdiction and the
-- most sensitive fields they may ever receive.
create table exchange.subscriber (
  client_id text primary key,
  name text not null,
  department text not null,
  region_prefix text not null,
  max_sensitivity text not null check (max_sensitivity in ('AGGREGATE', 'MASKED', 'PERSONAL')),
  registered_by text not null,
  registered_at timestamptz not null default now()
);

create table exchange.subscription (
  id uuid primary key,
  client_id text not null references exchange.subscriber (client_id),
  resource text not null,
  department text not null,
  region_prefix text not null,
  purpose text not null,
  sensitivity text not null check (sensitivity in ('AGGREGATE', 'MASKED', 'PERSONAL')),
  status text not null check (status in ('PENDING', 'ACTIVE', 'REFUSED', 'ENDED')),
  decided_by text,
  decided_at timestamptz,
  reason text,
  next_seq bigint not null default 0,
  acked_seq bigint not null default 0,
  created_at timestamptz not null default now(),
  version int not null default 0
);
create index subscription_active on exchange.subscription (resource) where status = 'ACTIVE';
create index subscription_client on exchange.subscription (client_id);

-- What each subscription is given: signed, numbered without gaps, at most once per outbox row.
create table exchange.message (
  subscription_id uuid not null references exchange.subscription (id),
  seq bigint not null,
  outbox_id bigint not null,
  jws text not null,
  created_at timestamptz not null default now(),
  primary key (subscription_id, seq),
  unique (subscription_id, outbox_id)
);

-- Evidence (like X-Road's message log): every delivery and every acknowledgement, who, what, when and why.
create table exchange.evidence (
  id bigserial primary key,
  subscription_id uuid not null references exchange.subscription (id),
  client_id text not null,
  kind text not null check (kind in ('PULLED', 'ACKNOWLEDGED')),
  from_seq bigint not null,
  to_seq bigint not null,
  purpose text not null,
  at timestamptz not null default now()
);
create index evidence_subscription on exchange.evidence (subscription_id, id);
