// PlanDiff: what changed between two versions of the same meerjarenplan
// (same owner and period), as a value for text and JSON output.
//
// Items are matched by code. An item present only in `after` is added, only in
// `before` removed; an item in both with different attributes (niveau,
// bovenliggend, titel, prioritair, beleidsveld, koppeling_igs) or amounts is
// changed, with one FieldChange per attribute and one AmountChange per
// (boekjaar, rubriek, soort) whose amount differs (a missing year counts as 0).
// `totals` holds the change of the plan-wide sum per boekjaar × rubriek × soort
// (added and removed items included), only where it is not zero.
// Order: items in the order of `after` (removed: of `before`); amount changes
// by year, rubriek, soort. Text output is Dutch (end users).
// Failures: Error(invalid) when the plans have a different owner or period.
// Thread safety: pure functions.
#pragma once

#include "finance/Plan.hpp"

#include <string>
#include <vector>

namespace igsgov::finance {

struct FieldChange {
  std::string field;  // the CSV column name: "titel", "prioritair", ...
  std::string before;
  std::string after;
  bool operator==(const FieldChange&) const = default;
};

struct AmountChange {
  int year = 0;
  Rubriek rubriek = Rubriek::exploitatie;
  Soort soort = Soort::uitgaven;
  Cents before;
  Cents after;
  Cents delta() const { return after - before; }
  bool operator==(const AmountChange&) const = default;
};

struct ItemChange {
  std::string code;
  Level level = Level::doelstelling;
  std::string title;  // the title in `after`
  std::vector<FieldChange> fields;
  std::vector<AmountChange> amounts;
  bool operator==(const ItemChange&) const = default;
};

struct PlanDiff {
  PlanOwner owner;
  PlanPeriod period;
  int fromVersion = 0;
  int toVersion = 0;
  std::string fromLabel;
  std::string toLabel;
  std::vector<PlanItem> added;
  std::vector<PlanItem> removed;
  std::vector<ItemChange> changed;
  std::vector<AmountChange> totals;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

PlanDiff diffPlans(const Plan& before, const Plan& after);
std::string diffToText(const PlanDiff& diff);
JsonObject diffToJson(const PlanDiff& diff);

}  // namespace igsgov::finance
