-- 0011: personal accounts, their passwords and roles per cooperation (issue 15;
-- docs/dev/security.md, "Accounts, sign-in and roles per cooperation").
-- Journaled like every register fact (journal/Verifier.cpp): rows are only
-- inserted, and a row's only later update is setting rec_to once. The current
-- row of an entity is the one with rec_to IS NULL.

-- A person who signs in to the intranet. id is the login name (lowercase).
-- oidc_subject and email: for sign-in with OpenID Connect (the 'sub' claim, or
-- a verified e-mail claim; not implemented yet, stored so that it needs no
-- migration). A disabled account cannot sign in.
CREATE TABLE account (
  row_id       INTEGER PRIMARY KEY,
  id           TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email        TEXT,
  oidc_subject TEXT,
  disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  rec_from     TEXT NOT NULL,
  rec_to       TEXT,
  jseq         INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind  TEXT NOT NULL,
  reason       TEXT
);
CREATE UNIQUE INDEX account_current ON account(id) WHERE rec_to IS NULL;
CREATE UNIQUE INDEX account_current_subject ON account(oidc_subject) WHERE rec_to IS NULL AND oidc_subject IS NOT NULL;

-- An account's password as an Argon2id hash in the PHC string format
-- ($argon2id$v=19$m=...,t=...,p=...$salt$tag, service/Passwords.hpp). The
-- password itself is never stored, nor written into the journal: the journal
-- entry of a reset says only that it happened. A reset closes the old row.
CREATE TABLE account_password (
  row_id      INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL,
  hash        TEXT NOT NULL CHECK (substr(hash, 1, 10) = '$argon2id$'),
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE UNIQUE INDEX account_password_current ON account_password(account_id) WHERE rec_to IS NULL;

-- A role for one cooperation, or for every cooperation (cooperation = '*').
-- principal: 'account:<id>' (an account may hold several grants) or
-- 'token:<name>' (an API token's role limited to the cooperations of its
-- rows; a token without rows holds its role for every cooperation, as every
-- token made before this migration does).
CREATE TABLE access_grant (
  row_id      INTEGER PRIMARY KEY,
  principal   TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('beheerder', 'directeur', 'secretariaat', 'auditor')),
  cooperation TEXT NOT NULL,
  rec_from    TEXT NOT NULL,
  rec_to      TEXT,
  jseq        INTEGER NOT NULL REFERENCES journal(seq) DEFERRABLE INITIALLY DEFERRED,
  change_kind TEXT NOT NULL,
  reason      TEXT
);
CREATE UNIQUE INDEX access_grant_current ON access_grant(principal, role, cooperation) WHERE rec_to IS NULL;
