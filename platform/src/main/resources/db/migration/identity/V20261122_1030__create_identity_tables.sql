-- Staff accounts with roles and jurisdiction scopes. Passwords are Argon2id hashes ({argon2} prefix).
create schema if not exists identity;

create table identity.account (
  id              uuid primary key,
  username        text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name    text        not null,
  password_hash   text        not null,
  office_id       uuid,
  enabled         boolean     not null default true,
  failed_attempts integer     not null default 0,
  locked_until    timestamptz,
  created_at      timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

create table identity.account_role (
  account_id uuid not null references identity.account (id) on delete cascade,
  role       text not null check (role in ('ADMIN', 'CLERK', 'OFFICER', 'PLANNER', 'AGENT', 'AUDITOR')),
  primary key (account_id, role)
);

-- region_code null: everywhere (administrators). department '*': every department.
create table identity.account_scope (
  account_id  uuid not null references identity.account (id) on delete cascade,
  region_code varchar(12),
  department  text not null,
  purpose     text not null check (purpose in ('CAPTURE', 'VIEW', 'SEARCH'))
);
create unique index account_scope_unique on identity.account_scope (account_id, coalesce(region_code, ''), department, purpose);

-- Extra permissions beyond roles, e.g. person:unmask (read an unmasked ID number, with a reason).
create table identity.account_permission (
  account_id uuid not null references identity.account (id) on delete cascade,
  permission text not null check (permission in ('person:unmask')),
  primary key (account_id, permission)
);
