// The governance and finance parts of the JSON interchange format
// (docs/uitwisselformaat-bestuur.md), called from Interchange.cpp:
//
//   "governance": {"approval_rules": [...], "documents": [{..., "versions": [{...,
//                  "file": {name, sha256, media_type, size, content_base64},
//                  "approvals": [...]}]}]}
//   "finance":    {"plans": [{"source", "plan": {...}}], "contribution_keys": [...],
//                  "contribution_schedules": [...]}
//
// Export writes what the register knows now (current versions), files
// embedded as base64 so one file carries everything. Import validates every
// record as the single operations do (a file must hash to its stated SHA-256
// and be DOCX/ODT/PDF; a schedule must recompute from its inputs) inside the
// caller's write, so an error anywhere leaves the register unchanged; errors
// carry the position in the file ("governance.documents[0].versions[1]").
#pragma once

#include "records/Register.hpp"

namespace igsgov::interchange {

// Adds the counts of what was imported to `counts`.
void importGovernanceAndFinance(records::Writer& w, const JsonObject& doc, const std::string& file, JsonObject counts);
void exportGovernanceAndFinance(store::Database& db, JsonObject out);

}  // namespace igsgov::interchange
