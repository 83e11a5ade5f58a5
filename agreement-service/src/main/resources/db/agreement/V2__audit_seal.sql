-- Anchor of the audit history outside the database: each entry's hash sealed with an HMAC key the service holds in its
-- configuration (madang.agreements.audit-seal-key), not in the database. Whoever can write this table can recompute
-- the hash chain, but not the seals. Entries written before this column existed have none (verified by chain only).
alter table agreement_history add column seal text;
