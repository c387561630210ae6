// Who pays (issue 14, "Members that are not gemeenten"): an inhabitant key
// counts the gemeenten (and OCMW's when asked), a partner pays through its own
// cost item (fixed amount, units, weights), and every member that takes no
// part in an item gets 0 with a reason. Keys and schedules written before
// member kinds and payers existed keep their meaning and their JSON.
#include "finance/Schedule.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

std::vector<Member> membersWithPartner() {
  return {{"a", "Brakel", "gemeente"}, {"b", "Zwalm", "gemeente"}, {"dr-vzw", "De Ronde vzw", "partner"}};
}

PopulationTable population() {
  PopulationTable p;
  p.referenceDate = Date::fromYmd(2025, 1, 1);
  p.inhabitants = {{"a", 1000}, {"b", 3000}};
  return p;
}

CostItem item(KeyKind kind, std::optional<Cents> total = std::nullopt) {
  CostItem i;
  i.id = "werking";
  i.key.kind = kind;
  i.total = total;
  return i;
}

std::string refused(const CostItem& i, const std::vector<Member>& members) {
  try {
    allocate(i, members, population());
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "not refused";
  return "";
}

}  // namespace

// Failed on main: "geen inwonersaantal voor lid 'dr-vzw' in de bevolkingstabel".
TEST(Payers, PerInhabitantKeyLeavesAPartnerOutWithAReason) {
  auto a = allocate(item(KeyKind::perInhabitant, parseAmount("1.000,00")), membersWithPartner(), population());
  EXPECT_EQ(a.perMember.at("a").value(), 25000);
  EXPECT_EQ(a.perMember.at("b").value(), 75000);
  EXPECT_EQ(a.perMember.at("dr-vzw").value(), 0);
  EXPECT_EQ(a.total.value(), 100000);
  ASSERT_EQ(a.excluded.size(), 1u);
  EXPECT_NE(a.excluded.at("dr-vzw").find("partner telt geen inwoners"), std::string::npos);
}

TEST(Payers, FixedPlusPerInhabitantGivesANonPayerNeitherPart) {
  auto i = item(KeyKind::fixedPlusPerInhabitant);
  i.key.fixedPart = parseAmount("4.000");
  i.key.rate = parseRate("0,23");
  auto a = allocate(i, membersWithPartner(), population());
  EXPECT_EQ(a.perMember.at("a").value(), 400000 + 23000);
  EXPECT_EQ(a.perMember.at("dr-vzw").value(), 0);
  EXPECT_EQ(a.total.value(), 400000 + 23000 + 400000 + 69000);
}

TEST(Payers, ExplicitPayersChooseGemeentenOrOcmws) {
  std::vector<Member> members = {{"a", "Brakel", "gemeente"}, {"b", "OCMW Zwalm", "ocmw"}};
  auto i = item(KeyKind::perInhabitant, parseAmount("100"));
  i.key.payers = {"gemeente"};
  auto a = allocate(i, members, population());
  EXPECT_EQ(a.perMember.at("a").value(), 10000);
  EXPECT_EQ(a.perMember.at("b").value(), 0);
  EXPECT_EQ(a.excluded.at("b"), "de sleutel rekent per inwoner over de gemeenten");
  i.key.payers = {"gemeente", "ocmw"};
  a = allocate(i, members, population());
  EXPECT_EQ(a.perMember.at("b").value(), 7500);
  EXPECT_TRUE(a.excluded.empty());
  i.key.payers = {"ocmw"};
  a = allocate(i, members, population());
  EXPECT_EQ(a.perMember.at("b").value(), 10000);
  EXPECT_EQ(a.excluded.at("a"), "de sleutel rekent per inwoner over de OCMW's");
}

TEST(Payers, FixedAmountsForPartners) {
  auto i = item(KeyKind::fixedAmounts);
  i.key.amounts = {{"dr-vzw", parseAmount("2.500")}};
  auto a = allocate(i, membersWithPartner(), population());
  EXPECT_EQ(a.perMember.at("dr-vzw").value(), 250000);
  EXPECT_EQ(a.perMember.at("a").value(), 0);
  EXPECT_EQ(a.total.value(), 250000);
  EXPECT_TRUE(a.exact);
  EXPECT_EQ(a.excluded.at("a"), "geen bedrag in deze sleutel");
  EXPECT_FALSE(a.excluded.count("dr-vzw"));
}

TEST(Payers, UnitsAndWeightsSayWhyAMemberHasNothing) {
  auto i = item(KeyKind::perUnit, parseAmount("100"));
  i.key.units = {{"a", 1}, {"dr-vzw", 1}};
  auto a = allocate(i, membersWithPartner(), population());
  EXPECT_EQ(a.excluded.at("b"), "geen eenheden in deze sleutel");
  i.key.kind = KeyKind::weights;
  a = allocate(i, membersWithPartner(), population());
  EXPECT_EQ(a.excluded.at("b"), "geen gewicht in deze sleutel");
  EXPECT_EQ(a.excluded.size(), 1u);
}

TEST(Payers, BadKeysAreRefusedWithTheField) {
  auto members = membersWithPartner();
  auto i = item(KeyKind::perInhabitant, parseAmount("100"));
  i.key.payers = {"partner"};
  EXPECT_NE(refused(i, members).find("een partner telt geen inwoners"), std::string::npos);
  i.key.payers = {"vzw"};
  EXPECT_NE(refused(i, members).find("onbekende soort betaler 'vzw'"), std::string::npos);
  i.key.payers = {"gemeente", "gemeente"};
  EXPECT_NE(refused(i, members).find("twee keer"), std::string::npos);
  i.key.payers = {"gemeente"};
  members[0].kind = "";
  EXPECT_NE(refused(i, members).find("soort van lid 'a' is niet gekend"), std::string::npos);
  auto u = item(KeyKind::perUnit, parseAmount("100"));
  u.key.payers = {"gemeente"};
  EXPECT_NE(refused(u, membersWithPartner()).find("'payers' hoort alleen bij een sleutel per inwoner"), std::string::npos);
  u.key.payers.clear();
  u.key.amounts = {{"a", Cents(5)}};
  EXPECT_NE(refused(u, membersWithPartner()).find("alleen bij 'fixed_amounts'"), std::string::npos);
  auto f = item(KeyKind::fixedAmounts);
  f.key.amounts = {{"x", Cents(5)}};
  EXPECT_NE(refused(f, membersWithPartner()).find("onbekend lid 'x'"), std::string::npos);
  f.key.amounts = {{"a", Cents(-5)}};
  EXPECT_NE(refused(f, membersWithPartner()).find("negatief bedrag"), std::string::npos);
  f.key.amounts = {{"a", Cents(5)}};
  f.total = Cents(5);
  EXPECT_NE(refused(f, membersWithPartner()).find("geen totaal opgeven"), std::string::npos);
  try {
    keyFromJson(parseJsonObject(R"({"kind": "per_inhabitant", "payers": []})"), "werking");
    ADD_FAILURE() << "empty payers accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("field"), "'payers'");
  }
}

TEST(Payers, KeyJsonRoundTripAndOldKeysUnchanged) {
  const std::string withPayers =
      R"({"id":"werking","key":{"kind":"per_inhabitant","payers":["gemeente","ocmw"]},"title":"","total_cents":100})";
  EXPECT_EQ(canonicalJson(costItemToJson(costItemFromJson(parseJsonObject(withPayers)))), withPayers);
  const std::string fixed = R"({"id":"p","key":{"amounts_cents":{"dr-vzw":250000},"kind":"fixed_amounts"},"title":""})";
  EXPECT_EQ(canonicalJson(costItemToJson(costItemFromJson(parseJsonObject(fixed)))), fixed);
  // A key written before payers existed is written back exactly as it was.
  const std::string old = R"({"id":"werking","key":{"kind":"per_inhabitant"},"title":"","total_cents":100})";
  EXPECT_EQ(canonicalJson(costItemToJson(costItemFromJson(parseJsonObject(old)))), old);
}

TEST(Payers, ScheduleShowsEveryMemberAndWhy) {
  ScheduleInputs in;
  in.members = membersWithPartner();
  YearInputs y;
  y.year = 2026;
  y.population = population();
  y.items.push_back(item(KeyKind::perInhabitant, parseAmount("1.000")));
  auto partner = item(KeyKind::fixedAmounts);
  partner.id = "partners";
  partner.key.amounts = {{"dr-vzw", parseAmount("250")}};
  y.items.push_back(partner);
  in.years.push_back(y);
  Schedule s = computeSchedule(in);
  ASSERT_EQ(s.years[0].lines.size(), 3u);
  EXPECT_EQ(s.memberTotal(2026, "dr-vzw").value(), 25000);
  EXPECT_EQ(s.amount(2026, "dr-vzw", "werking").value(), 0);
  EXPECT_EQ(s.years[0].total.value(), 125000);
  auto why = exclusionsToJson(s.years[0]);
  ASSERT_EQ(why->size(), 3u);  // a and b in "partners", dr-vzw in "werking"
  EXPECT_EQ(why->getObject(2)->getValue<std::string>("member"), "dr-vzw");
  EXPECT_EQ(why->getObject(2)->getValue<std::string>("item"), "werking");
  // Stored and read back: the figures verify, the kinds travel with the inputs.
  Schedule back = scheduleFromJson(scheduleToJson(s));
  EXPECT_EQ(back, s);
  EXPECT_EQ(back.inputs.members[2].kind, "partner");
}

// A schedule stored before member kinds were kept (members without "kind", a
// partner by units) still verifies and is written back byte for byte.
TEST(Payers, ScheduleStoredBeforeKindsKeepsItsMeaning) {
  const std::string stored =
      R"({"inputs":{"members":[{"id":"caw","name":"CAW"},{"id":"stad"}],"title":"t","years":[{"items":[)"
      R"({"id":"o","key":{"kind":"per_unit","units":{"caw":1,"stad":3}},"title":"","total_cents":1000},)"
      R"({"id":"w","key":{"kind":"per_inhabitant"},"title":"","total_cents":500}],)"
      R"("population":{"inhabitants":{"caw":10,"stad":40},"reference_date":"2025-01-01"},"year":2026}]},)"
      R"("years":[{"exact":true,"item_totals":{"o":1000,"w":500},"members":[)"
      R"({"items":{"o":250,"w":100},"member":"caw","total_cents":350},{"items":{"o":750,"w":400},"member":"stad","total_cents":1150}],)"
      R"("total_cents":1500,"year":2026}]})";
  Schedule s = scheduleFromJson(parseJsonObject(stored));
  EXPECT_EQ(canonicalJson(scheduleToJson(s)), stored);
  EXPECT_EQ(exclusionsToJson(s.years[0])->size(), 0u);
}
