-- Append-only, hash-chained audit trail. Each entry's hash covers its own fields and the previous entry's
-- hash, so an edited or deleted row breaks the chain and the verification finds it.
create schema if not exists audit;

create table audit.entry (
  seq         bigint primary key,
  at          timestamptz not null,
  actor       text        not null,
  action      text        not null,
  target_type text,
  target_id   text,
  region_code varchar(12),
  ip          text,
  detail      text        not null,
  prev_hash   bytea       not null,
  hash        bytea       not null
);
create index entry_at on audit.entry (at);
create index entry_actor on audit.entry (actor, at);
create index entry_action on audit.entry (action, at);
create index entry_target on audit.entry (target_type, target_id);

-- The end of the chain (serialises appends) and the anchor left by retention purges: verification starts
-- from the anchor's hash.
create table audit.chain (
  id            smallint primary key check (id = 1),
  last_seq      bigint not null,
  last_hash     bytea  not null,
  anchor_seq    bigint not null,
  anchor_hash   bytea  not null
);
insert into audit.chain values (1, 0, '\x'::bytea || sha256('tongban-audit-genesis'::bytea), 0,
                                '\x'::bytea || sha256('tongban-audit-genesis'::bytea));

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('tongban.audit_purge', true) = 'on' then
    return old;
  end if;
  raise exception 'audit entries are append-only (% refused)', tg_op;
end $$;

create trigger entry_append_only before update or delete on audit.entry
  for each row execute function audit.refuse_change();
