// Approvals of a governing-document version and the rule that decides when
// they are complete.
//
// The rule comes from the cooperation's legal form and the document kind
// (defaultRule; docs/statuten.md lists the defaults and their legal basis) and
// can be overridden per cooperation and document kind with a recorded reason
// (table gov_rule). Rules:
//   gemeenteraden        every participating member of kind gemeente: its
//                        gemeenteraad approves (the default for statuten);
//   colleges             every participating gemeente: its college van
//                        burgemeester en schepenen approves (the default for
//                        the engagementsverklaring, issue 18);
//   alle_deelnemers      every participating member: gemeenteraad (gemeente),
//                        OCMW-raad (ocmw) or its own organ (other partners);
//   bestuursorgaan       the cooperation's raad van bestuur or beheerscomité;
//   algemene_vergadering the cooperation's algemene vergadering.
// Participating members: those whose membership (valid time) covers the
// reference date = the version's effective date, or the asked date when the
// version has none. For each required approver the LATEST decision dated on or
// before the asked date counts (a council may reject and approve later): only
// "goedgekeurd" approves; "verworpen" and "kennisname" do not.
// Failures: Error(notFound) for unknown versions/cooperations.
// Not thread-safe (Register lock).
#pragma once

#include "governance/Specs.hpp"

#include "core/Date.hpp"

#include <set>
#include <string>
#include <vector>

namespace igsgov::governance {

struct RuleChoice {
  std::string rule;
  std::string legalForm;
  bool overridden = false;
  std::string reason;  // of the override
};

std::string defaultRule(const std::string& legalForm, const std::string& documentKind);
RuleChoice ruleFor(store::Database& db, const std::string& cooperationId, const std::string& documentKind,
                   const KnownAt& knownAt = {});

struct Requirement {
  std::string member;  // member id, "" for an organ of the cooperation
  std::string name;    // Dutch display name
  std::set<std::string> councils;
};

struct ApproverState {
  Requirement requirement;
  std::string state;  // goedgekeurd | verworpen | kennisname | ontbreekt
  std::optional<records::Version> decision;
};

struct ApprovalStatus {
  std::string versionId;
  std::string cooperationId;
  RuleChoice rule;
  Date asOf;
  Date referenceDate;
  std::vector<ApproverState> approvers;
  bool complete = false;
  int missing() const;
};

ApprovalStatus approvalStatus(store::Database& db, const records::Version& version, Date asOf,
                              const KnownAt& knownAt = {});
// The approvers of `s` without a "goedgekeurd" decision, for a message:
// "gemeenteraad van Ronse (verworpen), gemeenteraad van Kluisbergen (nog geen
// besluit)"; "" when none is missing.
std::string missingApprovers(const ApprovalStatus& s);
JsonObject approvalStatusJson(store::Database& db, const ApprovalStatus& s);

// The cooperation a version belongs to (through its document).
std::string cooperationOfVersion(store::Database& db, const records::Version& version, const KnownAt& knownAt = {});

}  // namespace igsgov::governance
