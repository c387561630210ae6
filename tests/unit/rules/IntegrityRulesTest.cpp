// Data-integrity rules. The write operations already refuse most of these
// errors, so where no operation can produce the bad data the test writes the
// row directly, as an older version or another tool could have (and as
// audit.verify would then also report).
#include "RulesFixture.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class IntegrityRules : public RulesFixture {
protected:
  void SetUp() override {
    RulesFixture::SetUp();
    cleanPv();
  }
};

TEST_F(IntegrityRules, CleanRegisterHasNoIntegrityFindings) {
  auto out = check("c1", "2025-06-01");
  for (const auto& r : {"gegevens.einde-na-begin", "gegevens.zetel-bezetting", "gegevens.mandaat-in-orgaan", "gegevens.besluit-een-kenmerk", "gegevens.kbo",
                        "gegevens.nis"})
    EXPECT_TRUE(findings(out, r).empty()) << r;
}

TEST_F(IntegrityRules, EndBeforeStartFires) {
  sql("UPDATE mandate SET valid_until = '2020-12-31' WHERE id = 'c1-a1' AND rec_to IS NULL");
  auto f = findings(check("c1", "2025-06-01"), "gegevens.einde-na-begin");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getArray("records")->getObject(0)->getValue<std::string>("id"), "c1-a1");
}

TEST_F(IntegrityRules, OverOccupiedSeatFires) {
  run("person.create", R"({"id":"p9","name":"Negen","fictitious":true})");
  run("seat.create", R"({"id":"c1-s9","body":"c1-rvb","member":"c1-m2","holders":2})");
  run("mandate.appoint", R"({"id":"x1","person":"p9","body":"c1-rvb","seat":"c1-s9","role":"deskundige","from":"2022-01-01"})");
  run("mandate.appoint", R"({"id":"x2","person":"p1","body":"c1-rvb","seat":"c1-s9","role":"deskundige","from":"2022-03-01"})");
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "gegevens.zetel-bezetting").empty());
  sql("UPDATE seat SET holders = 1 WHERE id = 'c1-s9'");
  auto f = findings(check("c1", "2025-06-01"), "gegevens.zetel-bezetting");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("1 maart 2022"), std::string::npos);
}

TEST_F(IntegrityRules, MandateOutsideCorrectedBodyPeriodFires) {
  run("body.correct", R"({"id":"c1-rvb","from":"2021-06-01","reason":"orgaan startte later"})");
  auto f = findings(check("c1", "2025-06-01"), "gegevens.mandaat-in-orgaan");
  EXPECT_EQ(f.size(), 3u);
}

TEST_F(IntegrityRules, OneDecisionUriWithTwoReferencesFires) {
  run("person.create", R"({"id":"p9","name":"Negen","fictitious":true})");
  const std::string decision = R"(,"decision":{"council":"gemeenteraad X","uri":"https://besluit.example/1","reference":")";
  run("mandate.appoint", R"({"id":"x1","person":"p9","body":"c1-rvb","role":"deskundige","from":"2022-01-01")" + decision +
                             R"(GR/2022/1"}})");
  run("mandate.appoint", R"({"id":"x2","person":"p1","body":"c1-rvb","role":"deskundige","from":"2022-01-01")" + decision +
                             R"(GR/2022/1"}})");
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "gegevens.besluit-een-kenmerk").empty());
  run("mandate.appoint", R"({"id":"x3","person":"p9","body":"c1-rvb","role":"deskundige","from":"2023-01-01")" + decision +
                             R"(GR/2022/7"}})");
  auto f = findings(check("c1", "2025-06-01"), "gegevens.besluit-een-kenmerk");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("'GR/2022/1', 'GR/2022/7'"), std::string::npos)
      << f[0]->getValue<std::string>("message");
  EXPECT_EQ(f[0]->getArray("records")->size(), 3u);
}

TEST_F(IntegrityRules, BadKboCheckDigitFires) {
  sql("UPDATE cooperation SET kbo = '0123.456.748' WHERE id = 'c1' AND rec_to IS NULL");
  EXPECT_EQ(findings(check("c1", "2025-06-01"), "gegevens.kbo").size(), 1u);
}

TEST_F(IntegrityRules, NisCodeEndedByTheMergerFires) {
  // Galmaarden (23023) merged into Pajottegem (23106) on 1 January 2025.
  run("member.add", R"({"id":"c1-gal","cooperation":"c1","kind":"gemeente","nis":"23023","from":"2021-01-01"})");
  EXPECT_TRUE(findings(check("c1", "2024-06-01"), "gegevens.nis").empty());
  auto f = findings(check("c1", "2025-03-01"), "gegevens.nis");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("23106"), std::string::npos) << f[0]->getValue<std::string>("message");
}
