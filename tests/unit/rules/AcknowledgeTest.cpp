// Acknowledgements and parameter overrides: journaled, visible, validated.
#include "RulesFixture.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

class Acknowledge : public RulesFixture {
protected:
  void SetUp() override {
    RulesFixture::SetUp();
    cleanPv();
    run("member.add", R"({"id":"x","cooperation":"c1","kind":"partner","name":"Cultuur NV","partner_kind":"privaat","from":"2022-01-01"})");
  }
};

TEST_F(Acknowledge, AcknowledgedFindingStaysVisibleAndNoLongerFails) {
  auto out = check("c1", "2025-06-01");
  ASSERT_EQ(out->getValue<int>("exit_code"), rules::kFoutExitCode);
  auto f = findings(out, "pv.geen-private-partners");
  ASSERT_EQ(f.size(), 1u);
  std::string key = f[0]->getValue<std::string>("key");
  long long before = journalLength();
  run("compliance.acknowledge", R"({"key":")" + key + R"(","reason":"uitstap gepland in 2026","cooperation":"c1","as_of":"2025-06-01"})");
  EXPECT_EQ(journalLength(), before + 1);
  out = check("c1", "2025-06-01");
  f = findings(out, "pv.geen-private-partners");
  ASSERT_EQ(f.size(), 1u);
  ASSERT_TRUE(f[0]->isObject("acknowledged"));
  EXPECT_EQ(f[0]->getObject("acknowledged")->getValue<std::string>("motivation"), "uitstap gepland in 2026");
  EXPECT_EQ(f[0]->getObject("acknowledged")->getValue<std::string>("actor"), "test");
  EXPECT_EQ(out->getObject("counts")->getValue<int>("fout"), 0);
  EXPECT_EQ(out->getObject("counts")->getValue<int>("acknowledged"), 1);
  EXPECT_EQ(out->getValue<int>("exit_code"), 0);
  // Same key on another date: the acknowledgement follows the finding.
  EXPECT_TRUE(findings(check("c1", "2025-09-01"), "pv.geen-private-partners")[0]->isObject("acknowledged"));
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  // Withdrawing makes it open again.
  run("compliance.acknowledge", R"({"key":")" + key + R"(","reason":"toch niet","withdraw":true,"as_of":"2025-06-01"})");
  EXPECT_EQ(check("c1", "2025-06-01")->getValue<int>("exit_code"), rules::kFoutExitCode);
}

TEST_F(Acknowledge, UnknownKeyIsRefusedAndNothingChanges) {
  auto before = journalLength();
  Error e = fails("compliance.acknowledge", R"({"key":"0000000000000000","reason":"x","as_of":"2025-06-01"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_NE(e.fullText().find("0000000000000000"), std::string::npos);
  EXPECT_EQ(journalLength(), before);
}

TEST_F(Acknowledge, OverrideIsCheckedAgainstTheRule) {
  auto before = journalLength();
  Error e = fails("compliance.override", R"({"cooperation":"c1","rule":"pv.looptijd","parameter":"max_jaren","value":"\"zes\"","reason":"x"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.fullText().find("geheel getal"), std::string::npos) << e.fullText();
  e = fails("compliance.override", R"({"cooperation":"c1","rule":"pv.looptijd","parameter":"max_jaartjes","value":"7","reason":"x"})");
  EXPECT_NE(e.fullText().find("max_jaren"), std::string::npos) << e.fullText();
  e = fails("compliance.override", R"({"cooperation":"c1","rule":"pv.bestaat-niet","parameter":"x","value":"7","reason":"x"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  e = fails("compliance.override", R"({"cooperation":"nope","rule":"pv.looptijd","parameter":"max_jaren","value":"7","reason":"x"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_EQ(journalLength(), before);
}

TEST_F(Acknowledge, OverrideChangesTheOutcomeAndCanBeWithdrawn) {
  run("cooperation.correct", R"({"id":"c1","term_end":"2027-06-30","reason":"test"})");
  EXPECT_EQ(findings(check("c1", "2025-06-01"), "pv.looptijd").size(), 1u);
  run("compliance.override", R"({"cooperation":"c1","rule":"pv.looptijd","parameter":"max_jaren","value":"7","reason":"advies jurist"})");
  EXPECT_TRUE(findings(check("c1", "2025-06-01"), "pv.looptijd").empty());
  run("compliance.override", R"({"cooperation":"c1","rule":"pv.looptijd","parameter":"max_jaren","withdraw":true,"reason":"advies herzien"})");
  EXPECT_EQ(findings(check("c1", "2025-06-01"), "pv.looptijd").size(), 1u);
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
}
