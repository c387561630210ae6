// A cooperation in oprichting (no legal form yet, issue 18) next to the sample
// register: no rule of a legal form judges it, the conditions of its domain
// about the chosen gemeenten are waarschuwingen that say so, the data-quality
// rules apply as to any other, the check says plainly that it is in
// oprichting, and the established cooperations' findings do not change.
#include "RulesFixture.hpp"

#include "ops/Catalogue.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

using namespace igsgov;
using igsgov::testing::RulesFixture;

class InOprichting : public RulesFixture {
protected:
  // IGS cultuur Vlaamse Ardennen in oprichting: Zwalm and Horebeke (10.352 inwoners), no board, no legal form.
  void inOprichting(const std::string& id = "igs-va", const std::string& domain = "cultuur",
                    const std::vector<std::string>& nis = {"45065", "45062"}) {
    run("cooperation.create", R"({"id":")" + id + R"(","name":"IGS )" + id + R"( in oprichting","domain":")" + domain + "\"}");
    for (const auto& n : nis)
      run("member.add", R"({"id":")" + id + "-" + n + R"(","cooperation":")" + id + R"(","kind":"gemeente","nis":")" + n +
                            R"(","from":"2025-01-01"})");
  }
  // The findings of the cooperations other than `except`, as canonical JSON.
  std::string findingsOfOthers(const JsonObject& out, const std::string& except) {
    auto kept = newArray();
    auto arr = out->getArray("findings");
    for (std::size_t i = 0; i < arr->size(); ++i)
      if (arr->getObject(static_cast<unsigned>(i))->getValue<std::string>("cooperation") != except) kept->add(arr->get(static_cast<unsigned>(i)));
    return canonicalJson(kept);
  }
};

TEST_F(InOprichting, NoRuleOfALegalFormJudgesItAndTheDomainConditionsAreWarnings) {
  importSample();
  auto before = run("compliance.check", R"({"as_of":"2026-03-01"})");
  inOprichting();
  auto all = run("compliance.check", R"({"as_of":"2026-03-01"})");
  EXPECT_EQ(findingsOfOthers(before, "igs-va"), findingsOfOthers(all, "igs-va")) << "the sample's findings change";

  auto out = check("igs-va", "2026-03-01");
  for (const auto& rule : fired(out))
    EXPECT_TRUE(rule.rfind("cultuur.", 0) == 0 || rule.rfind("gegevens.", 0) == 0) << rule << " judged a cooperation without legal form";
  auto f = findings(out, "cultuur.inwoners");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "waarschuwing");
  EXPECT_NE(f[0]->getValue<std::string>("message").find("10.352"), std::string::npos);
  EXPECT_NE(f[0]->getValue<std::string>("message").find("(in oprichting: een waarschuwing, geen fout, zolang er geen rechtsvorm is)"),
            std::string::npos) << f[0]->getValue<std::string>("message");
  EXPECT_EQ(out->getValue<int>("exit_code"), 0);
  EXPECT_TRUE(out->getArray("not_evaluable")->size() == 0) << canonicalJson(out->getArray("not_evaluable"));
  auto op = out->getArray("in_oprichting");
  ASSERT_EQ(op->size(), 1u);
  EXPECT_EQ(op->getObject(0)->getValue<std::string>("cooperation"), "igs-va");
  // The check says so in Dutch.
  std::string text = ops::catalogue().find("compliance.check")->text(out);
  EXPECT_NE(text.find("In oprichting: IGS igs-va in oprichting is in oprichting: er is nog geen rechtsvorm"), std::string::npos) << text;
  EXPECT_NE(text.find("igsgov founding status --cooperation igs-va"), std::string::npos) << text;
  // An established cooperation's check does not mention it.
  EXPECT_EQ(check("igs-noordrand", "2026-03-01")->getArray("in_oprichting")->size(), 0u);

  // The data-quality rules apply as to any other: a mandate that ends before it starts is a fout.
  run("body.create", R"({"id":"va-wg","cooperation":"igs-va","type":"stuurgroep","from":"2025-01-01","seats":[{"id":"va-s1","member":"igs-va-45065"}]})");
  run("person.create", R"({"id":"va-p1","name":"Persoon Zwalm","fictitious":true})");
  run("mandate.appoint", R"({"id":"va-a1","person":"va-p1","body":"va-wg","seat":"va-s1","role":"afgevaardigde","from":"2025-02-01"})");
  sql("UPDATE mandate SET valid_until = '2025-01-01' WHERE id = 'va-a1' AND rec_to IS NULL");
  auto bad = findings(check("igs-va", "2026-03-01"), "gegevens.einde-na-begin");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0]->getValue<std::string>("severity"), "fout");

  // Once the legal form is chosen, the rules of that form judge it and the domain's condition is a fout again.
  run("cooperation.change", R"({"id":"igs-va","legal_form":"projectvereniging","founded":"2026-01-01","reason":"stap 6"})");
  out = check("igs-va", "2026-03-01");
  EXPECT_EQ(out->getArray("in_oprichting")->size(), 0u);
  EXPECT_EQ(findings(out, "cultuur.inwoners")[0]->getValue<std::string>("severity"), "fout");
  EXPECT_TRUE(fired(out).count("pv.elke-gemeente-in-rvb") || notEvaluable(out, "pv.elke-gemeente-in-rvb"));
}

// One IOED per gemeente: a gemeente of an established IOED that joins one in
// oprichting is no finding for the established one, a waarschuwing for the new one.
TEST_F(InOprichting, AGemeenteJoiningAnIoedInOprichtingIsAWarningForTheNewOneOnly) {
  run("cooperation.create", R"({"id":"ioed-oud","name":"IOED Oud","legal_form":"interlokale_vereniging","domain":"onroerend_erfgoed","founded":"2021-01-01"})");
  run("member.add", R"({"id":"oud-45065","cooperation":"ioed-oud","kind":"gemeente","nis":"45065","from":"2021-01-01"})");
  inOprichting("ioed-nieuw", "onroerend_erfgoed", {"45065", "45062"});
  EXPECT_TRUE(findings(check("ioed-oud", "2026-03-01"), "ioed.een-per-gemeente").empty());
  auto f = findings(check("ioed-nieuw", "2026-03-01"), "ioed.een-per-gemeente");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->getValue<std::string>("severity"), "waarschuwing");
}

// A rule marked in_oprichting "niet" is listed as not applicable, not run; a
// value other than geldt/waarschuwing/niet refuses the file.
TEST_F(InOprichting, ARuleMarkedNietIsListedAsNotApplicable) {
  inOprichting();
  Poco::FileInputStream in(std::string(IGSGOV_SOURCE_DIR) + "/config/rules/cultuur.json");
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  auto dir = dir_ + "/rules";
  Poco::File(dir).createDirectories();
  auto write = [&](const std::string& value) {
    std::string t = text;
    auto at = t.find(R"("in_oprichting": "geldt")");
    ASSERT_NE(at, std::string::npos);
    t.replace(at, std::string(R"("in_oprichting": "geldt")").size(), R"("in_oprichting": ")" + value + "\"");
    Poco::FileOutputStream(dir + "/cultuur.json") << t;
  };
  write("niet");
  auto out = check("igs-va", "2026-03-01", R"(,"rules_dir":")" + dir + "\"");
  EXPECT_TRUE(findings(out, "cultuur.cofinanciering").empty());
  auto na = out->getArray("not_applicable");
  ASSERT_EQ(na->size(), 1u);
  EXPECT_EQ(na->getObject(0)->getValue<std::string>("rule"), "cultuur.cofinanciering");
  EXPECT_EQ(na->getObject(0)->getValue<std::string>("reason"), "geldt niet voor een samenwerkingsverband in oprichting");
  write("soms");
  try {
    rules::loadRuleBook(dir);
    FAIL() << "accepted in_oprichting 'soms'";
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("'in_oprichting' 'soms' is geen geldt, waarschuwing of niet"), std::string::npos) << e.fullText();
  }
}
