-- 0009: modification times the sync engine may trust (see docs/dev/sync.md,
-- "No-change runs on digest-etag servers"). Journaled like 0007: rows are only
-- inserted, later only rec_to is set once. A separate table because a column
-- added to sync_state would change the audit digests of its existing rows.
--
-- One open row per target and path: an etag listing taken at server time
-- `seen_at` showed the path with `etag` (the synced state's) and `size`, and
-- the server's getlastmodified `mtime`, with mtime < seen_at (whole seconds,
-- the server's own clock), so any later write gives a different mtime. Later
-- runs may take the path as unchanged when a listing without etags shows the
-- same size and mtime and the synced state still has this etag.
CREATE TABLE sync_mtime (
  row_id      INTEGER PRIMARY KEY,
  target      TEXT NOT NULL,
  path        TEXT NOT NULL,
  etag        TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  mtime       INTEGER NOT NULL,
  seen_at     INTEGER NOT NULL CHECK (seen_at > mtime),
  run_id      TEXT NOT NULL,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX sync_mtime_current ON sync_mtime(target, path) WHERE rec_to IS NULL;
