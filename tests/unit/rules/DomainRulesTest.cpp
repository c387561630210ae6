// Domain rules: population thresholds (with the IGS cultuur transition rule),
// one referentieregio, co-financing, one IOED per gemeente.
#include "RulesFixture.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class DomainRules : public RulesFixture {
protected:
  void coop(const std::string& id, const std::string& domain, const std::vector<std::string>& nis,
            const std::string& form = "interlokale_vereniging") {
    run("cooperation.create", R"({"id":")" + id + R"(","name":"Test )" + id + R"(","legal_form":")" + form + R"(","domain":")" +
                                  domain + R"(","founded":"2021-01-01","term_end":"2026-12-31"})");
    for (const auto& n : nis)
      run("member.add", R"({"id":")" + id + "-" + n + R"(","cooperation":")" + id + R"(","kind":"gemeente","nis":")" + n +
                            R"(","from":"2021-01-01"})");
  }
  const std::vector<std::string> va_ = {"45035", "45060", "45064", "45062", "45065", "45061", "45059", "45063"};
};

TEST_F(DomainRules, CultuurUnder85000FiresWithTheTransitionHint) {
  coop("va", "cultuur", va_);
  auto out = check("va", "2025-06-01");
  auto f = findings(out, "cultuur.inwoners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "fout");
  EXPECT_NE(f[0]->getValue<std::string>("message").find("84.764"), std::string::npos) << f[0]->getValue<std::string>("message");
  EXPECT_NE(f[0]->getValue<std::string>("message").find("aangrenzend"), std::string::npos);
  EXPECT_EQ(out->getValue<int>("exit_code"), rules::kFoutExitCode);
}

TEST_F(DomainRules, AdjacencyOverrideMakesItAWarningUntil2032) {
  coop("va", "cultuur", va_);
  run("compliance.override", R"({"cooperation":"va","rule":"cultuur.inwoners","parameter":"aangrenzend","value":"true",
      "reason":"de acht gemeenten grenzen aan elkaar volgens de kaart van de Vlaamse Ardennen"})");
  auto f = findings(check("va", "2025-06-01"), "cultuur.inwoners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "waarschuwing");
  f = findings(check("va", "2032-01-01"), "cultuur.inwoners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "fout") << "transition over";
  auto rulesOut = run("compliance.rules", R"({"cooperation":"va"})");
  EXPECT_EQ(rulesOut->getArray("overrides")->size(), 1u);
}

TEST_F(DomainRules, FewerThanFourGemeentenGetNoTransition) {
  coop("klein", "cultuur", {"45035", "45059"});
  auto f = findings(check("klein", "2025-06-01"), "cultuur.inwoners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("message").find("overgangsregeling"), std::string::npos);
}

TEST_F(DomainRules, CultuurAbove85000DoesNotFire) {
  coop("groot", "cultuur", {"23025", "23088"});
  EXPECT_TRUE(findings(check("groot", "2025-06-01"), "cultuur.inwoners").empty());
}

TEST_F(DomainRules, TwoReferentieregiosFire) {
  coop("mix", "cultuur", {"23025", "23088"});
  EXPECT_TRUE(findings(check("mix", "2025-06-01"), "cultuur.referentieregio").empty());
  run("member.add", R"({"id":"mix-45035","cooperation":"mix","kind":"gemeente","nis":"45035","from":"2022-01-01"})");
  auto f = findings(check("mix", "2025-06-01"), "cultuur.referentieregio");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("Vlaamse Ardennen"), std::string::npos);
}

TEST_F(DomainRules, CofinancingComparesThePlannedContribution) {
  coop("groot", "cultuur", {"23025", "23088"});
  auto f = findings(check("groot", "2025-06-01"), "cultuur.cofinanciering");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "info");
  // 87.305 × € 0,90 = € 78.574,50 < € 100.000 minimum; 75 % = € 75.000.
  EXPECT_NE(f[0]->getValue<std::string>("message").find("€ 100.000,00"), std::string::npos) << f[0]->getValue<std::string>("message");
  EXPECT_NE(f[0]->getValue<std::string>("message").find("€ 75.000,00"), std::string::npos);
  run("compliance.override", R"({"cooperation":"groot","rule":"cultuur.cofinanciering","parameter":"bijdrage_gemeenten_cent","value":"7400000","reason":"begroting 2027"})");
  f = findings(check("groot", "2025-06-01"), "cultuur.cofinanciering");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("te weinig"), std::string::npos);
  run("compliance.override", R"({"cooperation":"groot","rule":"cultuur.cofinanciering","parameter":"bijdrage_gemeenten_cent","value":"7500000","reason":"begroting 2027 aangepast"})");
  EXPECT_TRUE(findings(check("groot", "2025-06-01"), "cultuur.cofinanciering").empty());
}

TEST_F(DomainRules, ErfgoedcelUnder85000Fires) {
  coop("rupel", "cultureel_erfgoed", {"11018", "11038", "11030", "11005", "11037"});
  EXPECT_EQ(findings(check("rupel", "2025-06-01"), "erfgoedcel.inwoners").size(), 1u);
  coop("groot", "cultureel_erfgoed", {"23025", "23088"});
  EXPECT_TRUE(findings(check("groot", "2025-06-01"), "erfgoedcel.inwoners").empty());
}

TEST_F(DomainRules, IoedThresholdAppliesFrom2027) {
  coop("ioed", "onroerend_erfgoed", {"23025", "23088"});  // 87.305
  EXPECT_TRUE(findings(check("ioed", "2026-12-31"), "ioed.inwoners").empty());
  EXPECT_EQ(findings(check("ioed", "2027-01-01"), "ioed.inwoners").size(), 1u);
}

TEST_F(DomainRules, OneIoedPerGemeente) {
  coop("ioed1", "onroerend_erfgoed", {"23025", "23088"});
  coop("ioed2", "onroerend_erfgoed", {"23047"});
  EXPECT_TRUE(findings(check("ioed2", "2025-01-01"), "ioed.een-per-gemeente").empty());
  run("member.add", R"({"id":"ioed2-23088","cooperation":"ioed2","kind":"gemeente","nis":"23088","from":"2024-01-01"})");
  auto f = findings(check("ioed2", "2025-01-01"), "ioed.een-per-gemeente");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("ioed1"), std::string::npos);
}
