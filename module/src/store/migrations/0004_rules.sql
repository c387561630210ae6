-- 0004: compliance rules (see docs/dev/rules.md).
-- rule_ack: a finding acknowledged with a motivation ("known and accepted"),
-- keyed by the finding's stable key (rule, cooperation, records involved).
-- rule_override: a rule parameter changed for one cooperation, with the reason.
-- Both are versioned entities like those of 0001 (record time, journaled,
-- nothing deleted; withdrawing is a new version with withdrawn = 1).

CREATE TABLE rule_ack_key      (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE rule_override_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);

CREATE TABLE rule_ack (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES rule_ack_key(id),
  finding_key    TEXT NOT NULL,
  rule_id        TEXT NOT NULL,
  cooperation_id TEXT,
  motivation     TEXT NOT NULL,
  as_of          TEXT NOT NULL,
  message        TEXT NOT NULL,
  withdrawn      INTEGER NOT NULL DEFAULT 0,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX rule_ack_by_id ON rule_ack(id, rec_from);
CREATE INDEX rule_ack_current ON rule_ack(finding_key) WHERE rec_to IS NULL;

CREATE TABLE rule_override (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES rule_override_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  rule_id        TEXT NOT NULL,
  parameter      TEXT NOT NULL,
  value          TEXT NOT NULL,
  motivation     TEXT NOT NULL,
  withdrawn      INTEGER NOT NULL DEFAULT 0,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX rule_override_by_id ON rule_override(id, rec_from);
CREATE INDEX rule_override_current ON rule_override(cooperation_id) WHERE rec_to IS NULL;
