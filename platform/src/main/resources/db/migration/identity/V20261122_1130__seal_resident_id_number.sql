-- Released to client systems only with the id_number scope (and audited), so the number must be readable
-- by Tongban: sealed with the identity key-encryption key.
alter table identity.resident_account add column id_number_cipher bytea;
