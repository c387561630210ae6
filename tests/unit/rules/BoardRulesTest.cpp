// Board rules: every gemeente seated, local mandate, majority and opposition,
// board size, gender share.
#include "RulesFixture.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class BoardRules : public RulesFixture {
protected:
  void SetUp() override {
    RulesFixture::SetUp();
    cleanPv();
  }
};

TEST_F(BoardRules, GemeenteWithoutSeatFires) {
  run("member.add", R"({"id":"c1-m3","cooperation":"c1","kind":"gemeente","nis":"23047","from":"2023-01-01"})");
  EXPECT_TRUE(findings(check("c1", "2022-06-01"), "pv.elke-gemeente-in-rvb").empty());
  auto f = findings(check("c1", "2023-06-01"), "pv.elke-gemeente-in-rvb");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("Machelen"), std::string::npos);
}

TEST_F(BoardRules, MandateWithoutFractieIsToVerify) {
  run("person.create", R"({"id":"p4","name":"Vier","gender":"m","fictitious":true})");
  run("seat.create", R"({"id":"c1-s4","body":"c1-rvb","member":"c1-m2"})");
  run("mandate.appoint", R"({"id":"c1-a4","person":"p4","body":"c1-rvb","seat":"c1-s4","member":"c1-m2","role":"bestuurder","side":"meerderheid","from":"2022-01-01"})");
  auto f = findings(check("c1", "2022-06-01"), "pv.lokaal-mandaat");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("fractie en aanduidingsbesluit"), std::string::npos);
  EXPECT_TRUE(findings(check("c1", "2021-06-01"), "pv.lokaal-mandaat").empty());
}

TEST_F(BoardRules, MissingOppositionFires) {
  EXPECT_TRUE(findings(check("c1", "2023-06-01"), "pv.meerderheid-en-oppositie").empty());
  run("mandate.end", R"({"id":"c1-a3","until":"2022-12-31"})");
  auto f = findings(check("c1", "2023-06-01"), "pv.meerderheid-en-oppositie");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("oppositie"), std::string::npos);
}

TEST_F(BoardRules, GenderShareAboveTwoThirdsFiresAndSaysToVerify) {
  EXPECT_TRUE(findings(check("c1", "2023-06-01"), "pv.geslacht").empty()) << "2 of 3 is exactly two thirds";
  run("person.correct", R"({"id":"p2","gender":"v","reason":"test"})");
  auto f = findings(check("c1", "2023-06-01"), "pv.geslacht");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("(te verifiëren)"), std::string::npos);
  EXPECT_FALSE(f[0]->getObject("basis")->getValue<bool>("verified"));
}

TEST_F(BoardRules, BoardOfSixteenVotingMembersFiresForDv) {
  run("cooperation.create", R"({"id":"dv","name":"DV","legal_form":"dienstverlenende_vereniging","founded":"2020-01-01","term_end":"2037-12-31"})");
  run("body.create", R"({"id":"dv-rvb","cooperation":"dv","type":"raad_van_bestuur","from":"2020-01-01"})");
  for (int i = 0; i < 16; ++i) {
    std::string n = std::to_string(i);
    run("person.create", R"({"id":"q)" + n + R"(","name":"Q)" + n + R"(","gender":")" + (i % 2 ? "v" : "m") + R"(","fictitious":true})");
    run("mandate.appoint", R"({"id":"d)" + n + R"(","person":"q)" + n + R"(","body":"dv-rvb","role":"bestuurder","from":"2020-01-01")" +
                               (i == 15 ? R"(,"until":"2024-12-31")" : "") + "}");
  }
  EXPECT_EQ(findings(check("dv", "2024-06-01"), "dv.rvb-omvang").size(), 1u);
  EXPECT_TRUE(findings(check("dv", "2025-06-01"), "dv.rvb-omvang").empty()) << "15 after one left";
}
