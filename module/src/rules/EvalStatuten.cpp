// The statuten rule: a statuten version is in force only when every approver
// that the approval rule requires (governance/Approvals.hpp: per legal form,
// overridable per cooperation) approved it on or before its effective date.
//
// Looked at: every statuten version of the cooperation that is not an
// ontwerp and whose period (effective_from .. valid_until) covers the as-of
// date — the versions the register presents as in force. For each required
// approver without a "goedgekeurd" decision dated on or before the effective
// date, one finding says whether the approval came later (up to the as-of
// date), was refused, or is missing.
//
// When no version is looked at (the register knows no statuten of the
// cooperation, or none of its versions covers the date) there is nothing to
// check: the rule is NotEvaluable with the reason, never a silent pass.
#include "rules/Evaluators.hpp"
#include "core/Date.hpp"

#include "governance/Approvals.hpp"
#include "governance/DocumentQueries.hpp"
#include "records/Entities.hpp"

namespace igsgov::rules {
namespace {

std::string whatHappened(const governance::ApproverState& later) {
  if (later.state == "goedgekeurd")
    return "keurde ze pas goed op " + dutchLongDate(*records::dateOf(later.decision->data, "date"));
  if (later.state == "verworpen") return "verwierp ze";
  if (later.state == "kennisname") return "nam er enkel kennis van";
  return "keurde ze niet goed";
}

void statutenApproved(const Context& c) {
  auto versions = governance::documentVersions(c.db, c.coop.id, "statuten");
  if (versions.empty()) throw NotEvaluable{"het register kent geen statuten van dit samenwerkingsverband"};
  std::string skipped;
  bool lookedAt = false;
  for (const auto& v : versions) {
    if (auto why = governance::outOfForceByDates(v, c.asOf); !why.empty()) {
      skipped += (skipped.empty() ? "" : "; ") + governance::text(v, "label") + ": " + why;
      continue;
    }
    lookedAt = true;
    auto from = records::dateOf(v.data, "effective_from");
    auto atStart = governance::approvalStatus(c.db, v, *from);
    if (atStart.complete) continue;
    // The approvers depend on the effective date only, so both lists match one to one.
    auto later = governance::approvalStatus(c.db, v, c.asOf);
    std::string label = governance::text(v, "label");
    if (atStart.approvers.empty())
      c.emit(label + " geldt volgens het register vanaf " + dutchLongDate(*from) +
                 ", maar er is niemand die ze volgens de regel '" + atStart.rule.rule + "' kon goedkeuren",
             {{"statuten", v.id}});
    for (size_t i = 0; i < atStart.approvers.size(); ++i) {
      const auto& a = atStart.approvers[i];
      if (a.state == "goedgekeurd") continue;
      // The records name the version and the member only, so an acknowledgement keeps
      // matching when a late decision is recorded afterwards.
      std::vector<RecordRef> refs{{"statuten", v.id}};
      if (!a.requirement.member.empty()) refs.push_back({"member", a.requirement.member});
      c.emit(label + " geldt volgens het register vanaf " + dutchLongDate(*from) + ", maar " + a.requirement.name + " " +
                 whatHappened(later.approvers[i]),
             refs);
    }
  }
  if (!lookedAt)
    throw NotEvaluable{"geen versie van de statuten geldt op " + dutchLongDate(c.asOf) + " volgens het register (" + skipped + ")"};
}

}  // namespace

void addStatutenEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"statuten_approved", {}, statutenApproved});
}

}  // namespace igsgov::rules
