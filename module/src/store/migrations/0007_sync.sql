-- 0007: sync with document systems and SPARQL proposals (see docs/dev/sync.md).
-- Every table here holds register facts and is journaled (journal/Verifier.cpp):
-- rows are only inserted, and a row's only later update is setting rec_to once.
-- The current row of an entity is the one with rec_to IS NULL.

-- The synced state of one path on one target: what the register pushed or
-- pulled there last, as the server reported it right after the transfer.
--   kind    push (a register file), sidecar (its metadata JSON), pull (an inbox file)
--   status  synced | conflict (both sides changed; conflict_* say what was kept where)
--           | remote_changed (changed on the server only; left alone, reported)
-- etag/sha256/size describe the LAST COMMON content (the base of the next
-- three-way comparison); item/version the register item it belongs to.
CREATE TABLE sync_state (
  row_id                 INTEGER PRIMARY KEY,
  target                 TEXT NOT NULL,
  path                   TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('push', 'sidecar', 'pull')),
  etag                   TEXT NOT NULL,
  sha256                 TEXT NOT NULL,
  size                   INTEGER NOT NULL CHECK (size >= 0),
  item                   TEXT,
  version                TEXT,
  status                 TEXT NOT NULL CHECK (status IN ('synced', 'conflict', 'remote_changed')),
  conflict_path          TEXT,
  conflict_remote_sha256 TEXT,
  conflict_local_sha256  TEXT,
  run_id                 TEXT NOT NULL,
  rec_from               TEXT NOT NULL,
  rec_to                 TEXT,
  jseq                   INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX sync_state_current ON sync_state(target, path) WHERE rec_to IS NULL;

-- The run journal: one entity per run (id), versions running -> done | failed |
-- interrupted. A run still 'running' when the next one starts was interrupted
-- (crash, kill): the next run records that and resumes from sync_state.
CREATE TABLE sync_run (
  row_id      INTEGER PRIMARY KEY,
  id          TEXT NOT NULL,
  target      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  planned     INTEGER NOT NULL,
  done        INTEGER NOT NULL,
  conflicts   INTEGER NOT NULL,
  message     TEXT,
  started     TEXT NOT NULL,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sync_run_by_target ON sync_run(target, rec_to);
CREATE UNIQUE INDEX sync_run_current ON sync_run(id) WHERE rec_to IS NULL;

-- Target health: locked after a critical error until 'sync resync'.
CREATE TABLE sync_target (
  row_id      INTEGER PRIMARY KEY,
  target      TEXT NOT NULL,
  locked      INTEGER NOT NULL CHECK (locked IN (0, 1)),
  error       TEXT,
  run_id      TEXT,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX sync_target_current ON sync_target(target) WHERE rec_to IS NULL;

-- Designations proposed by a SPARQL source (LBLOD), one entity per
-- mandaat:Mandataris (id derived from its URI), pending -> accepted | rejected.
CREATE TABLE sparql_proposal (
  row_id      INTEGER PRIMARY KEY,
  id          TEXT NOT NULL,
  source      TEXT NOT NULL,
  endpoint    TEXT NOT NULL,
  data        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  decision    TEXT,
  mandate_id  TEXT,
  person_id   TEXT,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX sparql_proposal_current ON sparql_proposal(id) WHERE rec_to IS NULL;
CREATE INDEX sparql_proposal_by_status ON sparql_proposal(status) WHERE rec_to IS NULL;
