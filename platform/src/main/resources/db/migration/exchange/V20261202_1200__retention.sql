-- Retention: messages older than the retention period and acknowledged are removed; a subscription remembers the
-- last sequence number removed, so a cursor before it is told plainly that those messages are gone.
alter table exchange.subscription add column purged_seq bigint not null default 0;
create index outbox_dispatched on exchange.outbox (dispatched_at) where dispatched_at is not null;
