-- Issued authorization codes, access, refresh and ID tokens, so that every node and every restart knows
-- them (Spring's fixed table name, hence the public schema; bytea/text for PostgreSQL as Spring advises).
create table public.oauth2_authorization (
  id                            varchar(100)  not null primary key,
  registered_client_id          varchar(100)  not null,
  principal_name                varchar(200)  not null,
  authorization_grant_type      varchar(100)  not null,
  authorized_scopes             varchar(1000),
  attributes                    text,
  state                         varchar(500),
  authorization_code_value      text,
  authorization_code_issued_at  timestamptz,
  authorization_code_expires_at timestamptz,
  authorization_code_metadata   text,
  access_token_value            text,
  access_token_issued_at        timestamptz,
  access_token_expires_at       timestamptz,
  access_token_metadata         text,
  access_token_type             varchar(100),
  access_token_scopes           varchar(1000),
  oidc_id_token_value           text,
  oidc_id_token_issued_at       timestamptz,
  oidc_id_token_expires_at      timestamptz,
  oidc_id_token_metadata        text,
  refresh_token_value           text,
  refresh_token_issued_at       timestamptz,
  refresh_token_expires_at      timestamptz,
  refresh_token_metadata        text,
  user_code_value               text,
  user_code_issued_at           timestamptz,
  user_code_expires_at          timestamptz,
  user_code_metadata            text,
  device_code_value             text,
  device_code_issued_at         timestamptz,
  device_code_expires_at        timestamptz,
  device_code_metadata          text
);
create index oauth2_authorization_state on public.oauth2_authorization (state);
create index oauth2_authorization_code on public.oauth2_authorization (authorization_code_value);
create index oauth2_authorization_access on public.oauth2_authorization (access_token_value);
create index oauth2_authorization_refresh on public.oauth2_authorization (refresh_token_value);
create index oauth2_authorization_id_token on public.oauth2_authorization (oidc_id_token_value);
