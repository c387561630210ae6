// Statuten: the small interface the statuten rule needs from the governance
// area (module/src/governance, written separately). Until governance
// registers a provider, the rule "statuten-goedgekeurd" is listed as
// "niet evalueerbaar" and the deadlines have no statuten approvals.
//
// Thread safety: setStatutenProvider() is called once at start-up (before any
// check runs); reading the provider afterwards is thread-safe.
#pragma once

#include "core/Date.hpp"
#include "store/Database.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::rules {

struct StatutenVersionFact {
  std::string id;     // record id of the version
  std::string label;  // e.g. "statuten 2026"
  std::optional<Date> inForceFrom;  // the date the register says it takes effect
  // Approval per member (member id -> date of the council's decision; nullopt = not yet).
  std::map<std::string, std::optional<Date>> approvals;
};

using StatutenProvider =
    std::function<std::vector<StatutenVersionFact>(store::Database& db, const std::string& cooperationId)>;

void setStatutenProvider(StatutenProvider provider);
const StatutenProvider& statutenProvider();  // empty when governance did not register one

}  // namespace igsgov::rules
