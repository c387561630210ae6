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
// When none qualifies the answer says why for every candidate. This is the
// one definition of "in force": inForce() below, used by document.in-force
// and by the documents' data contract (documents/StatutenData.cpp).
// Failures: Error(notFound/invalid) naming the field. Not thread-safe (Register lock).
#pragma once

#include "governance/Approvals.hpp"
#include "store/Database.hpp"
#include "core/Json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::governance {

struct InForce {
  std::optional<records::Version> version;   // the version in force, if any
  std::optional<ApprovalStatus> approvals;   // its approvals on the date
  struct Excluded {
    records::Version version;
    std::string reason;  // Dutch: "nog een ontwerp", "treedt pas in werking op …", …
  };
  // The versions that do not qualify, with the reason (a qualifying version
  // with an earlier effective date is in neither list: it was succeeded).
  std::vector<Excluded> notInForce;
};

// The first half of the definition: why the status and dates of `version` keep
// it out of force on `asOf` ("nog een ontwerp", "treedt pas in werking op …",
// …); "" when they do not, and its approvals decide.
std::string outOfForceByDates(const records::Version& version, const Date& asOf);

// The version of document `documentId` in force on `asOf` as the register knew
// it at `knownAt` (now when empty), by the definition above.
InForce inForce(store::Database& db, const std::string& documentId, const Date& asOf, const KnownAt& knownAt = {});

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
