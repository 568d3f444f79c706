-- One login: OpenID Connect provider tables. Spring Security's JDBC stores use fixed, unqualified table
-- names, so their two tables live in the public schema; our own live in identity.
create table public.oauth2_registered_client (
  id                            varchar(100)  not null primary key,
  client_id                     varchar(100)  not null unique,
  client_id_issued_at           timestamptz   not null default current_timestamp,
  client_secret                 varchar(200),
  client_secret_expires_at      timestamptz,
  client_name                   varchar(200)  not null,
  client_authentication_methods varchar(1000) not null,
  authorization_grant_types     varchar(1000) not null,
  redirect_uris                 varchar(1000),
  post_logout_redirect_uris     varchar(1000),
  scopes                        varchar(1000) not null,
  client_settings               varchar(2000) not null,
  token_settings                varchar(2000) not null
);

create table public.oauth2_authorization_consent (
  registered_client_id varchar(100)  not null,
  principal_name       varchar(200)  not null,
  authorities          varchar(1000) not null,
  primary key (registered_client_id, principal_name)
);

-- Token signing keys. A restart reuses them; rotation adds a new active key and keeps the old one published
-- until every token it signed has expired (retired_at + the longest token lifetime). Private keys are
-- AES-GCM encrypted with the identity key-encryption key.
create table identity.signing_key (
  kid            text primary key,
  algorithm      text        not null default 'RS256',
  public_key     bytea       not null,
  private_cipher bytea       not null,
  created_at     timestamptz not null default now(),
  retired_at     timestamptz,
  published_until timestamptz
);
create unique index signing_key_one_active on identity.signing_key ((true)) where retired_at is null;

-- Pairwise subject identifiers (OIDC Core §8.1): each client sees its own `sub` for the same person, so two
-- departments cannot join their records through us. The mapping never leaves Tongban.
create table identity.pairwise_subject (
  client_id  text not null,
  username   text not null,
  subject    text not null,
  created_at timestamptz not null default now(),
  primary key (client_id, username),
  unique (client_id, subject)
);
