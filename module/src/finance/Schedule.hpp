// Schedule: the contributions of every member per year, per cost item and in
// total, together with the inputs that produced it.
//
// ScheduleInputs holds everything a schedule depends on: the members (in
// display order), and per year the population table (with its reference date)
// and the cost items (each with its key and total). computeSchedule() is a pure
// function of the inputs, so recomputing from Schedule::inputs gives an
// identical Schedule; scheduleFromJson() checks exactly that and reports a
// stored schedule whose figures do not follow from its inputs as
// Error(integrity) naming the year, member and item.
//
// Every member has a line, also one that pays nothing; MemberLine::excluded
// says, per item, why a member takes no part (AllocationKey.hpp: who pays).
// Invariants of a computed schedule (tested):
//   Σ members line.items[i] == itemTotals[i]; Σ items == line.total;
//   Σ itemTotals == total; for split items itemTotals[i] == the item's total.
// Failures: Error(invalid) for bad inputs (duplicate year, member or item id,
// and everything allocate() refuses).
// Thread safety: value types and pure functions.
#pragma once

#include "finance/AllocationKey.hpp"

#include <map>
#include <string>
#include <vector>

namespace igsgov::finance {

struct YearInputs {
  int year = 0;
  PopulationTable population;
  std::vector<CostItem> items;
  bool operator==(const YearInputs&) const = default;
};

struct ScheduleInputs {
  std::string title;
  std::vector<Member> members;
  std::vector<YearInputs> years;  // ascending, each year once
  bool operator==(const ScheduleInputs&) const = default;
};

struct MemberLine {
  std::string member;
  std::map<std::string, Cents> items;        // item id → amount
  std::map<std::string, std::string> excluded;  // item id → why the member takes no part (Dutch)
  Cents total;
  bool operator==(const MemberLine&) const = default;
};

struct YearSchedule {
  int year = 0;
  std::vector<MemberLine> lines;            // in member order
  std::map<std::string, Cents> itemTotals;  // item id → total
  Cents total;
  bool exact = true;  // false when a direct amount was rounded to the cent
  bool operator==(const YearSchedule&) const = default;
};

struct Schedule {
  ScheduleInputs inputs;
  std::vector<YearSchedule> years;
  bool operator==(const Schedule&) const = default;

  const YearSchedule& year(int y) const;              // throws Error(notFound)
  Cents amount(int year, const std::string& member, const std::string& item) const;
  Cents memberTotal(int year, const std::string& member) const;
};

Schedule computeSchedule(const ScheduleInputs& inputs);

JsonObject scheduleInputsToJson(const ScheduleInputs& in);
ScheduleInputs scheduleInputsFromJson(const JsonObject& obj);
// {"inputs": {...}, "years": [{"year", "total_cents", "exact", "item_totals": {...},
//   "members": [{"member", "total_cents", "items": {...}}]}]}
JsonObject scheduleToJson(const Schedule& s);
// Reads a stored schedule and verifies it against its recomputation.
Schedule scheduleFromJson(const JsonObject& obj);
// Why members take no part in items: [{"member", "item", "reason"}] in member order.
// Derived from the inputs, so not part of scheduleToJson (stored schedules keep
// the form they had before reasons existed).
JsonArray exclusionsToJson(const YearSchedule& y);

}  // namespace igsgov::finance
