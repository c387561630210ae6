// Verifier: recomputes the journal's hash chain and cross-checks every
// journaled table against it (audit.verify).
//
// Detects: a journal entry edited, removed or inserted (chain or seq break), an
// effect list edited (effects digest), a table row edited, deleted or added
// outside the library (row digest / missing effect / unexplained row), and a
// rec_to set or cleared behind the library's back. Reports the first problem
// in journal order (or table order for rows) with its place.
// Read-only; runs in one read transaction so it sees one consistent snapshot.
#pragma once

#include "store/Database.hpp"

#include <string>
#include <vector>

namespace igsgov::journal {

struct VerifyProblem {
  std::string kind;    // journal_entry | effects | row_changed | row_missing | row_unexplained | rec_to_changed
  long long seq = 0;   // journal entry involved (0 when none)
  std::string table;   // table involved ("" for journal problems)
  long long rowId = 0;
  std::string message; // Dutch
};

struct VerifyReport {
  bool ok = true;
  long long entries = 0;
  long long rows = 0;
  std::string headHash;
  std::vector<VerifyProblem> problems;  // the first problem first; capped
};

// The tables whose every row is written through the journal.
const std::vector<std::string>& journaledTables();

VerifyReport verify(store::Database& db, std::size_t maxProblems = 20);

}  // namespace igsgov::journal
