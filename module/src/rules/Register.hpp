// The rules' records in the register (migration 0004): acknowledgements of
// findings and per-cooperation parameter overrides, both versioned entities
// (records/EntityTable) and therefore journaled. Functions run inside the
// caller's Register::write (writes) or read lock (reads).
#pragma once

#include "records/EntityTable.hpp"
#include "rules/Finding.hpp"
#include "rules/RuleSet.hpp"

#include <map>
#include <string>
#include <vector>

namespace igsgov::rules {

const records::EntitySpec& ackSpec();
const records::EntitySpec& overrideSpec();

struct OverrideRecord {
  std::string id, cooperation, rule, parameter, motivation, at;
  Poco::Dynamic::Var value;
};

// Current, not withdrawn overrides, optionally of one cooperation.
std::vector<OverrideRecord> currentOverrides(store::Database& db, const std::string& cooperation = "");
// Current, not withdrawn acknowledgements by finding key (with the actor from the journal).
std::map<std::string, Acknowledgement> currentAcknowledgements(store::Database& db);

// Records (or replaces) an override after checking rule, parameter and value
// type against the rule book. value: JSON text. Returns the stored version.
JsonObject setOverride(records::Writer& w, const RuleBook& book, const std::string& cooperation, const std::string& rule,
                       const std::string& parameter, const std::string& valueJson, const std::string& motivation,
                       bool withdraw);
// Records (or replaces) the acknowledgement of a finding.
JsonObject acknowledge(records::Writer& w, const Finding& f, const std::string& motivation, bool withdraw);

}  // namespace igsgov::rules
