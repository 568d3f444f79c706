-- The chain is keyed from now on: each entry's hash is an HMAC-SHA256 under a key kept outside the database, so
-- someone with database access alone can no longer edit an entry and recompute the chain. Entries chained before
-- this migration keep their plain SHA-256 hashes; keyed_from is the first keyed sequence number (the signed
-- checkpoints outside the database carry it too, so it cannot be moved quietly).
alter table audit.chain add column keyed_from bigint;
update audit.chain set keyed_from = last_seq + 1;
alter table audit.chain alter column keyed_from set not null;
