// Legal-form rules: each fires in one scenario and stays quiet in another.
#include "RulesFixture.hpp"

#include "core/Base64.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class FormRules : public RulesFixture {
protected:
  void SetUp() override {
    RulesFixture::SetUp();
    cleanPv();
  }
  // A statuten version of c1 with a (tiny) PDF file, submitted, in force from 2025-01-01 per the register.
  void addStatuten(const std::string& version, const std::string& status = "voorgelegd") {
    auto in = parseJsonObject(R"({"id":")" + version + R"(","document":"c1-statuten","label":"statuten 2025","status":")" +
                              status + R"(","effective_from":"2025-01-01"})");
    in->set("content_base64", igsgov::base64Encode("%PDF-1.4\n% statuten " + version + "\n"));
    run("document.add-version", toJsonText(in));
  }

  void approve(const std::string& version, const std::string& member, const std::string& date,
               const std::string& outcome = "goedgekeurd") {
    run("approval.record", R"({"version_id":")" + version + R"(","member":")" + member +
                                 R"(","council":"gemeenteraad","date":")" + date + R"(","outcome":")" + outcome + "\"}");
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

TEST_F(FormRules, StatutenRuleFiresForAVersionInForceWithoutEveryCouncilsApproval) {
  run("document.create", R"({"id":"c1-statuten","cooperation":"c1","kind":"statuten"})");
  addStatuten("st-2025");
  approve("st-2025", "c1-m1", "2024-12-16");
  auto f = findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd");
  ASSERT_EQ(f.size(), 1u);
  std::string message = f[0]->getValue<std::string>("message");
  EXPECT_NE(message.find("Vilvoorde keurde ze niet goed"), std::string::npos) << message;
  EXPECT_NE(message.find("1 januari 2025"), std::string::npos) << message;
  std::string key = f[0]->getValue<std::string>("key");
  EXPECT_TRUE(findings(check("c1", "2024-06-01"), "pv.statuten-goedgekeurd").empty()) << "not yet in force";

  // A late approval is still a finding, with the same key (an acknowledgement keeps matching).
  approve("st-2025", "c1-m2", "2025-02-03");
  f = findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("Vilvoorde keurde ze pas goed op 3 februari 2025"), std::string::npos)
      << f[0]->getValue<std::string>("message");
  EXPECT_EQ(f[0]->getValue<std::string>("key"), key);
  EXPECT_TRUE(notEvaluable(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd") == false);
}

TEST_F(FormRules, StatutenRuleIsQuietWhenEveryCouncilApprovedInTimeOrTheVersionIsADraft) {
  run("document.create", R"({"id":"c1-statuten","cooperation":"c1","kind":"statuten"})");
  addStatuten("st-2025");
  approve("st-2025", "c1-m1", "2024-12-16");
  approve("st-2025", "c1-m2", "2024-12-17");
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd").empty());
  // A draft with a past effective date is not presented as in force: no finding.
  addStatuten("st-ontwerp", "ontwerp");
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd").empty());
  // A rejection recorded before the effective date (latest decision counts) makes it fire again.
  approve("st-2025", "c1-m2", "2024-12-20", "verworpen");
  auto f = findings(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("Vilvoorde verwierp ze"), std::string::npos);
}

TEST_F(FormRules, StatutenWaitingForApprovalIsADeadlineUntilTheLastCouncilApproves) {
  run("document.create", R"({"id":"c1-statuten","cooperation":"c1","kind":"statuten"})");
  addStatuten("st-2025");
  approve("st-2025", "c1-m1", "2024-12-16");
  auto statutenDeadlines = [&] {
    std::vector<JsonObject> out;
    auto list = run("deadlines.list", R"({"from":"2025-01-01","until":"2025-01-31","cooperation":"c1"})")->getArray("deadlines");
    for (std::size_t i = 0; i < list->size(); ++i)
      if (list->getObject(i)->getValue<std::string>("kind") == "statuten") out.push_back(list->getObject(i));
    return out;
  };
  auto d = statutenDeadlines();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->getValue<std::string>("date"), "2025-01-01");
  std::string description = d[0]->getValue<std::string>("description");
  EXPECT_NE(description.find("Vilvoorde"), std::string::npos) << description;
  EXPECT_EQ(description.find("Grimbergen"), std::string::npos) << description;
  approve("st-2025", "c1-m2", "2025-01-10");
  EXPECT_TRUE(statutenDeadlines().empty());
}
