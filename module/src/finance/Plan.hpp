// Plan: a meerjarenplan (BBC) version of one owner (the IGS or a member) for
// one six-year period.
//
// Structure (BVR BBC 30/3/2018): beleidsdoelstelling → actieplan → actie, each
// an item with a code, a title, a prioritair flag and a beleidsveld. Items are
// kept FLAT, in display order, each naming its parent by code; validatePlan()
// checks the tree (a doelstelling has no parent, an actieplan's parent is a
// doelstelling, an actie's parent an actieplan, codes unique).
// Money per boekjaar per item: rubriek exploitatie / investeringen /
// financiering × soort uitgaven / ontvangsten, in cents (YearAmounts).
// validatePlan() trims white space around codes, titles and beleidsvelden and
// drops years with only zeros, so that two plans with
// the same figures compare equal whatever way they were built.
//
// Period: six years aligned to 2020–2025, 2026–2031, …; anything else is
// Error(invalid). Version: an integer (0 = initial plan, n = n-th aanpassing)
// and a free label ("aanpassing 2027/1").
// Beleidsveld: 4 digits ("0119"); required on an actie, optional above.
// IgsLink (member plans only): a member's doelstelling "about the IGS" names
// the IGS and the IGS doelstelling it carries out (see PlanLinks.hpp).
//
// Failures: Error(invalid) naming the item ("actie 'A1.1.1', veld 'boekjaar'").
// Thread safety: value types and pure functions.
#pragma once

#include "core/Json.hpp"
#include "finance/Money.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::finance {

enum class OwnerKind { igs, member };
enum class Level { doelstelling, actieplan, actie };
enum class Rubriek { exploitatie, investeringen, financiering };
enum class Soort { uitgaven, ontvangsten };

const char* ownerKindName(OwnerKind k);  // "igs", "lid"
const char* levelName(Level l);          // "doelstelling", "actieplan", "actie"
const char* rubriekName(Rubriek r);      // "exploitatie", ...
const char* soortName(Soort s);          // "uitgaven", "ontvangsten"
std::optional<Level> levelFromName(const std::string& s);
std::optional<Rubriek> rubriekFromName(const std::string& s);
std::optional<Soort> soortFromName(const std::string& s);

struct PlanOwner {
  OwnerKind kind = OwnerKind::igs;
  std::string id;  // the IGS id or the member id (NIS code)
  bool operator==(const PlanOwner&) const = default;
};

class PlanPeriod {
public:
  PlanPeriod() = default;
  // Throws Error(invalid) unless lastYear == firstYear + 5 and firstYear ≡ 2020 (mod 6).
  static PlanPeriod of(int firstYear, int lastYear);
  static PlanPeriod containing(int year);  // the aligned period around `year`
  int firstYear() const { return first_; }
  int lastYear() const { return first_ + 5; }
  bool contains(int year) const { return year >= first_ && year <= first_ + 5; }
  std::string text() const;  // "2026-2031"
  bool operator==(const PlanPeriod&) const = default;

private:
  int first_ = 2020;
};

struct YearAmounts {
  std::array<Cents, 6> cells{};  // index rubriek * 2 + soort
  Cents& at(Rubriek r, Soort s) { return cells[static_cast<int>(r) * 2 + static_cast<int>(s)]; }
  Cents at(Rubriek r, Soort s) const { return cells[static_cast<int>(r) * 2 + static_cast<int>(s)]; }
  bool isZero() const;
  bool operator==(const YearAmounts&) const = default;
};

struct IgsLink {
  std::string igsId;
  std::string doelstellingCode;
  bool operator==(const IgsLink&) const = default;
};

struct PlanItem {
  Level level = Level::doelstelling;
  std::string code;
  std::string parentCode;  // empty for a doelstelling
  std::string title;
  bool prioritair = false;
  std::string beleidsveld;
  std::map<int, YearAmounts> amounts;  // boekjaar → amounts
  std::optional<IgsLink> igsLink;      // member plans, doelstellingen only
  bool operator==(const PlanItem&) const = default;
};

struct Plan {
  PlanOwner owner;
  PlanPeriod period;
  int version = 0;
  std::string versionLabel;
  std::vector<PlanItem> items;
  bool operator==(const Plan&) const = default;

  const PlanItem* find(const std::string& code) const;
  // Σ of one category over all items (any level) for one year.
  Cents total(int year, Rubriek r, Soort s) const;
};

// Checks everything stated above and drops all-zero years. Throws Error(invalid).
void validatePlan(Plan& plan);

// "doelstelling 'D1'" for messages.
std::string itemLabel(const PlanItem& item);

JsonObject planToJson(const Plan& plan);
Plan planFromJson(const JsonObject& obj);  // validated

}  // namespace igsgov::finance
