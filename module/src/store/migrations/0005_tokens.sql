-- 0005: API tokens for igsgovd (see docs/dev/rest.md).
-- A token is a random 256-bit secret shown once at creation; only its SHA-256
-- is stored. A slow password KDF (bcrypt, scrypt, Argon2) is not needed: those
-- protect low-entropy passwords against guessing, while a 256-bit random secret
-- cannot be guessed from its hash whatever the hash speed, and a fast hash keeps
-- the per-request check cheap and lets the lookup go through an index.
-- Versioned like the entity tables: a revocation sets rec_to, nothing is deleted,
-- so the journal shows who created and revoked which token when.
CREATE TABLE api_token (
  row_id        INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('beheerder', 'directeur', 'secretariaat', 'auditor')),
  secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64),
  rec_from      TEXT NOT NULL,
  rec_to        TEXT,
  jseq          INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind   TEXT NOT NULL,
  reason        TEXT
);
CREATE UNIQUE INDEX api_token_current_name ON api_token(name) WHERE rec_to IS NULL;
