-- A second kind of published key: ES256 (P-256) for the high-volume messages of the data exchange, about seven times
-- cheaper to sign than RS256. Kept like the token-signing keys: the private half sealed, one active at a time.
create table identity.message_key (
  kid text primary key,
  public_key bytea not null,
  private_cipher bytea not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index message_key_one_active on identity.message_key ((true)) where retired_at is null;
