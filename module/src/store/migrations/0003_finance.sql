-- 0003: meerjarenplannen (BBC) and contribution keys and schedules in the
-- register (see docs/financiering.md and docs/uitwisselformaat-bestuur.md).
-- Versioned tables follow 0001. Plans and schedules keep their full content as
-- canonical JSON (finance::planToJson / scheduleToJson) with its SHA-256.

CREATE TABLE fin_plan_key     (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE fin_key_key      (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE fin_schedule_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);

-- One row per stored plan version (id "<owner>:<first>-<last>:v<version>").
CREATE TABLE fin_plan (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES fin_plan_key(id),
  owner_kind     TEXT NOT NULL,
  owner_id       TEXT NOT NULL,
  period         TEXT NOT NULL,
  version        INTEGER NOT NULL,
  version_label  TEXT,
  source         TEXT,
  content        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX fin_plan_by_id ON fin_plan(id, rec_from);
CREATE INDEX fin_plan_by_owner ON fin_plan(owner_id, period, rec_to);

-- A contribution key (verdeelsleutel): the cost items of one cooperation, each
-- with its allocation key, as JSON (finance::costItemToJson list).
CREATE TABLE fin_key (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES fin_key_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  title          TEXT NOT NULL,
  items          TEXT NOT NULL,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX fin_key_by_id ON fin_key(id, rec_from);

-- A computed contribution schedule for one key and year (id "<key>:<year>");
-- a recalculation is a new version of the same id. `schedule` is the canonical
-- JSON of finance::scheduleToJson (inputs included), so it is reproducible.
CREATE TABLE fin_schedule (
  row_id          INTEGER PRIMARY KEY,
  id              TEXT NOT NULL REFERENCES fin_schedule_key(id),
  key_id          TEXT NOT NULL REFERENCES fin_key_key(id),
  cooperation_id  TEXT NOT NULL REFERENCES cooperation_key(id),
  year            INTEGER NOT NULL,
  population_date TEXT,
  schedule        TEXT NOT NULL,
  schedule_sha256 TEXT NOT NULL,
  rec_from        TEXT NOT NULL,
  rec_to          TEXT,
  jseq            INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind     TEXT NOT NULL,
  reason          TEXT
);
CREATE INDEX fin_schedule_by_id ON fin_schedule(id, rec_from);
CREATE INDEX fin_schedule_by_key ON fin_schedule(key_id, rec_to);
