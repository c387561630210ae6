// Legal-form rules: each fires in one scenario and stays quiet in another.
#include "RulesFixture.hpp"

#include "rules/Statuten.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class FormRules : public RulesFixture {
protected:
  void SetUp() override {
    RulesFixture::SetUp();
    cleanPv();
  }
};

TEST_F(FormRules, CleanProjectverenigingHasOnlyTheCofinancingReminder) {
  auto out = check("c1", "2025-06-01");
  EXPECT_EQ(fired(out), std::set<std::string>{"cultuur.cofinanciering"}) << toJsonText(out);
  EXPECT_EQ(out->getValue<int>("exit_code"), 0);
  EXPECT_EQ(out->getObject("counts")->getValue<int>("fout"), 0);
}

TEST_F(FormRules, TermLimitFiresWhenLongerThanSixYears) {
  run("cooperation.correct", R"({"id":"c1","term_end":"2027-01-01","reason":"test"})");
  auto f = findings(check("c1", "2025-06-01"), "pv.looptijd");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "fout");
  EXPECT_NE(f[0]->getValue<std::string>("message").find("langer dan 6 jaar"), std::string::npos);
  EXPECT_EQ(f[0]->getObject("basis")->getValue<std::string>("citation"), "Decreet intergemeentelijke samenwerking 2001, art. 13");
}

TEST_F(FormRules, RenewalStartsANewTermOfSixYears) {
  run("cooperation.change", R"({"id":"c1","term_end":"2032-12-31","reason":"verlengd door alle gemeenten"})");
  EXPECT_TRUE(findings(check("c1", "2027-06-01"), "pv.looptijd").empty());
  run("cooperation.change", R"({"id":"c1","term_end":"2039-12-31","reason":"te lang verlengd"})");
  EXPECT_EQ(findings(check("c1", "2033-06-01"), "pv.looptijd").size(), 1u);
}

TEST_F(FormRules, TermLimitFiresWhenTheTermEndedWithoutRenewal) {
  EXPECT_TRUE(findings(check("c1", "2026-12-31"), "pv.looptijd").empty());
  auto f = findings(check("c1", "2027-01-15"), "pv.looptijd");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("eindigde"), std::string::npos);
}

TEST_F(FormRules, PrivatePartnerFires) {
  run("member.add", R"({"id":"x","cooperation":"c1","kind":"partner","name":"Cultuur NV","partner_kind":"privaat","from":"2022-01-01"})");
  auto f = findings(check("c1", "2025-06-01"), "pv.geen-private-partners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getArray("records")->getObject(0)->getValue<std::string>("id"), "x");
  EXPECT_TRUE(findings(check("c1", "2021-06-01"), "pv.geen-private-partners").empty()) << "not yet a member then";
}

TEST_F(FormRules, PublicPartnerIsNoPrivatePartner) {
  run("member.add", R"({"id":"x","cooperation":"c1","kind":"partner","name":"Politiezone Noord","partner_kind":"publiek","from":"2022-01-01"})");
  auto out = check("c1", "2025-06-01");
  EXPECT_TRUE(findings(out, "pv.geen-private-partners").empty());
  EXPECT_TRUE(findings(out, "pv.geen-provincie-of-vlaamse-overheid").empty());
}

TEST_F(FormRules, ProvincieFires) {
  run("member.add", R"({"id":"x","cooperation":"c1","kind":"partner","name":"Provincie Vlaams-Brabant","partner_kind":"publiek","from":"2022-01-01"})");
  EXPECT_EQ(findings(check("c1", "2025-06-01"), "pv.geen-provincie-of-vlaamse-overheid").size(), 1u);
}

TEST_F(FormRules, FoundedInElectionYearFires) {
  run("cooperation.create", R"({"id":"c2","name":"Nieuw","legal_form":"projectvereniging","founded":"2024-03-01","term_end":"2029-12-31"})");
  auto f = findings(check("c2", "2025-01-01"), "pv.niet-in-verkiezingsjaar");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("2024"), std::string::npos);
  EXPECT_TRUE(findings(check("c1", "2025-01-01"), "pv.niet-in-verkiezingsjaar").empty());
}

TEST_F(FormRules, DienstverlenendeVerenigingMayRunEighteenYearsNotMore) {
  run("cooperation.create", R"({"id":"dv","name":"DV","legal_form":"dienstverlenende_vereniging","founded":"2020-01-01","term_end":"2037-12-31"})");
  EXPECT_TRUE(findings(check("dv", "2025-01-01"), "dv.looptijd").empty());
  run("cooperation.correct", R"({"id":"dv","term_end":"2038-01-01","reason":"test"})");
  EXPECT_EQ(findings(check("dv", "2025-01-01"), "dv.looptijd").size(), 1u);
}

TEST_F(FormRules, WelzijnsverenigingAllowsNonProfitPrivatePartnersOnly) {
  run("cooperation.create", R"({"id":"wv","name":"WV","legal_form":"welzijnsvereniging","founded":"2020-01-01","term_end":"2049-12-31"})");
  run("member.add", R"({"id":"vzw","cooperation":"wv","kind":"partner","name":"CAW","partner_kind":"privaat_zonder_winstoogmerk","from":"2020-01-01"})");
  auto out = check("wv", "2025-01-01");
  EXPECT_TRUE(findings(out, "wv.alleen-private-zonder-winstoogmerk").empty());
  EXPECT_TRUE(findings(out, "wv.looptijd").empty());
  run("member.add", R"({"id":"bv","cooperation":"wv","kind":"partner","name":"Zorg BV","partner_kind":"privaat","from":"2020-01-01"})");
  run("cooperation.correct", R"({"id":"wv","term_end":"2050-01-01","reason":"test"})");
  out = check("wv", "2025-01-01");
  EXPECT_EQ(findings(out, "wv.alleen-private-zonder-winstoogmerk").size(), 1u);
  EXPECT_EQ(findings(out, "wv.looptijd").size(), 1u);
}

TEST_F(FormRules, StatutenRuleIsNotEvaluableWithoutGovernanceAndUsesTheProvider) {
  auto out = check("c1", "2025-06-01");
  EXPECT_TRUE(notEvaluable(out, "pv.statuten-goedgekeurd"));
  rules::setStatutenProvider([](store::Database&, const std::string& coop) {
    rules::StatutenVersionFact v;
    v.id = "st-2025";
    v.label = "statuten 2025";
    v.inForceFrom = Date::fromYmd(2025, 1, 1);
    v.approvals["c1-m1"] = Date::fromYmd(2024, 12, 16);
    if (coop == "c1") v.approvals["c1-m2"] = std::nullopt;
    return std::vector<rules::StatutenVersionFact>{v};
  });
  out = check("c1", "2025-06-01");
  auto f = findings(out, "pv.statuten-goedgekeurd");
  ASSERT_EQ(f.size(), 1u) << toJsonText(out);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("Vilvoorde"), std::string::npos);
  EXPECT_TRUE(findings(check("c1", "2024-06-01"), "pv.statuten-goedgekeurd").empty()) << "not yet in force";
  rules::setStatutenProvider([](store::Database&, const std::string&) {
    rules::StatutenVersionFact v;
    v.id = "st-2025";
    v.label = "statuten 2025";
    v.inForceFrom = Date::fromYmd(2025, 1, 1);
    v.approvals["c1-m1"] = Date::fromYmd(2024, 12, 16);
    v.approvals["c1-m2"] = Date::fromYmd(2024, 12, 17);
    return std::vector<rules::StatutenVersionFact>{v};
  });
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd").empty());
  rules::setStatutenProvider({});
}
