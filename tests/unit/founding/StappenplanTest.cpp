// Stappenplannen as data: the shipped cultuur 2026 file loads with the eleven
// steps of the OP/TIL stappenplan and its two deadlines; a directory adds or
// replaces a file; bad files are refused naming the file, the step, the
// condition and the field, in Dutch.
#include "founding/Stappenplan.hpp"

#include "core/Error.hpp"
#include "core/FileBytes.hpp"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>

#include <gtest/gtest.h>

using namespace igsgov;

namespace {

std::string readSource(const std::string& rel) {
  auto bytes = readFileBytes(std::string(IGSGOV_SOURCE_DIR) + "/" + rel);
  EXPECT_TRUE(bytes) << rel;
  return bytes.value_or("");
}

// Replaces the one occurrence of `a`; fails the test when there is none, so a
// change to the shipped file cannot turn a refusal test into a no-op.
std::string replaced(std::string s, const std::string& a, const std::string& b) {
  auto p = s.find(a);
  EXPECT_NE(p, std::string::npos) << a;
  if (p != std::string::npos) s.replace(p, a.size(), b);
  return s;
}

class Stappenplannen : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
  }
  void TearDown() override { Poco::File(dir_).remove(true); }

  void write(const std::string& name, const std::string& text) {
    Poco::FileOutputStream out(dir_ + "/" + name);
    out << text;
  }
  // Loads a variant of the shipped file and returns the full Dutch error.
  std::string refusal(const std::string& text) {
    write("cultuur_2026.json", text);
    try {
      founding::loadStappenplannen(dir_);
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << e.fullText();
      return e.fullText();
    }
    ADD_FAILURE() << "accepted a bad stappenplan";
    return "";
  }
  std::string shipped() { return readSource("config/founding/cultuur_2026.json"); }

  std::string dir_;
};

void expectNames(const std::string& error, const std::vector<std::string>& parts) {
  for (const auto& p : parts) EXPECT_NE(error.find(p), std::string::npos) << "'" << p << "' not in: " << error;
}

}  // namespace

TEST_F(Stappenplannen, ShippedCultuurFileHasTheElevenStepsAndBothDeadlines) {
  auto plans = founding::loadStappenplannen();
  ASSERT_EQ(plans.size(), 1u);
  const auto& p = plans[0];
  EXPECT_EQ(p.name, "cultuur_2026");
  EXPECT_EQ(p.domain, "cultuur");
  EXPECT_EQ(p.source, "ingebouwd:cultuur_2026.json");
  ASSERT_EQ(p.steps.size(), 11u);
  for (std::size_t i = 0; i < p.steps.size(); ++i) EXPECT_EQ(p.steps[i].number, static_cast<int>(i) + 1);

  const auto* afspraken = p.find("afspraken");
  ASSERT_NE(afspraken, nullptr);
  EXPECT_EQ(afspraken->number, 4);
  EXPECT_TRUE(afspraken->perGemeente);
  ASSERT_EQ(afspraken->doneWhen.size(), 1u);
  EXPECT_EQ(afspraken->doneWhen[0].evidence, "collegebesluit");
  EXPECT_EQ(afspraken->doneWhen[0].subject, "engagementsverklaring");

  const auto* indienen = p.find("indienen");
  ASSERT_NE(indienen, nullptr);
  ASSERT_TRUE(indienen->deadline);
  EXPECT_EQ(indienen->deadline->date.iso(), "2026-04-01");
  EXPECT_EQ(dutchLongDate(indienen->deadline->date), "1 april 2026");
  const auto* besluit = p.find("subsidiebesluit");
  ASSERT_NE(besluit, nullptr);
  ASSERT_TRUE(besluit->deadline);
  EXPECT_EQ(besluit->deadline->date.iso(), "2026-10-30");

  // Step 9: the raad van bestuur and every gemeenteraad approve the cultuurnota.
  const auto* communiceren = p.find("afspraken-communiceren");
  ASSERT_NE(communiceren, nullptr);
  ASSERT_EQ(communiceren->doneWhen.size(), 2u);
  EXPECT_EQ(communiceren->doneWhen[0].evidence, "bestuursbesluit");
  EXPECT_EQ(communiceren->doneWhen[1].evidence, "raadsbesluit");
  EXPECT_EQ(p.find("bestaat-niet"), nullptr);
}

TEST_F(Stappenplannen, DirectoryAddsANewRoundAsAFileNotABuild) {
  auto text = replaced(shipped(), R"("stappenplan": "cultuur_2026")", R"("stappenplan": "cultuur_2032")");
  write("cultuur_2032.json", replaced(text, R"("date": "2026-04-01")", R"("date": "2032-04-01")"));
  auto plans = founding::loadStappenplannen(dir_);
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[1].name, "cultuur_2032");
  EXPECT_EQ(plans[1].source, dir_ + "/cultuur_2032.json");
  EXPECT_EQ(plans[1].find("indienen")->deadline->date.iso(), "2032-04-01");
  EXPECT_EQ(plans[0].find("indienen")->deadline->date.iso(), "2026-04-01");
}

TEST_F(Stappenplannen, AFileOfTheSameNameReplacesTheShippedOne) {
  write("cultuur_2026.json", replaced(shipped(), R"("date": "2026-10-30")", R"("date": "2026-11-15")"));
  auto plans = founding::loadStappenplannen(dir_);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].find("subsidiebesluit")->deadline->date.iso(), "2026-11-15");
  EXPECT_EQ(plans[0].source, dir_ + "/cultuur_2026.json");
}

TEST_F(Stappenplannen, UnknownEvidenceIsRefusedNamingFileStepAndCondition) {
  auto e = refusal(replaced(shipped(), R"("evidence": "collegebesluit")", R"("evidence": "colegebesluit")"));
  expectNames(e, {"cultuur_2026.json", "stap 'afspraken'", "done_when[0]", "colegebesluit", "collegebesluit"});
}

TEST_F(Stappenplannen, ADecisionWithoutSubjectIsRefused) {
  auto e = refusal(replaced(shipped(), R"("subject": "engagementsverklaring", )", ""));
  expectNames(e, {"cultuur_2026.json", "stap 'afspraken'", "subject"});
}

TEST_F(Stappenplannen, AnImpossibleDeadlineIsRefused) {
  auto e = refusal(replaced(shipped(), R"("date": "2026-04-01")", R"("date": "2026-04-31")"));
  expectNames(e, {"cultuur_2026.json", "stap 'indienen'", "deadline", "2026-04-31", "geen geldige datum"});
}

TEST_F(Stappenplannen, AMistypedFieldIsRefusedNotIgnored) {
  auto e = refusal(replaced(shipped(), R"("done_when": [
        {"evidence": "rechtsvorm")", R"("done_wen": [
        {"evidence": "rechtsvorm")"));
  expectNames(e, {"cultuur_2026.json", "stap 'juridische-vorm'", "onbekend veld 'done_wen'"});
}

TEST_F(Stappenplannen, StepsOutOfOrderOrTwiceAreRefused) {
  auto e = refusal(replaced(shipped(), R"("number": 5,)", R"("number": 6,)"));
  expectNames(e, {"cultuur_2026.json", "stap 'participatie'", "nummer 6", "plaats 5"});
  e = refusal(replaced(shipped(), R"("id": "participatie")", R"("id": "draagvlak")"));
  expectNames(e, {"cultuur_2026.json", "stap-id 'draagvlak' komt meer dan eens voor"});
}

TEST_F(Stappenplannen, PerGemeenteMustBeSaid) {
  auto e = refusal(replaced(shipped(), R"("per_gemeente": true,
      "done_when": [
        {"evidence": "collegebesluit")", R"("per_gemeente": "ja",
      "done_when": [
        {"evidence": "collegebesluit")"));
  expectNames(e, {"cultuur_2026.json", "stap 'afspraken'", "per_gemeente", "true of false"});
}

TEST_F(Stappenplannen, EmptyConditionsNameMismatchAndBadJsonAreRefused) {
  auto e = refusal(replaced(shipped(), R"("done_when": [
        {"evidence": "rechtsvorm", "description": "de rechtsvorm van de samenwerking (projectvereniging of dienstverlenende vereniging) staat in het register"}
      ])", R"("done_when": [])"));
  expectNames(e, {"cultuur_2026.json", "stap 'juridische-vorm'", "done_when", "leeg"});
  e = refusal(replaced(shipped(), R"("stappenplan": "cultuur_2026")", R"("stappenplan": "cultuur")"));
  expectNames(e, {"cultuur_2026.json", "dezelfde naam"});
  e = refusal("{\"stappenplan\": \"cultuur_2026\",");
  expectNames(e, {"cultuur_2026.json"});
}

TEST_F(Stappenplannen, AMissingDirectoryIsNotFound) {
  try {
    founding::loadStappenplannen(dir_ + "/bestaat-niet");
    FAIL() << "accepted a missing directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    expectNames(e.fullText(), {"bestaat-niet", "bestaat niet"});
  }
}
