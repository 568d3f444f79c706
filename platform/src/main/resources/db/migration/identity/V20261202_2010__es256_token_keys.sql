-- One active token-signing key per algorithm: RS256 (ID tokens, tokens for a person) and ES256 (client-credentials
-- access tokens). The algorithm column was there from the start; only the "one active key" rule changes.
drop index identity.signing_key_one_active;
create unique index signing_key_one_active_per_algorithm on identity.signing_key (algorithm) where retired_at is null;
