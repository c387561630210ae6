// Read operations on governing documents: which version is in force on a
// date, which members have not approved a version yet, the history of a
// document, the list per cooperation, a text comparison of two versions and
// a stored file written back to disk. All take `known_at` (record time) where
// it makes sense: "as the register knew it then".
//
// In force on date D: among the versions of the document that are not an
// ontwerp, whose effective date is on or before D, whose valid_until (if any)
// is on or after D, and whose approvals are complete as of D (Approvals.hpp),
// the one with the latest effective date (ties: the later registered one).
// When none qualifies the answer says why for every candidate.
// Failures: Error(notFound/invalid) naming the field. Not thread-safe (Register lock).
#pragma once

#include "store/Database.hpp"
#include "core/Json.hpp"

namespace igsgov::governance {

JsonObject documentInForce(store::Database& db, const JsonObject& in);
JsonObject approvalPending(store::Database& db, const JsonObject& in);
JsonObject documentHistory(store::Database& db, const JsonObject& in);
JsonObject documentList(store::Database& db, const JsonObject& in);
JsonObject documentCompare(store::Database& db, const JsonObject& in);
JsonObject documentFile(store::Database& db, const JsonObject& in);
JsonObject ruleShow(store::Database& db, const JsonObject& in);

// Dutch text renderers.
std::string inForceText(const JsonObject& out);
std::string pendingText(const JsonObject& out);
std::string compareText(const JsonObject& out);

}  // namespace igsgov::governance
