#include "finance/PlanDiff.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

Plan base() {
  Plan p;
  p.owner = {OwnerKind::igs, "igs-cultuur"};
  p.period = PlanPeriod::of(2026, 2031);
  PlanItem d{Level::doelstelling, "BD1", "", "Cultuur dichtbij", true, "", {}, std::nullopt};
  PlanItem ap{Level::actieplan, "AP1", "BD1", "Loket", false, "", {}, std::nullopt};
  PlanItem a1{Level::actie, "A1", "AP1", "Coördinator", false, "0709", {}, std::nullopt};
  a1.amounts[2026].at(Rubriek::exploitatie, Soort::uitgaven) = parseAmount("42.250");
  a1.amounts[2027].at(Rubriek::exploitatie, Soort::uitgaven) = parseAmount("43.000");
  PlanItem a2{Level::actie, "A2", "AP1", "Website", false, "0709", {}, std::nullopt};
  a2.amounts[2026].at(Rubriek::investeringen, Soort::uitgaven) = parseAmount("5.000");
  p.items = {d, ap, a1, a2};
  validatePlan(p);
  return p;
}

}  // namespace

TEST(PlanDiff, IdenticalVersionsHaveNoChanges) {
  auto d = diffPlans(base(), base());
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(d.totals.empty());
  EXPECT_NE(diffToText(d).find("Geen wijzigingen"), std::string::npos);
}

TEST(PlanDiff, AddedRemovedChangedAndTotals) {
  Plan before = base();
  Plan after = base();
  after.version = 1;
  after.versionLabel = "aanpassing 2027/1";
  after.items[2].title = "Cultuurcoördinator";
  after.items[2].prioritair = true;
  after.items[2].amounts[2027].at(Rubriek::exploitatie, Soort::uitgaven) = parseAmount("43.500");
  after.items[2].amounts[2028].at(Rubriek::exploitatie, Soort::ontvangsten) = parseAmount("1.000");
  after.items.erase(after.items.begin() + 3);  // A2 removed
  PlanItem a3{Level::actie, "A3", "AP1", "Uitleendienst", false, "0739", {}, std::nullopt};
  a3.amounts[2029].at(Rubriek::financiering, Soort::uitgaven) = parseAmount("2.112,50");
  after.items.push_back(a3);
  validatePlan(after);

  auto d = diffPlans(before, after);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].code, "A3");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].code, "A2");
  ASSERT_EQ(d.changed.size(), 1u);
  const auto& c = d.changed[0];
  EXPECT_EQ(c.code, "A1");
  ASSERT_EQ(c.fields.size(), 2u);
  EXPECT_EQ(c.fields[0], (FieldChange{"titel", "Coördinator", "Cultuurcoördinator"}));
  EXPECT_EQ(c.fields[1], (FieldChange{"prioritair", "nee", "ja"}));
  ASSERT_EQ(c.amounts.size(), 2u);
  EXPECT_EQ(c.amounts[0].year, 2027);
  EXPECT_EQ(c.amounts[0].delta(), parseAmount("500"));
  EXPECT_EQ(c.amounts[1].year, 2028);
  EXPECT_EQ(c.amounts[1].rubriek, Rubriek::exploitatie);
  EXPECT_EQ(c.amounts[1].soort, Soort::ontvangsten);
  EXPECT_EQ(c.amounts[1].before.value(), 0);
  // Totals: 2026 investeringen uitgaven −5.000 (A2 gone), 2027 +500, 2028 ontvangsten +1.000,
  // 2029 financiering uitgaven +2.112,50 (A3 new).
  ASSERT_EQ(d.totals.size(), 4u);
  EXPECT_EQ(d.totals[0].year, 2026);
  EXPECT_EQ(d.totals[0].delta(), -parseAmount("5.000"));
  EXPECT_EQ(d.totals[3].delta(), parseAmount("2.112,50"));

  std::string text = diffToText(d);
  EXPECT_NE(text.find("versie 0 → versie 1 (aanpassing 2027/1)"), std::string::npos) << text;
  EXPECT_NE(text.find("Toegevoegd: actie 'A3' \"Uitleendienst\""), std::string::npos) << text;
  EXPECT_NE(text.find("Verwijderd: actie 'A2'"), std::string::npos) << text;
  EXPECT_NE(text.find("titel: \"Coördinator\" → \"Cultuurcoördinator\""), std::string::npos) << text;
  EXPECT_NE(text.find("2027 exploitatie uitgaven: € 43.000,00 → € 43.500,00 (+€ 500,00)"), std::string::npos) << text;
  EXPECT_NE(text.find("2026 investeringen uitgaven: € 5.000,00 → € 0,00 (-€ 5.000,00)"), std::string::npos) << text;

  auto json = diffToJson(d);
  EXPECT_EQ(json->getArray("added")->size(), 1u);
  auto amount = json->getArray("changed")->getObject(0)->getArray("amounts")->getObject(0);
  EXPECT_EQ(amount->getValue<long long>("delta_cents"), 50000);
  EXPECT_EQ(amount->getValue<std::string>("rubriek"), "exploitatie");
  EXPECT_EQ(json->getArray("totals")->size(), 4u);
  // The JSON is canonicalisable (no floats): the journal can hash it.
  EXPECT_FALSE(canonicalJson(json).empty());
}

TEST(PlanDiff, RefusesDifferentPlans) {
  Plan other = base();
  other.owner.id = "igs-ander";
  EXPECT_THROW(diffPlans(base(), other), Error);
  Plan older = base();
  older.period = PlanPeriod::of(2020, 2025);
  older.items[2].amounts.clear();
  older.items[3].amounts.clear();
  EXPECT_THROW(diffPlans(base(), older), Error);
}
