#include "finance/Plan.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

PlanItem item(Level level, const std::string& code, const std::string& parent, const std::string& bv = "") {
  PlanItem i;
  i.level = level;
  i.code = code;
  i.parentCode = parent;
  i.title = "Titel " + code;
  i.beleidsveld = bv;
  return i;
}

Plan samplePlan() {
  Plan p;
  p.owner = {OwnerKind::igs, "igs-cultuur"};
  p.period = PlanPeriod::of(2026, 2031);
  p.items = {item(Level::doelstelling, "BD1", ""), item(Level::actieplan, "AP1", "BD1"),
             item(Level::actie, "A1", "AP1", "0709")};
  p.items[2].prioritair = true;
  p.items[2].amounts[2026].at(Rubriek::exploitatie, Soort::uitgaven) = parseAmount("42.250");
  p.items[2].amounts[2027].at(Rubriek::investeringen, Soort::ontvangsten) = parseAmount("0,01");
  return p;
}

}  // namespace

TEST(PlanPeriod, OnlyAlignedSixYearPeriods) {
  EXPECT_EQ(PlanPeriod::of(2020, 2025).text(), "2020-2025");
  EXPECT_EQ(PlanPeriod::of(2026, 2031).lastYear(), 2031);
  EXPECT_EQ(PlanPeriod::of(2014, 2019).firstYear(), 2014);
  EXPECT_THROW(PlanPeriod::of(2025, 2030), Error);
  EXPECT_THROW(PlanPeriod::of(2026, 2030), Error);
  EXPECT_THROW(PlanPeriod::of(2026, 2032), Error);
  EXPECT_THROW(PlanPeriod::of(2021, 2026), Error);
  EXPECT_EQ(PlanPeriod::containing(2028), PlanPeriod::of(2026, 2031));
  EXPECT_EQ(PlanPeriod::containing(2026), PlanPeriod::of(2026, 2031));
  EXPECT_EQ(PlanPeriod::containing(2025), PlanPeriod::of(2020, 2025));
}

TEST(Plan, ValidPlanPassesAndDropsZeroYears) {
  Plan p = samplePlan();
  p.items[1].amounts[2028] = YearAmounts{};
  validatePlan(p);
  EXPECT_TRUE(p.items[1].amounts.empty());
  EXPECT_EQ(p.total(2026, Rubriek::exploitatie, Soort::uitgaven), parseAmount("42.250"));
}

TEST(Plan, RefusesBrokenTrees) {
  auto expectError = [](Plan p, const std::string& needle) {
    try {
      validatePlan(p);
      ADD_FAILURE() << "no error for " << needle;
    } catch (const Error& e) {
      EXPECT_NE(e.fullText().find(needle), std::string::npos) << e.fullText();
    }
  };
  Plan p = samplePlan();
  p.items[2].parentCode = "BD1";  // actie under a doelstelling
  expectError(p, "actieplan");
  p = samplePlan();
  p.items[1].parentCode = "XX";
  expectError(p, "'XX' bestaat niet");
  p = samplePlan();
  p.items.push_back(item(Level::actie, "A1", "AP1", "0709"));
  expectError(p, "meer dan eens");
  p = samplePlan();
  p.items[2].beleidsveld = "";
  expectError(p, "beleidsveld");
  p = samplePlan();
  p.items[2].beleidsveld = "709";
  expectError(p, "4 cijfers");
  p = samplePlan();
  p.items[2].amounts[2032].at(Rubriek::exploitatie, Soort::uitgaven) = Cents(1);
  expectError(p, "buiten de planperiode");
  p = samplePlan();
  p.items[0].igsLink = IgsLink{"igs-x", "BD1"};  // an IGS plan cannot link to an IGS
  expectError(p, "koppeling_igs");
  p = samplePlan();
  p.items[0].parentCode = "AP1";
  expectError(p, "geen bovenliggend");
}

TEST(Plan, JsonRoundTrip) {
  Plan p = samplePlan();
  p.version = 2;
  p.versionLabel = "aanpassing 2027/1";
  validatePlan(p);
  auto text = canonicalJson(planToJson(p));
  EXPECT_EQ(planFromJson(parseJsonObject(text)), p);
  Plan m = samplePlan();
  m.owner = {OwnerKind::member, "44021"};
  m.items[0].igsLink = IgsLink{"igs-cultuur", "BD1"};
  validatePlan(m);
  EXPECT_EQ(planFromJson(planToJson(m)), m);
}

TEST(Plan, JsonErrors) {
  EXPECT_THROW(planFromJson(parseJsonObject(R"({"owner":{"kind":"igs","id":"x"},"period":"2025-2030"})")), Error);
  EXPECT_THROW(planFromJson(parseJsonObject(R"({"owner":{"kind":"igs","id":"x"},"period":"2026"})")), Error);
  EXPECT_THROW(planFromJson(parseJsonObject(
                   R"({"owner":{"kind":"igs","id":"x"},"period":"2026-2031","items":[{"level":"actie","code":"A"}]})")),
               Error);
  try {
    planFromJson(parseJsonObject(
        R"({"owner":{"kind":"igs","id":"x"},"period":"2026-2031","items":[{"level":"doelstelling","code":"D","title":"t","amounts":[{"year":2026,"exploitatie_uitgaven":5}]}]})"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("exploitatie_uitgaven"), std::string::npos) << e.fullText();
  }
}
