// Finding: one rule that does not hold for some records on a date.
// Its key identifies it across runs (rule, cooperation, records involved;
// not the date or the message), so an acknowledgement survives re-checks.
#pragma once

#include "core/Date.hpp"
#include "core/Json.hpp"
#include "rules/RuleSet.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::rules {

struct RecordRef {
  std::string kind;  // cooperation | member | body | seat | mandate | person | gemeente | statuten
  std::string id;
};

struct Acknowledgement {
  std::string id, motivation, at, asOf, actor;
};

struct Finding {
  std::string ruleId;
  Severity severity = Severity::fout;
  std::string cooperation;
  std::vector<RecordRef> records;
  std::string message;  // Dutch; ends with "(te verifiëren)" when the rule is not verified
  Date asOf;
  std::string citation, link;
  bool verified = true;
  std::string key;  // see above; filled by finalise()
  std::optional<Acknowledgement> acknowledged;
};

// Computes the key (16 hex digits of SHA-256 over rule, cooperation and records).
std::string findingKey(const std::string& ruleId, const std::string& cooperation, std::vector<RecordRef> records);

JsonObject findingJson(const Finding& f);

}  // namespace igsgov::rules
