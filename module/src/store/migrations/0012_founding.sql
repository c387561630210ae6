-- 0012: an IGS in oprichting and the check-offs of its founding path (issue 18;
-- docs/oprichting.md, docs/dev/founding.md).
-- Versioned tables follow 0001: rec_from/rec_to record time, jseq, change_kind, reason.

-- A cooperation in oprichting has no legal form yet (it is chosen in step 6 of
-- the stappenplan): legal_form becomes nullable. SQLite cannot drop NOT NULL,
-- so the table is rebuilt with the same columns in the same order and the same
-- row ids; row digests (journal/RowDigest) depend only on the values, so the
-- journal stays intact. Nothing references this table (foreign keys name
-- cooperation_key).
CREATE TABLE cooperation_0012 (
  row_id          INTEGER PRIMARY KEY,
  id              TEXT NOT NULL REFERENCES cooperation_key(id),
  name            TEXT NOT NULL,
  legal_form      TEXT,
  domain          TEXT,
  kbo             TEXT,
  seat_nis        TEXT,
  referentieregio TEXT,
  founded         TEXT,
  term_end        TEXT,
  rec_from        TEXT NOT NULL,
  rec_to          TEXT,
  jseq            INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind     TEXT NOT NULL,
  reason          TEXT
);
INSERT INTO cooperation_0012 SELECT row_id, id, name, legal_form, domain, kbo, seat_nis, referentieregio, founded,
  term_end, rec_from, rec_to, jseq, change_kind, reason FROM cooperation;
DROP TABLE cooperation;
ALTER TABLE cooperation_0012 RENAME TO cooperation;
CREATE INDEX cooperation_by_id ON cooperation(id, rec_from);

-- A person's check-off of one condition of one step of a stappenplan, for the
-- whole cooperation (member_id NULL) or for one member gemeente, where the
-- register holds no evidence for it (founding/CheckOffs.hpp). note: why it is
-- done (required); done_on: the date it was done (e.g. the submission date);
-- document_sha256: an attached file in gov_blob. A correction or retraction is
-- a new version (retracted = 1); nothing is deleted.
CREATE TABLE founding_checkoff_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE founding_checkoff (
  row_id          INTEGER PRIMARY KEY,
  id              TEXT NOT NULL REFERENCES founding_checkoff_key(id),
  cooperation_id  TEXT NOT NULL REFERENCES cooperation_key(id),
  stappenplan     TEXT NOT NULL,
  step            TEXT NOT NULL,
  condition_key   TEXT NOT NULL,
  member_id       TEXT REFERENCES member_key(id),
  done_on         TEXT NOT NULL,
  note            TEXT NOT NULL,
  document_sha256 TEXT REFERENCES gov_blob(sha256),
  retracted       INTEGER NOT NULL DEFAULT 0,
  rec_from        TEXT NOT NULL,
  rec_to          TEXT,
  jseq            INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind     TEXT NOT NULL,
  reason          TEXT
);
CREATE INDEX founding_checkoff_by_id ON founding_checkoff(id, rec_from);
CREATE INDEX founding_checkoff_by_cooperation ON founding_checkoff(cooperation_id, rec_to);
