-- 0001: the register (see docs/dev/store.md).
-- Versioned tables keep one row per version of an entity: rec_from/rec_to is the
-- record time (when the register knew this version), jseq the journal entry that
-- wrote the row, change_kind what happened (create, change, correction, end,
-- retraction). Valid time lives in valid_from/valid_until (inclusive dates).
-- Nothing is ever deleted; a row's only later update is setting rec_to once.
-- Identity tables (*_key) give every entity a stable id that foreign keys can name.
-- Mandates have none: nothing else refers to a mandate but its successor
-- (predecessor_id, checked by the operations), and a million key rows would
-- double the cost of a bulk import.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE journal (
  seq            INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  operation      TEXT NOT NULL,
  reason         TEXT,
  input          TEXT NOT NULL,
  effect_count   INTEGER NOT NULL,
  effects_digest TEXT NOT NULL,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL UNIQUE
);

-- Rows first_row..last_row of tbl (consecutive) were inserted, or one row was
-- closed; digests = one 64-hex digest per row, concatenated. effect_count in
-- journal counts rows, not lines.
CREATE TABLE journal_effect (
  seq       INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  n         INTEGER NOT NULL,
  tbl       TEXT NOT NULL,
  first_row INTEGER NOT NULL,
  last_row  INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'close')),
  digests   TEXT NOT NULL,
  PRIMARY KEY (seq, n)
) WITHOUT ROWID;
CREATE INDEX journal_effect_by_table ON journal_effect(tbl, first_row);

-- Reference data (loaded by register.init from the shipped files).
CREATE TABLE ref_gemeente (
  row_id          INTEGER PRIMARY KEY,
  nis             TEXT NOT NULL,
  name            TEXT NOT NULL,
  provincie       TEXT NOT NULL,
  arrondissement  TEXT,
  referentieregio TEXT,
  centrumstad     INTEGER NOT NULL DEFAULT 0,
  valid_from      TEXT,
  valid_until     TEXT,
  successor_nis   TEXT,
  jseq            INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (nis, valid_from)
);

CREATE TABLE ref_population (
  row_id    INTEGER PRIMARY KEY,
  nis       TEXT NOT NULL,
  peildatum TEXT NOT NULL,
  inwoners  INTEGER NOT NULL CHECK (inwoners >= 0),
  methode   TEXT NOT NULL,
  jseq      INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (nis, peildatum)
);

CREATE TABLE cooperation_key (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE member_key      (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE body_key        (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE seat_key        (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE person_key      (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, jseq INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED);

CREATE TABLE cooperation (
  row_id          INTEGER PRIMARY KEY,
  id              TEXT NOT NULL REFERENCES cooperation_key(id),
  name            TEXT NOT NULL,
  legal_form      TEXT NOT NULL,
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
CREATE INDEX cooperation_by_id ON cooperation(id, rec_from);

CREATE TABLE member (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES member_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  kind           TEXT NOT NULL,
  nis            TEXT,
  name           TEXT NOT NULL,
  partner_kind   TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_until    TEXT,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX member_by_id ON member(id, rec_from);
CREATE INDEX member_by_cooperation ON member(cooperation_id, rec_to);

CREATE TABLE body (
  row_id         INTEGER PRIMARY KEY,
  id             TEXT NOT NULL REFERENCES body_key(id),
  cooperation_id TEXT NOT NULL REFERENCES cooperation_key(id),
  type           TEXT NOT NULL,
  name           TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_until    TEXT,
  rec_from       TEXT NOT NULL,
  rec_to         TEXT,
  jseq           INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind    TEXT NOT NULL,
  reason         TEXT
);
CREATE INDEX body_by_id ON body(id, rec_from);
CREATE INDEX body_by_cooperation ON body(cooperation_id, rec_to);

CREATE TABLE seat (
  row_id      INTEGER PRIMARY KEY,
  id          TEXT NOT NULL REFERENCES seat_key(id),
  body_id     TEXT NOT NULL REFERENCES body_key(id),
  label       TEXT NOT NULL,
  holders     INTEGER NOT NULL CHECK (holders >= 1),
  member_id   TEXT REFERENCES member_key(id),
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE INDEX seat_by_id ON seat(id, rec_from);
CREATE INDEX seat_by_body ON seat(body_id, rec_to);

CREATE TABLE person (
  row_id      INTEGER PRIMARY KEY,
  id          TEXT NOT NULL REFERENCES person_key(id),
  name        TEXT NOT NULL,
  gender      TEXT,
  fictitious  INTEGER NOT NULL DEFAULT 0,
  uri         TEXT,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE INDEX person_by_id ON person(id, rec_from);

CREATE TABLE mandate (
  row_id           INTEGER PRIMARY KEY,
  id               TEXT NOT NULL,
  person_id        TEXT NOT NULL REFERENCES person_key(id),
  body_id          TEXT NOT NULL REFERENCES body_key(id),
  seat_id          TEXT REFERENCES seat_key(id),
  member_id        TEXT REFERENCES member_key(id),
  role             TEXT NOT NULL,
  side             TEXT,
  fractie          TEXT,
  voting           INTEGER NOT NULL,
  status           TEXT NOT NULL,
  valid_from       TEXT NOT NULL,
  valid_until      TEXT,
  decision_council TEXT,
  decision_date    TEXT,
  decision_ref     TEXT,
  decision_uri     TEXT,
  predecessor_id   TEXT,
  retracted        INTEGER NOT NULL DEFAULT 0,
  rec_from         TEXT NOT NULL,
  rec_to           TEXT,
  jseq             INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind      TEXT NOT NULL,
  reason           TEXT
);
CREATE INDEX mandate_by_id ON mandate(id, rec_from);
CREATE INDEX mandate_by_body_record ON mandate(body_id, rec_from);
CREATE INDEX mandate_by_seat ON mandate(seat_id) WHERE rec_to IS NULL;
CREATE INDEX mandate_by_predecessor ON mandate(predecessor_id) WHERE predecessor_id IS NOT NULL;
