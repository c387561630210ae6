-- 0002: governing documents (statuten, intern reglement, oprichtingsakte,
-- samenwerkingsovereenkomst, cultuurnota), their versions, files, approvals
-- and approval-rule overrides (see docs/statuten.md).
-- Versioned tables follow 0001: rec_from/rec_to record time, jseq, change_kind, reason.

-- Content-addressed file store INSIDE the register: one row per distinct file,
-- keyed by the SHA-256 of its bytes; the bytes are kept base64-encoded in
-- `content` (the store layer binds text, not blobs). The row is journaled like
-- every other row, so audit.verify detects an edited file (the row digest
-- changes) and governance verifies content against sha256 on every read.
CREATE TABLE gov_blob (
  row_id     INTEGER PRIMARY KEY,
  sha256     TEXT NOT NULL UNIQUE,
  size       INTEGER NOT NULL CHECK (size >= 0),
  media_type TEXT NOT NULL,
  content    TEXT NOT NULL,
  jseq       INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE gov_document_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE gov_version_key  (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE gov_approval_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE gov_rule_key     (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);

CREATE TABLE gov_document (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES gov_document_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  kind           TEXT NOT NULL,
  title          TEXT NOT NULL,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX gov_document_by_id ON gov_document(id, rec_from);
CREATE INDEX gov_document_by_cooperation ON gov_document(cooperation_id, rec_to);

CREATE TABLE gov_version (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES gov_version_key(id),
  document_id    TEXT NOT NULL REFERENCES gov_document_key(id),
  label          TEXT NOT NULL,
  file_sha256    TEXT NOT NULL REFERENCES gov_blob(sha256),
  file_name      TEXT,
  added_by       TEXT,
  status         TEXT NOT NULL,
  submitted      TEXT,
  effective_from TEXT,
  valid_until    TEXT,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX gov_version_by_id ON gov_version(id, rec_from);
CREATE INDEX gov_version_by_document ON gov_version(document_id, rec_to);

CREATE TABLE gov_approval (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES gov_approval_key(id),
  version_id     TEXT NOT NULL REFERENCES gov_version_key(id),
  member_id      TEXT REFERENCES member_key(id),
  council        TEXT NOT NULL,
  decision_date  TEXT NOT NULL,
  outcome        TEXT NOT NULL,
  decision_ref   TEXT,
  decision_uri   TEXT,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX gov_approval_by_id ON gov_approval(id, rec_from);
CREATE INDEX gov_approval_by_version ON gov_approval(version_id, rec_to);

-- An override of the approval rule of one document kind in one cooperation
-- (id "<cooperation>:<kind>"); the reason column holds why (required).
CREATE TABLE gov_rule (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES gov_rule_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  document_kind  TEXT NOT NULL,
  rule           TEXT NOT NULL,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX gov_rule_by_id ON gov_rule(id, rec_from);
