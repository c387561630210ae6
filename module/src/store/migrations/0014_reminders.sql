-- 0014: deadline reminders by email (issue 17; docs/dev/security.md,
-- "Calendar feeds and email reminders"; docs/kalender.md).
-- reminder_setting: how many days before a deadline of a kind an account
-- wants an email (one current row per account and kind; a change closes the
-- old row). reminder_sent: one row per email sent, keyed by account,
-- deadline identity (calendar/Deadlines.hpp), due date and days before; the
-- unique index is what makes "never twice": the row is inserted in the same
-- transaction that sends the email (ops/ReminderOps.cpp), so a second
-- igsgovd, a restart or a retry finds it and sends nothing. Journaled: the
-- journal shows who was reminded of what when.
CREATE TABLE reminder_setting (
  row_id      INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  days_before INTEGER NOT NULL CHECK (days_before BETWEEN 0 AND 365),
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE UNIQUE INDEX reminder_setting_current ON reminder_setting(account_id, kind) WHERE rec_to IS NULL;

CREATE TABLE reminder_sent (
  row_id      INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL,
  deadline    TEXT NOT NULL,
  due         TEXT NOT NULL,
  days_before INTEGER NOT NULL,
  address     TEXT NOT NULL,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE UNIQUE INDEX reminder_sent_once ON reminder_sent(account_id, deadline, due, days_before);
