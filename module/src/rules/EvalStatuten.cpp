// The statuten rule: a statuten version is in force only when every member
// council approved it. Uses the governance area through Statuten.hpp.
#include "rules/Evaluators.hpp"
#include "rules/Statuten.hpp"

namespace igsgov::rules {
namespace {

StatutenProvider& provider() {
  static StatutenProvider p;
  return p;
}

void statutenApproved(const Context& c) {
  const auto& get = statutenProvider();
  if (!get) throw NotEvaluable{"de statuten en hun goedkeuringen worden (nog) niet in het register bijgehouden"};
  for (const auto& v : get(c.db, c.coop.id)) {
    if (!v.inForceFrom || c.asOf < *v.inForceFrom) continue;
    for (const auto* m : c.coop.membersOn(*v.inForceFrom)) {
      if (m->kind != "gemeente") continue;
      auto it = v.approvals.find(m->id);
      bool approved = it != v.approvals.end() && it->second && *it->second <= *v.inForceFrom;
      if (!approved)
        c.emit(v.label + " geldt volgens het register vanaf " + dutchLongDate(*v.inForceFrom) + ", maar de gemeenteraad van " +
                   m->name + " keurde ze " + (it != v.approvals.end() && it->second ? "pas later" : "niet") + " goed",
               {{"statuten", v.id}, {"member", m->id}});
    }
  }
}

}  // namespace

void setStatutenProvider(StatutenProvider p) { provider() = std::move(p); }
const StatutenProvider& statutenProvider() { return provider(); }

void addStatutenEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"statuten_approved", {}, statutenApproved});
}

}  // namespace igsgov::rules
