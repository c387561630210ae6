// A rule whose data the register does not hold is "niet evalueerbaar", never a
// silent pass (issue 14: a projectvereniging without any statuten passed the
// statuten rule; the same held for a board without mandates, a cooperation
// without gemeenten and a gemeente whose referentieregio is unknown).
#include "RulesFixture.hpp"

#include "governance/FileStore.hpp"

using namespace igsgov;
using igsgov::testing::RulesFixture;

namespace {

class NoSilentPass : public RulesFixture {
protected:
  // The reason a rule is not evaluable for `coop`, "" when it is evaluated.
  std::string reason(const JsonObject& out, const std::string& rule) {
    auto arr = out->getArray("not_evaluable");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      auto n = arr->getObject(static_cast<unsigned>(i));
      if (n->getValue<std::string>("rule") == rule) return n->getValue<std::string>("reason");
    }
    return "";
  }
  void expectNotEvaluable(const JsonObject& out, const std::string& rule, const std::string& reasonPart) {
    SCOPED_TRACE(rule);
    EXPECT_TRUE(findings(out, rule).empty()) << toJsonText(out);
    std::string why = reason(out, rule);
    EXPECT_NE(why.find(reasonPart), std::string::npos) << "reason: '" << why << "'";
  }
};

}  // namespace

TEST_F(NoSilentPass, AProjectverenigingWithoutStatuten) {
  cleanPv();
  expectNotEvaluable(check("c1", "2025-06-01"), "pv.statuten-goedgekeurd", "het register kent geen statuten");
  // A document whose only version does not cover the date: still nothing to check, and the reason says why.
  run("document.create", R"({"id":"c1-statuten","cooperation":"c1","kind":"statuten"})");
  auto in = parseJsonObject(R"({"id":"st","document":"c1-statuten","label":"statuten 2025","status":"voorgelegd",
                                "effective_from":"2025-01-01"})");
  in->set("content_base64", governance::base64Encode("%PDF-1.4\n% statuten\n"));
  run("document.add-version", toJsonText(in));
  expectNotEvaluable(check("c1", "2024-06-01"), "pv.statuten-goedgekeurd",
                     "geen versie van de statuten geldt op 2024-06-01 volgens het register (statuten 2025: treedt pas "
                     "in werking op 2025-01-01)");
  // Once a version is presented as in force, the rule is evaluated (here: it fires, nobody approved).
  auto out = check("c1", "2025-06-01");
  EXPECT_EQ(reason(out, "pv.statuten-goedgekeurd"), "");
  EXPECT_EQ(findings(out, "pv.statuten-goedgekeurd").size(), 2u);
}

TEST_F(NoSilentPass, ABoardWithoutMandates) {
  run("cooperation.create", R"({"id":"c2","name":"Leeg","legal_form":"dienstverlenende_vereniging","founded":"2021-01-01",
      "term_end":"2035-12-31"})");
  run("member.add", R"({"id":"c2-m1","cooperation":"c2","kind":"gemeente","nis":"23025","from":"2021-01-01"})");
  run("body.create", R"({"id":"c2-rvb","cooperation":"c2","type":"raad_van_bestuur","from":"2021-01-01"})");
  auto out = check("c2", "2025-06-01");
  expectNotEvaluable(out, "dv.lokaal-mandaat", "geen mandaten in het register");
  expectNotEvaluable(out, "dv.rvb-omvang", "geen mandaten in het register");
  expectNotEvaluable(out, "dv.geslacht", "geen mandaten in het register");
}

TEST_F(NoSilentPass, ABoardWithoutTheRolesTheRuleIsAbout) {
  cleanPv();
  // Only a deskundige sits in c2's board.
  run("cooperation.create", R"({"id":"c2","name":"Deskundig","legal_form":"projectvereniging","founded":"2021-01-01",
      "term_end":"2026-12-31"})");
  run("member.add", R"({"id":"c2-m1","cooperation":"c2","kind":"gemeente","nis":"23025","from":"2021-01-01"})");
  run("body.create", R"({"id":"c2-rvb","cooperation":"c2","type":"raad_van_bestuur","from":"2021-01-01"})");
  run("mandate.appoint", R"({"id":"c2-a1","person":"p1","body":"c2-rvb","member":"c2-m1","role":"deskundige",
      "from":"2021-01-01"})");
  expectNotEvaluable(check("c2", "2025-06-01"), "pv.lokaal-mandaat",
                     "geen mandaten met rol voorzitter, ondervoorzitter, bestuurder");
}

TEST_F(NoSilentPass, ACooperationWithoutGemeenten) {
  run("cooperation.create", R"({"id":"c3","name":"Enkel partners","legal_form":"projectvereniging","domain":"cultuur",
      "founded":"2021-01-01","term_end":"2026-12-31"})");
  run("member.add", R"({"id":"c3-p","cooperation":"c3","kind":"partner","name":"Cultuurhuis vzw",
      "partner_kind":"publiek","from":"2021-01-01"})");
  run("body.create", R"({"id":"c3-rvb","cooperation":"c3","type":"raad_van_bestuur","from":"2021-01-01"})");
  auto out = check("c3", "2025-06-01");
  expectNotEvaluable(out, "pv.elke-gemeente-in-rvb", "geen deelnemende gemeenten op 2025-06-01");
  expectNotEvaluable(out, "cultuur.referentieregio", "geen deelnemende gemeenten op 2025-06-01");
  expectNotEvaluable(out, "cultuur.inwoners", "geen deelnemende gemeenten op 2025-06-01");
}

TEST_F(NoSilentPass, AGemeenteWhoseReferentieregioIsUnknown) {
  cleanPv();
  EXPECT_EQ(reason(check("c1", "2025-06-01"), "cultuur.referentieregio"), "");
  // Written past the operations (another tool, an old version): a NIS code the reference list does not know.
  sql("UPDATE member SET nis = '99999' WHERE id = 'c1-m2'");
  expectNotEvaluable(check("c1", "2025-06-01"), "cultuur.referentieregio", "NIS-code 99999");
}
