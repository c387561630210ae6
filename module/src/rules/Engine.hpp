// Engine: evaluates the rule book against the register as of a date.
//
// For every cooperation (or one), every rule whose set applies to its legal
// form or domain runs with its parameters (rule data, then the cooperation's
// overrides). Findings carry rule, severity, records, date and legal basis;
// acknowledged findings stay in the list, marked with their acknowledgement.
// A rule whose evaluator lacks data is listed under notEvaluable with the
// reason, never passed silently.
//
// A cooperation in oprichting (no legal form yet, issue 18) is listed in
// inOprichting: no rule set of a legal form applies to it, a rule marked
// in_oprichting "niet" is listed in notApplicable instead of run, and one
// marked "waarschuwing" reports a fout as a waarschuwing that says why
// (RuleSet.hpp). Read-only; runs under the register's lock.
#pragma once

#include "rules/Finding.hpp"
#include "rules/RuleSet.hpp"
#include "store/Database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::rules {

struct CheckOptions {
  std::string cooperation;  // empty: all
  Date asOf;
};

struct NotEvaluated {
  std::string ruleId, cooperation, reason;
};

struct CooperationInOprichting {
  std::string id, name;
};

struct CheckResult {
  Date asOf;
  std::vector<Finding> findings;
  std::vector<NotEvaluated> notEvaluable;
  std::vector<NotEvaluated> notApplicable;  // rules "niet" for a cooperation in oprichting, with the reason
  std::vector<CooperationInOprichting> inOprichting;
  int rulesEvaluated = 0;
  int cooperations = 0;
  int open(Severity s) const;          // not acknowledged, of this severity
  int acknowledgedCount() const;
};

CheckResult check(store::Database& db, const RuleBook& book, const CheckOptions& options);

// The exit code the CLI returns for a check: 0 without unacknowledged fout
// findings, kFoutExitCode with.
constexpr int kFoutExitCode = 20;

// The Dutch sentence that says what the check means for a cooperation in oprichting.
std::string inOprichtingNote(const std::string& name);

JsonObject checkResultJson(const CheckResult& r, const RuleBook& book, const std::string& cooperation);

}  // namespace igsgov::rules
