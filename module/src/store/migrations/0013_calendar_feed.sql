-- 0013: calendar feeds (issue 17; docs/dev/security.md, "Calendar feeds and
-- email reminders"). A feed is a secret URL per account from which a calendar
-- program fetches the deadlines the account may see. Like an API token
-- (0005): a random 256-bit secret shown once, only its SHA-256 stored, a
-- revocation sets rec_to and nothing is deleted, so the journal shows who
-- made and revoked which feed when. At most one current feed per account.
CREATE TABLE calendar_feed (
  row_id        INTEGER PRIMARY KEY,
  account_id    TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64),
  rec_from      TEXT NOT NULL,
  rec_to        TEXT,
  jseq          INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind   TEXT NOT NULL,
  reason        TEXT
);
CREATE UNIQUE INDEX calendar_feed_current ON calendar_feed(account_id) WHERE rec_to IS NULL;
