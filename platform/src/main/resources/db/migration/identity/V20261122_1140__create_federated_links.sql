-- Residents who signed in through an upstream identity provider (a provincial unified identity platform),
-- linked to their local account by the verified ID number the upstream asserted.
create table identity.federated_link (
  registration_id text        not null,
  upstream_subject text       not null,
  account_id      uuid        not null references identity.resident_account (id) on delete cascade,
  linked_at       timestamptz not null default now(),
  primary key (registration_id, upstream_subject)
);
