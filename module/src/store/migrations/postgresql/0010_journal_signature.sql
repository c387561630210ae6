-- PostgreSQL dialect of ../0010_journal_signature.sql (numbered in step; SchemaParityTest compares them):
-- BIGINT for INTEGER, identity columns for INTEGER PRIMARY KEY row ids.
-- 0010: Ed25519 signatures on journal entries (docs/dev/store.md, "Signatures and checkpoints").
-- key_id: the fingerprint of the public key that signed the entry (journal/Signing.hpp);
-- signature: the entry's signature (hex). Both NULL for entries written without a key,
-- which includes every entry written before this migration. Neither is part of the entry
-- hash: the signature signs the hash. The public key itself is never stored here: an
-- auditor checks with the key they hold.
ALTER TABLE journal ADD COLUMN key_id TEXT;
ALTER TABLE journal ADD COLUMN signature TEXT;
