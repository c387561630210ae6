// AllocationKey (verdeelsleutel): how one cost item is divided over the
// members of an IGS, and CostItem: one cost line with its key and total.
//
// Kinds (JSON "kind"):
//   per_inhabitant            split `total` in proportion to the inhabitants
//                             (population table of the year).
//   fixed_plus_per_inhabitant each member pays `fixed_cents` + `rate` × its
//                             inhabitants (e.g. IGS Noordrand: €4.000 + €0,23
//                             per inwoner). No total: the item total is the sum.
//   per_unit                  `units` per member (e.g. crisis dwellings). With a
//                             `total`: split in proportion to the units. With a
//                             `rate` instead: each member pays rate × units and
//                             the item total is the sum.
//   weights                   split `total` in proportion to custom integer
//                             `weights` (use 30/70 or basis points for shares).
//   fixed_amounts             a fixed amount per member (`amounts_cents`), e.g.
//                             what a partner (vzw, CAW) pays. No total: the
//                             item total is the sum.
//
// Who pays. The two inhabitant kinds count only the members whose kind is in
// `payers` ("gemeente", "ocmw"); without `payers` every member that is not a
// partner counts (a partner has no inhabitants), which is what keys meant
// before partners could take part. A member kind that is not recorded ("", in
// schedules stored before member kinds were kept) counts under that default.
// Partners pay through their own cost items: fixed_amounts, per_unit or
// weights. Every member that takes no part in an item gets 0 and a Dutch
// reason (ItemAllocation::excluded): not a payer of an inhabitant key, or
// absent from the units, weights or amounts.
//
// Splitting a total uses splitLargestRemainder (Split.hpp): shares add up
// exactly to the total. Direct amounts (rate × count) are rounded per member to
// the cent, half away from zero (Money.hpp); they are exact when rate × count
// is a whole number of cents. The item total is then the sum of the rounded
// member amounts, never redistributed.
//
// Members missing from `units`/`weights`/`amounts_cents` have 0; a key naming
// a member that is not in the member list is an error, so is a paying member
// without inhabitants in the population table when the key needs inhabitants.
// Failures: Error(invalid) naming the cost item and the field.
// Thread safety: value types and pure functions.
#pragma once

#include "core/Date.hpp"
#include "core/Json.hpp"
#include "finance/Money.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::finance {

struct Member {
  std::string id;    // stable id (e.g. NIS code, "caw-ov")
  std::string name;  // display name, may be empty
  std::string kind{};  // "gemeente", "ocmw", "partner"; "" when not recorded
  bool operator==(const Member&) const = default;
};

// Inhabitants per member on a reference date (Statbel: 1 January).
struct PopulationTable {
  std::optional<Date> referenceDate;  // required as soon as a key uses inhabitants
  std::string source;                 // free text, e.g. "Statbel 1/1/2024"
  std::map<std::string, std::int64_t> inhabitants;
  bool operator==(const PopulationTable&) const = default;
};

enum class KeyKind { perInhabitant, fixedPlusPerInhabitant, perUnit, weights, fixedAmounts };

const char* keyKindName(KeyKind k);  // the JSON spelling, e.g. "per_unit"

struct AllocationKey {
  KeyKind kind = KeyKind::perInhabitant;
  Cents fixedPart;                             // fixed_plus_per_inhabitant
  std::optional<Rate> rate;                    // fixed_plus_per_inhabitant (required), per_unit (direct mode)
  std::map<std::string, std::int64_t> units;   // per_unit: units; weights: weights
  std::map<std::string, Cents> amounts;        // fixed_amounts: the amount per member
  std::vector<std::string> payers;             // inhabitant kinds: member kinds that pay; empty = all but partners
  bool operator==(const AllocationKey&) const = default;
};

struct CostItem {
  std::string id;
  std::string title;
  AllocationKey key;
  std::optional<Cents> total;  // required for split kinds, absent for direct kinds
  bool operator==(const CostItem&) const = default;
};

struct ItemAllocation {
  std::string itemId;
  Cents total;                            // the given total, or the sum for direct kinds
  std::map<std::string, Cents> perMember; // every member of the list, 0 included
  std::map<std::string, std::string> excluded;  // member → why it takes no part (Dutch)
  bool exact = true;                      // false when a direct amount was rounded
};

// Checks the item's internal consistency (kind vs total/rate) and the member
// references; throws Error(invalid).
void validateCostItem(const CostItem& item, const std::vector<Member>& members);

ItemAllocation allocate(const CostItem& item, const std::vector<Member>& members, const PopulationTable& population);

// Whether a member pays by its inhabitants under this key (inhabitant kinds only).
bool paysByInhabitants(const AllocationKey& key, const Member& m);

// JSON. Key: {"kind": ..., "fixed_cents": n, "rate_micro_eur": n, "units": {member: n},
// "payers": ["gemeente", ...]} (units spelt "weights" for kind weights, "amounts_cents"
// {member: cents} for kind fixed_amounts; "payers" only when given).
// Item: {"id", "title", "key", "total_cents"?}. Member: {"id", "name"?, "kind"?}.
JsonObject keyToJson(const AllocationKey& key);
AllocationKey keyFromJson(const JsonObject& obj, const std::string& itemId = "");
JsonObject costItemToJson(const CostItem& item);
CostItem costItemFromJson(const JsonObject& obj);
JsonObject populationToJson(const PopulationTable& p);
PopulationTable populationFromJson(const JsonObject& obj);
JsonObject memberToJson(const Member& m);
Member memberFromJson(const JsonObject& obj);

}  // namespace igsgov::finance
