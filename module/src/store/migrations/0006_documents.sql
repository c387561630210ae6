-- 0006: the registry of generated documents (see docs/dev/documents.md).
-- One row per document written by documents.generate: which template (name and
-- SHA-256 of its bytes), for which cooperation and member, as of which date,
-- from which register state (journal_position = the journal head the data was
-- read at), where it was written and what was written (SHA-256, size, format).
-- A generated document is a fact that never changes: rows are only inserted
-- (journaled like every register row, so audit.verify covers them).

CREATE TABLE doc_generated (
  row_id           INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL,
  template_name    TEXT NOT NULL,
  template_sha256  TEXT NOT NULL,
  cooperation_id   TEXT NOT NULL REFERENCES cooperation_key(id),
  member_id        TEXT REFERENCES member_key(id),
  as_of            TEXT NOT NULL,
  journal_position INTEGER NOT NULL,
  output_path      TEXT NOT NULL,
  output_sha256    TEXT NOT NULL,
  size             INTEGER NOT NULL CHECK (size >= 0),
  format           TEXT NOT NULL,
  generated_at     TEXT NOT NULL,
  jseq             INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX doc_generated_by_cooperation ON doc_generated(cooperation_id, generated_at);
CREATE INDEX doc_generated_by_sha ON doc_generated(output_sha256);
