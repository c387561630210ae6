// Governing documents of a cooperation and their versions: the operations
// behind document.*, approval.* and approval-rule.* in the catalogue. Each
// function is the body of one operation: JSON in, JSON out; bad input throws
// Error with a Dutch message and its place, and nothing is written (the
// caller's transaction rolls back). Not thread-safe (Register lock).
//
// Version status lifecycle (stored, journaled; docs/statuten.md):
//   ontwerp → voorgelegd → goedgekeurd → in_werking → vervangen
// voorgelegd records the submission date; goedgekeurd needs complete
// approvals (and is set automatically when the last approval is recorded);
// in_werking needs an effective date and approvals complete on that date, and
// marks the version that was in force before as vervangen (valid_until = the
// day before). Which version is IN FORCE on a date is derived, never taken
// from the stored status alone: see inForce() in DocumentQueries.hpp.
#pragma once

#include "records/Register.hpp"

namespace igsgov::governance {

JsonObject documentCreate(records::Writer& w, const JsonObject& in);
JsonObject versionAdd(records::Writer& w, const JsonObject& in);
JsonObject versionSetStatus(records::Writer& w, const JsonObject& in);
JsonObject versionCorrect(records::Writer& w, const JsonObject& in);
JsonObject approvalRecord(records::Writer& w, const JsonObject& in);
JsonObject ruleSet(records::Writer& w, const JsonObject& in);

// Validation shared with the interchange import (data as from readFields).
void validateDocument(store::Database& db, const std::string& id, JsonObject data);
void validateVersion(store::Database& db, const std::string& id, JsonObject data);
void validateApproval(store::Database& db, const std::string& id, JsonObject data);
void validateRule(store::Database& db, const std::string& id, JsonObject data);

// The stored bytes of a new version from {"path"} or {"content_base64"};
// returns the file name to record ("" when none).
std::string versionBytes(const Reader& r, std::string& bytes);

}  // namespace igsgov::governance
