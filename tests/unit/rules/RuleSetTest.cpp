// Rule sets as data: the compiled sets load, a directory overrides a file,
// bad files are refused with the file, rule and field named.
#include "RulesFixture.hpp"

#include "rules/RuleSet.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

using namespace igsgov;
using igsgov::testing::RulesFixture;

namespace {
std::string readSource(const std::string& rel) {
  Poco::FileInputStream in(std::string(IGSGOV_SOURCE_DIR) + "/" + rel);
  std::string s;
  Poco::StreamCopier::copyToString(in, s);
  return s;
}
void replaceAll(std::string& s, const std::string& a, const std::string& b) {
  for (auto p = s.find(a); p != std::string::npos; p = s.find(a, p + b.size())) s.replace(p, a.size(), b);
}
}  // namespace

class RuleSets : public RulesFixture {
protected:
  std::string writeRuleFile(const std::string& name, const std::string& text) {
    Poco::File(dir_ + "/rules").createDirectories();
    Poco::FileOutputStream out(dir_ + "/rules/" + name);
    out << text;
    return dir_ + "/rules";
  }
};

TEST_F(RuleSets, CompiledSetsCoverEveryRowOfTheDomainTable) {
  auto book = rules::loadRuleBook();
  for (const auto& id : {"pv.looptijd", "dv.looptijd", "ov.looptijd", "wv.looptijd", "pv.geen-private-partners",
                         "pv.geen-provincie-of-vlaamse-overheid", "pv.elke-gemeente-in-rvb", "pv.lokaal-mandaat",
                         "dv.lokaal-mandaat", "pv.meerderheid-en-oppositie", "dv.rvb-omvang", "ov.rvb-omvang", "dv.geslacht",
                         "pv.statuten-goedgekeurd", "pv.niet-in-verkiezingsjaar", "cultuur.inwoners", "cultuur.referentieregio",
                         "ioed.inwoners", "ioed.een-per-gemeente", "erfgoedcel.inwoners", "cultuur.cofinanciering",
                         "gegevens.einde-na-begin", "gegevens.zetel-bezetting", "gegevens.mandaat-in-orgaan", "gegevens.besluit-een-kenmerk", "gegevens.kbo",
                         "gegevens.nis"})
    EXPECT_NE(book.find(id), nullptr) << id;
  EXPECT_FALSE(book.find("cultuur.cofinanciering")->verified);
  EXPECT_FALSE(book.find("dv.geslacht")->verified);
}

TEST_F(RuleSets, DirectoryReplacesAFileSoAJuristChangesAParameterWithoutRecompiling) {
  cleanPv();
  run("cooperation.correct", R"({"id":"c1","term_end":"2027-06-30","reason":"test"})");
  EXPECT_EQ(findings(check("c1", "2025-06-01"), "pv.looptijd").size(), 1u);
  std::string text = readSource("config/rules/projectvereniging.json");
  replaceAll(text, R"("max_jaren": 6)", R"("max_jaren": 7)");
  std::string dir = writeRuleFile("projectvereniging.json", text);
  auto out = check("c1", "2025-06-01", R"(,"rules_dir":")" + dir + "\"");
  EXPECT_TRUE(findings(out, "pv.looptijd").empty());
  EXPECT_EQ(out->getObject("rules_source")->getValue<std::string>("directory"), dir);
}

TEST_F(RuleSets, BadFilesAreRefusedNamingFileRuleAndField) {
  std::string text = readSource("config/rules/projectvereniging.json");
  replaceAll(text, R"("max_jaren": 6)", R"("max_jaren": "zes")");
  std::string dir = writeRuleFile("projectvereniging.json", text);
  try {
    rules::loadRuleBook(dir);
    FAIL() << "accepted a text where a number belongs";
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("projectvereniging.json"), std::string::npos) << e.fullText();
    EXPECT_NE(e.fullText().find("pv.looptijd"), std::string::npos) << e.fullText();
    EXPECT_NE(e.fullText().find("max_jaren"), std::string::npos) << e.fullText();
  }
  text = readSource("config/rules/projectvereniging.json");
  replaceAll(text, R"("evaluator": "term_limit")", R"("evaluator": "term_limitt")");
  writeRuleFile("projectvereniging.json", text);
  try {
    rules::loadRuleBook(dir);
    FAIL() << "accepted an unknown evaluator";
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("term_limitt"), std::string::npos) << e.fullText();
  }
  writeRuleFile("projectvereniging.json", "{\"ruleset\": \"projectvereniging\",");
  EXPECT_THROW(rules::loadRuleBook(dir), Error);
  EXPECT_THROW(rules::loadRuleBook(dir_ + "/bestaat-niet"), Error);
}
