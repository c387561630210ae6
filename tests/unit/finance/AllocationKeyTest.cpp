#include "finance/AllocationKey.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

struct Noordrand {
  std::vector<Member> members;
  PopulationTable population;
};

// Reads tests/fixtures/finance/noordrand_inwoners.csv (comma separated, no quotes).
Noordrand loadNoordrand() {
  std::ifstream in(std::string(IGSGOV_SOURCE_DIR) + "/tests/fixtures/finance/noordrand_inwoners.csv");
  EXPECT_TRUE(in.good());
  Noordrand n;
  n.population.source = "Statbel 1/1/2024";
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string nis, name, inw, date;
    std::getline(ss, nis, ',');
    std::getline(ss, name, ',');
    std::getline(ss, inw, ',');
    std::getline(ss, date, ',');
    n.members.push_back({nis, name});
    n.population.inhabitants[nis] = std::stoll(inw);
    n.population.referenceDate = Date::parse(date);
  }
  return n;
}

CostItem noordrandItem() {
  CostItem item;
  item.id = "werking";
  item.title = "Werkingsbijdrage";
  item.key.kind = KeyKind::fixedPlusPerInhabitant;
  item.key.fixedPart = parseAmount("€ 4.000");
  item.key.rate = parseRate("€ 0,23");
  return item;
}

}  // namespace

TEST(AllocationKey, NoordrandFixedPlusPerInhabitant) {
  auto n = loadNoordrand();
  ASSERT_EQ(n.members.size(), 13u);
  auto a = allocate(noordrandItem(), n.members, n.population);
  EXPECT_TRUE(a.exact);  // 23 cent × inwoners is always whole cents
  std::int64_t sum = 0;
  for (const auto& m : n.members) {
    // Independent formula: 400000 cent + 23 cent per inwoner.
    EXPECT_EQ(a.perMember.at(m.id).value(), 400000 + 23 * n.population.inhabitants.at(m.id)) << m.name;
    sum += a.perMember.at(m.id).value();
  }
  EXPECT_EQ(a.total.value(), sum);  // total is the sum, nothing redistributed
  // Worked by hand: Vilvoorde 47.445 inwoners → 4.000 + 10.912,35 = € 14.912,35.
  EXPECT_EQ(formatEuro(a.perMember.at("23088")), "€ 14.912,35");
}

TEST(AllocationKey, DirectAmountsRoundHalfAwayFromZeroPerMember) {
  std::vector<Member> members = {{"a", ""}, {"b", ""}};
  PopulationTable pop;
  pop.referenceDate = Date::fromYmd(2025, 1, 1);
  pop.inhabitants = {{"a", 1}, {"b", 3}};
  CostItem item;
  item.id = "x";
  item.key.kind = KeyKind::fixedPlusPerInhabitant;
  item.key.rate = parseRate("0,905");
  auto r = allocate(item, members, pop);
  EXPECT_EQ(r.perMember.at("a").value(), 91);   // 90,5 → 91
  EXPECT_EQ(r.perMember.at("b").value(), 272);  // 271,5 → 272
  EXPECT_EQ(r.total.value(), 363);              // sum of the rounded amounts (exact 362)
  EXPECT_FALSE(r.exact);
}

TEST(AllocationKey, PerInhabitantSplitAddsUp) {
  auto n = loadNoordrand();
  CostItem item;
  item.id = "studie";
  item.key.kind = KeyKind::perInhabitant;
  item.total = parseAmount("100.000,01");
  auto a = allocate(item, n.members, n.population);
  std::int64_t sum = 0;
  for (const auto& [m, c] : a.perMember) sum += c.value();
  EXPECT_EQ(sum, 10000001);
  // Vilvoorde has the most inhabitants, so it pays the most.
  for (const auto& [m, c] : a.perMember) EXPECT_LE(c, a.perMember.at("23088"));
}

TEST(AllocationKey, WeightsAndUnitsDefaultToZero) {
  std::vector<Member> members = {{"a", ""}, {"b", ""}, {"c", ""}};
  CostItem item;
  item.id = "w";
  item.key.kind = KeyKind::weights;
  item.key.units = {{"a", 30}, {"b", 70}};
  item.total = Cents(1000);
  auto a = allocate(item, members, {});
  EXPECT_EQ(a.perMember.at("a").value(), 300);
  EXPECT_EQ(a.perMember.at("b").value(), 700);
  EXPECT_EQ(a.perMember.at("c").value(), 0);
}

TEST(AllocationKey, RefusesInconsistentItems) {
  std::vector<Member> members = {{"a", ""}};
  PopulationTable pop;
  pop.referenceDate = Date::fromYmd(2025, 1, 1);
  pop.inhabitants = {{"a", 10}};
  CostItem split;
  split.id = "s";
  split.key.kind = KeyKind::perInhabitant;
  EXPECT_THROW(allocate(split, members, pop), Error);  // no total
  split.total = Cents(5);
  EXPECT_NO_THROW(allocate(split, members, pop));
  PopulationTable noDate = pop;
  noDate.referenceDate.reset();
  EXPECT_THROW(allocate(split, members, noDate), Error);  // population without reference date
  PopulationTable missing = pop;
  missing.inhabitants.clear();
  EXPECT_THROW(allocate(split, members, missing), Error);
  CostItem unit;
  unit.id = "u";
  unit.key.kind = KeyKind::perUnit;
  unit.key.units = {{"zz", 1}};
  unit.total = Cents(5);
  try {
    allocate(unit, members, pop);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("'zz'"), std::string::npos);
    EXPECT_EQ(e.place().fields.at("record"), "kostenpost 'u'");
  }
  unit.key.units = {{"a", 1}};
  unit.key.rate = Rate(1);
  EXPECT_THROW(allocate(unit, members, pop), Error);  // both total and rate
  CostItem fixed;
  fixed.id = "f";
  fixed.key.kind = KeyKind::fixedPlusPerInhabitant;
  fixed.key.rate = Rate(1);
  fixed.total = Cents(5);
  EXPECT_THROW(allocate(fixed, members, pop), Error);  // a total for a direct key
}

TEST(AllocationKey, JsonRoundTrip) {
  CostItem item = noordrandItem();
  auto text = canonicalJson(costItemToJson(item));
  EXPECT_EQ(costItemFromJson(parseJsonObject(text)), item);
  CostItem unit;
  unit.id = "omkadering";
  unit.key.kind = KeyKind::perUnit;
  unit.key.units = {{"stad", 4}, {"caw", 1}};
  unit.total = Cents(1690000);
  EXPECT_EQ(costItemFromJson(parseJsonObject(canonicalJson(costItemToJson(unit)))), unit);
  CostItem w;
  w.id = "w";
  w.key.kind = KeyKind::weights;
  w.key.units = {{"a", 3}};
  w.total = Cents(1);
  EXPECT_NE(canonicalJson(costItemToJson(w)).find("\"weights\""), std::string::npos);
  EXPECT_EQ(costItemFromJson(costItemToJson(w)), w);
}

TEST(AllocationKey, JsonErrorsNameTheField) {
  try {
    costItemFromJson(parseJsonObject(R"({"id":"p","key":{"kind":"per_dwelling"}})"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("'kind'"), std::string::npos) << e.fullText();
  }
  EXPECT_THROW(costItemFromJson(parseJsonObject(R"({"id":"p","key":{"kind":"per_unit","units":{"a":"x"}}})")), Error);
  EXPECT_THROW(costItemFromJson(parseJsonObject(R"({"id":"p","key":{"kind":"per_unit"},"totaal":5})")), Error);
  EXPECT_THROW(populationFromJson(parseJsonObject(R"({"reference_date":"2024-02-30"})")), Error);
}
