#include "finance/Schedule.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

ScheduleInputs sample() {
  ScheduleInputs in;
  in.title = "IGS test";
  in.members = {{"11001", "Aartselaar"}, {"11002", "Antwerpen"}, {"11004", "Boechout"}};
  for (int year : {2026, 2027}) {
    YearInputs y;
    y.year = year;
    y.population.referenceDate = Date::fromYmd(year - 1, 1, 1);
    y.population.source = "Statbel";
    y.population.inhabitants = {{"11001", 14890 + year - 2026}, {"11002", 556138}, {"11004", 13000}};
    CostItem fixed;
    fixed.id = "werking";
    fixed.key.kind = KeyKind::fixedPlusPerInhabitant;
    fixed.key.fixedPart = parseAmount("4.000");
    fixed.key.rate = parseRate("0,905");
    CostItem split;
    split.id = "personeel";
    split.key.kind = KeyKind::perInhabitant;
    split.total = parseAmount("123.456,78");
    CostItem weights;
    weights.id = "project";
    weights.key.kind = KeyKind::weights;
    weights.key.units = {{"11001", 1}, {"11002", 1}, {"11004", 1}};
    weights.total = Cents(100);
    y.items = {fixed, split, weights};
    in.years.push_back(y);
  }
  return in;
}

}  // namespace

TEST(Schedule, InvariantsHold) {
  auto s = computeSchedule(sample());
  ASSERT_EQ(s.years.size(), 2u);
  for (const auto& y : s.years) {
    Cents grand;
    for (const auto& [item, total] : y.itemTotals) {
      Cents sum;
      for (const auto& l : y.lines) sum += l.items.at(item);
      EXPECT_EQ(sum, total) << item;
      grand += total;
    }
    EXPECT_EQ(grand, y.total);
    for (const auto& l : y.lines) {
      Cents sum;
      for (const auto& [item, c] : l.items) sum += c;
      EXPECT_EQ(sum, l.total);
    }
    EXPECT_EQ(y.itemTotals.at("personeel"), parseAmount("123.456,78"));
    EXPECT_EQ(y.itemTotals.at("project").value(), 100);
    // 0,905 × n is whole cents only for even n: all counts are even in 2026,
    // Aartselaar has 14.891 in 2027, so 2027 was rounded.
    EXPECT_EQ(y.exact, y.year == 2026) << y.year;
  }
  // 100 cent over three equal weights: the smallest member id gets the extra cent.
  EXPECT_EQ(s.amount(2026, "11001", "project").value(), 34);
  EXPECT_EQ(s.amount(2026, "11002", "project").value(), 33);
}

TEST(Schedule, RecomputeFromInputsIsIdentical) {
  auto s = computeSchedule(sample());
  EXPECT_EQ(computeSchedule(s.inputs), s);
  // Also after a trip through JSON text (inputs only, then the whole schedule).
  auto inputsText = toJsonText(scheduleInputsToJson(s.inputs));
  EXPECT_EQ(scheduleInputsFromJson(parseJsonObject(inputsText)), s.inputs);
  EXPECT_EQ(computeSchedule(scheduleInputsFromJson(parseJsonObject(inputsText))), s);
  auto text = canonicalJson(scheduleToJson(s));
  auto back = scheduleFromJson(parseJsonObject(text));
  EXPECT_EQ(back, s);
  EXPECT_EQ(canonicalJson(scheduleToJson(back)), text);
}

TEST(Schedule, StoredFiguresThatDoNotFollowFromTheInputsAreAnIntegrityError) {
  auto s = computeSchedule(sample());
  auto json = scheduleToJson(s);
  auto line = json->getArray("years")->getObject(1)->getArray("members")->getObject(2);
  line->getObject("items")->set("project", 99);
  try {
    scheduleFromJson(parseJsonObject(canonicalJson(json)));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::integrity);
    EXPECT_NE(e.fullText().find("boekjaar 2027"), std::string::npos) << e.fullText();
    EXPECT_NE(e.fullText().find("11004"), std::string::npos) << e.fullText();
  }
}

TEST(Schedule, ChangingAnInputChangesTheResult) {
  auto in = sample();
  auto s = computeSchedule(in);
  in.years[0].population.inhabitants["11004"] += 1000;
  auto t = computeSchedule(in);
  EXPECT_NE(t, s);
  EXPECT_GT(t.amount(2026, "11004", "personeel"), s.amount(2026, "11004", "personeel"));
}

TEST(Schedule, BadInputsAreRefusedWithTheYear) {
  auto in = sample();
  in.years[1].year = 2026;
  EXPECT_THROW(computeSchedule(in), Error);
  in = sample();
  in.years[1].items[1].total.reset();
  try {
    computeSchedule(in);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("2027"), std::string::npos) << e.fullText();
    EXPECT_NE(e.fullText().find("personeel"), std::string::npos) << e.fullText();
  }
  in = sample();
  in.members.push_back({"11001", "dubbel"});
  EXPECT_THROW(computeSchedule(in), Error);
}
