// Verifier: recomputes the journal's hash chain and cross-checks every
// journaled table against it (audit.verify).
//
// Always detects: a journal entry edited, removed or inserted (chain or seq
// break, or an entry whose effects or rows are still there), an effect list
// edited (effects digest), a table row edited, deleted or added outside the
// library (row digest / missing effect / unexplained row), a value whose
// storage class the register never writes (REAL, BLOB: same bytes, other
// meaning to SQL), a rec_to set or cleared behind the library's back, an
// unsigned entry after signed ones, and a trigger or view (the migrations
// create none). Not checked: the rest of the schema (a dropped index or
// constraint), see docs/dev/security.md.
//
// With public keys (VerifyOptions::keys): every signed entry's signature, and
// that the entries form an unsigned prefix (written before the register had a
// key) followed by entries signed with one of the keys, the last one included.
// This catches an appended entry and a history rewritten without the key.
// With checkpoints: that the register still extends each (the entry at the
// checkpoint's seq exists and has its hash), which catches removed entries at
// the end and a history rewritten or forked even with the key.
// Without either, an entry removed cleanly from the end (with its rows) and a
// consistently rewritten chain are not detectable (docs/dev/security.md).
//
// Reports problems in journal order, then in table order, with their place.
// Read-only; runs in one read transaction so it sees one consistent snapshot.
// Thread safety: one call per Database at a time (as for any Database use).
#pragma once

#include "journal/Checkpoint.hpp"
#include "journal/Signing.hpp"
#include "store/Database.hpp"

#include <string>
#include <vector>

namespace igsgov::journal {

struct VerifyProblem {
  // schema | journal_entry | effects | signature | checkpoint | row_changed | row_missing | row_unexplained |
  // rec_to_changed
  std::string kind;
  long long seq = 0;   // journal entry involved (0 when none)
  std::string table;   // table involved ("" for journal problems)
  long long rowId = 0;
  std::string column;  // column involved ("" when none)
  std::string message; // Dutch
};

struct VerifyOptions {
  std::vector<PublicKey> keys;           // none: signatures are counted, not checked
  std::vector<Checkpoint> checkpoints;   // none: nothing outside the register anchors it
  std::size_t maxProblems = 20;
};

struct VerifyReport {
  bool ok = true;
  long long entries = 0;
  long long rows = 0;
  long long headSeq = 0;
  std::string headHash;
  std::string headAt;
  long long signedEntries = 0;          // entries that carry a signature
  std::vector<std::string> keyIds;      // key ids on the entries, in order of first use
  bool signaturesChecked = false;       // keys were given and every signature verified
  long long checkpointsMatched = 0;     // checkpoints the register extends
  std::vector<VerifyProblem> problems;  // the first problem first; capped
};

// The tables whose every row is written through the journal.
const std::vector<std::string>& journaledTables();

VerifyReport verify(store::Database& db, const VerifyOptions& options = {});

}  // namespace igsgov::journal
