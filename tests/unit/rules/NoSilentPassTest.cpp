// A rule whose data the register does not hold is "niet evalueerbaar", never a
// silent pass (issue 14: a projectvereniging without any statuten passed the
// statuten rule; the same held for a board without mandates, a cooperation
// without gemeenten and a gemeente whose referentieregio is unknown).
#include "RulesFixture.hpp"

#include "core/Base64.hpp"

#include <vector>

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
  // Each of `rules` is not evaluable with a reason containing `reasonPart`.
  void expectNotEvaluable(const JsonObject& out, const std::vector<std::string>& rules, const std::string& reasonPart) {
    for (const auto& rule : rules) {
      SCOPED_TRACE(rule);
      EXPECT_TRUE(findings(out, rule).empty()) << toJsonText(out);
      std::string why = reason(out, rule);
      EXPECT_NE(why.find(reasonPart), std::string::npos) << "reason: '" << why << "'";
    }
  }
  // A cooperation founded 2021 with a raad van bestuur and no mandates; `member`
  // is the body of a member.add call (without id and cooperation).
  void withEmptyBoard(const std::string& id, const std::string& form, const std::string& domain,
                      const std::string& member) {
    run("cooperation.create", R"({"id":")" + id + R"(","name":"Test )" + id + R"(","legal_form":")" + form + "\"" +
                                  (domain.empty() ? "" : R"(,"domain":")" + domain + "\"") +
                                  R"(,"founded":"2021-01-01","term_end":"2026-12-31"})");
    run("member.add", R"({"id":")" + id + R"(-m1","cooperation":")" + id + R"(",)" + member + R"(,"from":"2021-01-01"})");
    run("body.create", R"({"id":")" + id + R"(-rvb","cooperation":")" + id + R"(","type":"raad_van_bestuur","from":"2021-01-01"})");
  }
};

}  // namespace

TEST_F(NoSilentPass, AProjectverenigingWithoutStatuten) {
  cleanPv();
  expectNotEvaluable(check("c1", "2025-06-01"), {"pv.statuten-goedgekeurd"}, "het register kent geen statuten");
  // A document whose only version does not cover the date: still nothing to check, and the reason says why.
  run("document.create", R"({"id":"c1-statuten","cooperation":"c1","kind":"statuten"})");
  auto in = parseJsonObject(R"({"id":"st","document":"c1-statuten","label":"statuten 2025","status":"voorgelegd",
                                "effective_from":"2025-01-01"})");
  in->set("content_base64", igsgov::base64Encode("%PDF-1.4\n% statuten\n"));
  run("document.add-version", toJsonText(in));
  expectNotEvaluable(check("c1", "2024-06-01"), {"pv.statuten-goedgekeurd"},
                     "geen versie van de statuten geldt op 1 juni 2024 volgens het register (statuten 2025: treedt pas "
                     "in werking op 1 januari 2025)");
  // Once a version is presented as in force, the rule is evaluated (here: it fires, nobody approved).
  auto out = check("c1", "2025-06-01");
  EXPECT_EQ(reason(out, "pv.statuten-goedgekeurd"), "");
  EXPECT_EQ(findings(out, "pv.statuten-goedgekeurd").size(), 2u);
}

TEST_F(NoSilentPass, ABoardWithoutMandates) {
  withEmptyBoard("c2", "dienstverlenende_vereniging", "", R"("kind":"gemeente","nis":"23025")");
  expectNotEvaluable(check("c2", "2025-06-01"), {"dv.lokaal-mandaat", "dv.rvb-omvang", "dv.geslacht"},
                     "geen mandaten in het register");
}

TEST_F(NoSilentPass, ABoardWithoutTheRolesTheRuleIsAbout) {
  cleanPv();
  // Only a deskundige sits in c2's board.
  withEmptyBoard("c2", "projectvereniging", "", R"("kind":"gemeente","nis":"23025")");
  run("mandate.appoint", R"({"id":"c2-a1","person":"p1","body":"c2-rvb","member":"c2-m1","role":"deskundige",
      "from":"2021-01-01"})");
  expectNotEvaluable(check("c2", "2025-06-01"), {"pv.lokaal-mandaat"},
                     "geen mandaten met rol voorzitter, ondervoorzitter, bestuurder");
}

TEST_F(NoSilentPass, ACooperationWithoutGemeenten) {
  withEmptyBoard("c3", "projectvereniging", "cultuur", R"("kind":"partner","name":"Cultuurhuis vzw","partner_kind":"publiek")");
  expectNotEvaluable(check("c3", "2025-06-01"), {"pv.elke-gemeente-in-rvb", "cultuur.referentieregio", "cultuur.inwoners"},
                     "geen deelnemende gemeenten op 1 juni 2025");
}

TEST_F(NoSilentPass, AGemeenteWhoseReferentieregioIsUnknown) {
  cleanPv();
  EXPECT_EQ(reason(check("c1", "2025-06-01"), "cultuur.referentieregio"), "");
  // Written past the operations (another tool, an old version): a NIS code the reference list does not know.
  sql("UPDATE member SET nis = '99999' WHERE id = 'c1-m2'");
  expectNotEvaluable(check("c1", "2025-06-01"), {"cultuur.referentieregio"}, "NIS-code 99999");
}
