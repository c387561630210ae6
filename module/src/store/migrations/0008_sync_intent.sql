-- 0008: write-ahead upload intents of the sync engine (see docs/dev/sync.md).
-- Journaled like 0007: rows are only inserted, later only rec_to is set once.
--
-- Before a batch's uploads start, the engine records (and commits) one intent
-- per upload: the path and the SHA-256 and size it is about to write. The
-- batch's own entry closes the intents of the paths it records. An intent
-- still open at the next run means a run died between an upload and its
-- bookkeeping: a target file holding exactly the intended hash was written by
-- us (its state is then that content, so a later local edit is an update and
-- a local delete a delete, not a conflict); any other open intent is stale
-- and is closed.
CREATE TABLE sync_intent (
  row_id      INTEGER PRIMARY KEY,
  target      TEXT NOT NULL,
  path        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('push', 'sidecar')),
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  item        TEXT,
  version     TEXT,
  run_id      TEXT NOT NULL,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
-- Not unique: a run killed after recording a newer intent for a path but
-- before uploading it leaves the older intent the true one; both stay open.
CREATE INDEX sync_intent_current ON sync_intent(target, path) WHERE rec_to IS NULL;
