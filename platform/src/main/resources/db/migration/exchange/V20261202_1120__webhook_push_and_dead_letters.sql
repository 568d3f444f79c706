-- Push: a subscriber's webhook (under the origin the administrators registered for it), what was pushed, the retry
-- schedule, and the dead letters staff re-drive.
alter table exchange.subscriber add column webhook_origin text;
alter table exchange.subscription add column webhook text,
  add column pushed_seq bigint not null default 0,
  add column push_failures int not null default 0,
  add column next_push_at timestamptz,
  add column push_lease_until timestamptz,
  add column push_error text,
  add column push_parked boolean not null default false;
create index subscription_push on exchange.subscription (next_push_at) where webhook is not null and status = 'ACTIVE';

create table exchange.dead_letter (
  id uuid primary key,
  subscription_id uuid not null references exchange.subscription (id),
  from_seq bigint not null,
  to_seq bigint not null,
  attempts int not null,
  error text not null,
  parked_at timestamptz not null default now(),
  redriven_by text,
  redriven_at timestamptz
);
create index dead_letter_open on exchange.dead_letter (parked_at) where redriven_at is null;

alter table exchange.evidence drop constraint evidence_kind_check;
alter table exchange.evidence add constraint evidence_kind_check check (kind in ('PULLED', 'PUSHED', 'ACKNOWLEDGED'));

-- A subscription receives the changes made after it became active: the outbox position at that moment.
alter table exchange.subscription add column from_outbox bigint not null default 0;
