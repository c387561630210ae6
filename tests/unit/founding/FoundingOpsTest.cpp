// The founding path through the operation catalogue (issue 18): an IGS in
// oprichting (no legal form yet), the state of each step derived from the
// register's evidence, and check-offs by hand. Runs on SQLite and, labelled
// founding.postgresql, on PostgreSQL (tests/support/TestRegister.hpp).
#include "ops/Catalogue.hpp"
#include "store/Database.hpp"
#include "tests/unit/governance/GovFixture.hpp"

#include <gtest/gtest.h>

namespace igsgov::testing {
namespace {

class Founding : public GovFixture {
protected:
  // IGS Vlaamse Ardennen in oprichting: Zwalm, Horebeke and Maarkedal.
  void inOprichting() {
    run("cooperation.create", R"({"id": "igs-va", "name": "IGS cultuur Vlaamse Ardennen", "domain": "cultuur"})");
    run("member.add", R"({"id": "va-zwalm", "cooperation": "igs-va", "kind": "gemeente", "nis": "45065", "from": "2025-01-01"})");
    run("member.add", R"({"id": "va-horebeke", "cooperation": "igs-va", "kind": "gemeente", "nis": "45062", "from": "2025-01-01"})");
    run("member.add", R"({"id": "va-maarkedal", "cooperation": "igs-va", "kind": "gemeente", "nis": "45064", "from": "2025-01-01"})");
  }

  // A submitted version of a new document of `kind` (e.g. engagementsverklaring).
  void documentVersion(const std::string& kind, const std::string& version) {
    run("document.create", R"({"id": ")" + kind + R"(", "cooperation": "igs-va", "kind": ")" + kind + R"("})");
    std::string p = file(version + ".docx", docxOf({"Tekst van " + kind}));
    run("document.add-version", R"({"id": ")" + version + R"(", "document": ")" + kind + R"(", "label": "versie 1",
         "path": )" + jsonString(p) + R"(, "status": "voorgelegd", "submitted": "2025-02-01"})");
  }

  void approve(const std::string& version, const std::string& member, const std::string& council,
               const std::string& date, const std::string& outcome = "goedgekeurd") {
    run("approval.record", R"({"version_id": ")" + version + R"(", )" +
                               (member.empty() ? std::string() : R"("member": ")" + member + R"(", )") +
                               R"("council": ")" + council + R"(", "date": ")" + date + R"(", "outcome": ")" + outcome + R"("})");
  }

  JsonObject status(const std::string& asOf = "2026-03-01") {
    return run("founding.status", R"({"cooperation": "igs-va", "as_of": ")" + asOf + R"("})");
  }
  static JsonObject step(const JsonObject& s, int number) { return s->getArray("steps")->getObject(static_cast<unsigned>(number - 1)); }
  static bool done(const JsonObject& s, int number) { return step(s, number)->getValue<bool>("done"); }
  // The result of condition `condition` of step `number` for the member `member` ("" for the cooperation).
  static JsonObject result(const JsonObject& s, int number, unsigned condition, const std::string& member) {
    auto results = step(s, number)->getArray("conditions")->getObject(condition)->getArray("results");
    for (std::size_t i = 0; i < results->size(); ++i) {
      auto r = results->getObject(static_cast<unsigned>(i));
      if (r->optValue<std::string>("member", "") == member) return r;
    }
    ADD_FAILURE() << "no result for '" << member << "' in step " << number;
    return newObject();
  }
  static std::vector<std::string> blockers(const JsonObject& s, int number) {
    std::vector<std::string> out;
    auto a = step(s, number)->getArray("blockers");
    for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
  }
  static std::string jsonString(const std::string& s) {
    std::string out;
    appendJsonString(out, s);
    return out;
  }
  long long journalLength() { return run("audit.journal", R"({"limit": 1000000})")->getArray("entries")->size(); }
};

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST_F(Founding, ACooperationInOprichtingHasNoLegalFormAndNoStepIsDone) {
  inOprichting();
  auto s = status();
  EXPECT_TRUE(s->getValue<bool>("in_oprichting"));
  EXPECT_EQ(s->getValue<std::string>("stappenplan"), "cultuur_2026");  // the plan of its domain
  EXPECT_EQ(s->getValue<int>("done_steps"), 0);
  EXPECT_EQ(s->getValue<int>("total_steps"), 11);
  EXPECT_EQ(s->getValue<int>("next_step"), 1);
  auto b = blockers(s, 4);
  EXPECT_TRUE(contains(b, "Zwalm: engagementsverklaring nog niet goedgekeurd door het college")) << b.front();
  EXPECT_TRUE(contains(blockers(s, 6), "de rechtsvorm is nog niet gekozen (niet in het register)"));
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  // The legal form, once chosen, proves step 6.
  run("cooperation.change", R"({"id": "igs-va", "legal_form": "projectvereniging", "reason": "stap 6"})");
  s = status();
  EXPECT_FALSE(s->getValue<bool>("in_oprichting"));
  EXPECT_TRUE(done(s, 6));
  EXPECT_EQ(result(s, 6, 0, "")->getValue<std::string>("evidence"),
            "rechtsvorm: projectvereniging");
}

TEST_F(Founding, TheCollegeDecisionsOnTheEngagementsverklaringProveStepFourPerGemeente) {
  inOprichting();
  documentVersion("engagementsverklaring", "ev-1");
  approve("ev-1", "va-zwalm", "college", "2025-03-10");
  approve("ev-1", "va-horebeke", "college", "2025-03-12", "verworpen");
  auto s = status();
  EXPECT_FALSE(done(s, 4));
  auto b = blockers(s, 4);
  EXPECT_EQ(b.size(), 2u);
  EXPECT_TRUE(contains(b, "Horebeke: engagementsverklaring verworpen door het college op 12 maart 2025"));
  EXPECT_TRUE(contains(b, "Maarkedal: engagementsverklaring nog niet goedgekeurd door het college"));
  // A gemeenteraad decision is not a college decision.
  approve("ev-1", "va-maarkedal", "gemeenteraad", "2025-03-20");
  EXPECT_TRUE(contains(blockers(status(), 4), "Maarkedal: engagementsverklaring nog niet goedgekeurd door het college"));
  // The latest decision counts; a decision after the asked date does not.
  approve("ev-1", "va-horebeke", "college", "2025-04-02");
  approve("ev-1", "va-maarkedal", "college", "2026-05-01");
  EXPECT_FALSE(done(status("2026-03-01"), 4));
  s = status("2026-06-01");
  EXPECT_TRUE(done(s, 4));
  auto zwalm = result(s, 4, 0, "va-zwalm");
  EXPECT_EQ(zwalm->getValue<std::string>("member_name"), "Zwalm");
  EXPECT_EQ(zwalm->getValue<std::string>("evidence"), "Het college keurde de engagementsverklaring goed op 10 maart 2025");
  // With every college approved, the version's approvals are complete (rule 'colleges').
  auto pending = run("approval.pending", R"({"version_id": "ev-1", "as_of": "2026-06-01"})");
  EXPECT_TRUE(pending->getValue<bool>("complete")) << canonicalJson(pending);
}

TEST_F(Founding, OnlyAGemeenteDecidesThroughItsCollegeAndAlwaysNamesTheMember) {
  inOprichting();
  documentVersion("engagementsverklaring", "ev-1");
  std::string before = state();
  Error e = fails("approval.record", R"({"version_id": "ev-1", "council": "college", "date": "2025-03-10", "outcome": "goedgekeurd"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.fullText().find("noemt de deelnemer"), std::string::npos) << e.fullText();
  EXPECT_EQ(state(), before);
}

TEST_F(Founding, ACheckOffIsOneJournaledWriteWithAReasonAndCanBeCorrectedAndRetracted) {
  inOprichting();
  long long before = journalLength();
  auto c = run("founding.check-off", R"({"cooperation": "igs-va", "step": "draagvlak", "member": "va-zwalm",
                  "date": "2025-01-20", "note": "MT akkoord; burgemeester en algemeen directeur op de hoogte"})");
  EXPECT_EQ(journalLength(), before + 1);
  std::string id = c->getValue<std::string>("id");
  EXPECT_EQ(c->getValue<std::string>("condition"), "afvinken");
  auto s = status();
  EXPECT_FALSE(done(s, 1));
  auto b = blockers(s, 1);
  EXPECT_EQ(b.size(), 2u);
  EXPECT_TRUE(contains(b, "Horebeke: ‘Zorg voor draagvlak’ nog niet afgevinkt"));
  auto zwalm = result(s, 1, 0, "va-zwalm");
  EXPECT_TRUE(zwalm->getValue<bool>("done"));
  EXPECT_EQ(zwalm->getValue<std::string>("evidence"),
            "afgevinkt op 20 januari 2025: MT akkoord; burgemeester en algemeen directeur op de hoogte");
  // Not done before the date it was done.
  EXPECT_FALSE(result(status("2025-01-19"), 1, 0, "va-zwalm")->getValue<bool>("done"));

  // Twice is a conflict; correct and retract are new versions with a reason.
  EXPECT_EQ(fails("founding.check-off", R"({"cooperation": "igs-va", "step": "draagvlak", "member": "va-zwalm", "note": "nog eens"})").errorCode(),
            ErrorCode::conflict);
  run("founding.correct", R"({"id": ")" + id + R"(", "date": "2025-01-21", "reason": "datum van het MT-verslag"})");
  EXPECT_EQ(fails("founding.retract", R"({"id": ")" + id + R"("})").errorCode(), ErrorCode::invalid);  // reason required
  run("founding.retract", R"({"id": ")" + id + R"(", "reason": "het MT trok zijn akkoord in"})");
  EXPECT_TRUE(contains(blockers(status(), 1), "Zwalm: ‘Zorg voor draagvlak’ nog niet afgevinkt"));
  // Checked off again after the retraction: a new version of the same check-off.
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "draagvlak", "member": "va-zwalm", "date": "2025-02-03", "note": "nieuw akkoord MT"})");
  EXPECT_FALSE(contains(blockers(status(), 1), "Zwalm: ‘Zorg voor draagvlak’ nog niet afgevinkt"));
  auto history = run("audit.journal", R"({"limit": 1000000})")->getArray("entries");
  int ops = 0;
  for (std::size_t i = 0; i < history->size(); ++i) {
    std::string op = history->getObject(static_cast<unsigned>(i))->getValue<std::string>("operation");
    ops += op.rfind("founding.", 0) == 0;
  }
  EXPECT_EQ(ops, 4);
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
}

TEST_F(Founding, ACheckOffThatCannotProveItsConditionIsRefusedAndChangesNothing) {
  inOprichting();
  smallCooperation();
  std::string before = state();
  auto refused = [&](const std::string& json, const std::string& words) {
    Error e = fails("founding.check-off", json);
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << json;
    EXPECT_NE(e.fullText().find(words), std::string::npos) << e.fullText();
  };
  refused(R"({"cooperation": "igs-va", "step": "afspraken", "member": "va-zwalm", "note": "x"})",
          "wordt bewezen door het register");
  refused(R"({"cooperation": "igs-va", "step": "draagvlak", "note": "x"})", "noem de deelnemende gemeente");
  refused(R"({"cooperation": "igs-va", "step": "gebied", "member": "va-zwalm", "note": "x"})", "niet per gemeente");
  refused(R"({"cooperation": "igs-va", "step": "draagvlak", "member": "a-ronse", "note": "x"})", "hoort niet bij");
  refused(R"({"cooperation": "igs-va", "step": "subsidiebesluit", "note": "x"})",
          "meer dan één voorwaarde");  // the decision and the hired regiocoördinator
  refused(R"({"cooperation": "igs-va", "step": "juridische-structuur", "condition": "statuten", "member": "va-zwalm", "note": "x"})",
          "wordt bewezen door het register");
  refused(R"({"cooperation": "igs-va", "step": "gebied", "note": "x", "date": "2999-01-01"})", "toekomst");
  refused(R"({"cooperation": "igs-va", "step": "bestaat-niet", "note": "x"})", "geen stap 'bestaat-niet'");
  EXPECT_EQ(fails("founding.check-off", R"({"cooperation": "igs-va", "step": "gebied"})").errorCode(), ErrorCode::invalid);
  EXPECT_EQ(state(), before);
  // The oprichtingsakte named as its condition is fine.
  auto c = run("founding.check-off", R"({"cooperation": "igs-va", "step": "juridische-structuur", "condition": "afvinken:oprichtingsakte",
                  "member": "va-zwalm", "note": "akte verleden bij notaris", "path": )" + jsonString(file("akte.pdf", "%PDF-1.4\n%%EOF\n")) + "}");
  EXPECT_EQ(c->getValue<std::string>("document_sha256").size(), 64u);
}

TEST_F(Founding, StatutenInternReglementAndTheCultuurnotaApprovalsAreReadFromTheRegister) {
  inOprichting();
  run("cooperation.change", R"({"id": "igs-va", "legal_form": "projectvereniging", "reason": "stap 6"})");
  documentVersion("statuten", "st-1");
  approve("st-1", "va-zwalm", "gemeenteraad", "2025-06-20");
  documentVersion("intentieverklaring", "iv-1");
  approve("iv-1", "va-zwalm", "gemeenteraad", "2025-06-20");
  documentVersion("meerjarenplan", "mjp-1");
  approve("mjp-1", "va-zwalm", "gemeenteraad", "2025-06-20");
  auto s = status();
  auto b = blockers(s, 7);
  EXPECT_FALSE(contains(b, "Zwalm: statuten nog niet goedgekeurd door de gemeenteraad"));
  EXPECT_TRUE(contains(b, "Horebeke: statuten nog niet goedgekeurd door de gemeenteraad"));
  EXPECT_TRUE(contains(b, "Horebeke: intentieverklaring nog niet goedgekeurd door de gemeenteraad"));
  EXPECT_TRUE(contains(b, "Maarkedal: doelstelling in het meerjarenplan nog niet goedgekeurd door de gemeenteraad"));
  EXPECT_TRUE(contains(b, "er is nog geen intern reglement in het register"));
  EXPECT_TRUE(contains(b, "Zwalm: oprichtingsakte nog niet afgevinkt"));
  // Step 9: the raad van bestuur (once) and each gemeenteraad approve the cultuurnota.
  documentVersion("cultuurnota", "cn-1");
  approve("cn-1", "", "raad_van_bestuur", "2026-01-15");
  b = blockers(status(), 9);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_TRUE(contains(b, "Zwalm: cultuurnota nog niet goedgekeurd door de gemeenteraad"));
}

TEST_F(Founding, TheDeadlinesOfTheStepsAreInTheStatus) {
  inOprichting();
  auto s = status("2026-04-02");
  auto d = step(s, 10)->getObject("deadline");
  EXPECT_EQ(d->getValue<std::string>("date"), "2026-04-01");
  EXPECT_TRUE(step(s, 10)->getValue<bool>("late"));
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "indienen", "date": "2026-03-28", "note": "ingediend via KIOSK, ontvangstbewijs 2026-0412"})");
  s = status("2026-04-02");
  EXPECT_TRUE(done(s, 10));
  EXPECT_FALSE(step(s, 10)->getValue<bool>("late"));
}

// The deadlines of the steps not done yet feed the calendar (deadlines.list, ICS).
TEST_F(Founding, TheOpenStepsDeadlinesAreInTheCalendar) {
  inOprichting();
  auto list = [&] {
    auto out = run("deadlines.list", R"({"cooperation": "igs-va", "from": "2026-01-01", "until": "2026-12-31", "ics_text": true})");
    std::vector<JsonObject> founding;
    auto a = out->getArray("deadlines");
    for (std::size_t i = 0; i < a->size(); ++i)
      if (a->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind") == "founding")
        founding.push_back(a->getObject(static_cast<unsigned>(i)));
    return std::make_pair(founding, out->getValue<std::string>("ics_text"));
  };
  auto [deadlines, ics] = list();
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(deadlines[0]->getValue<std::string>("date"), "2026-04-01");
  EXPECT_EQ(deadlines[0]->getValue<std::string>("title"), "Stap 10 oprichting IGS cultuur Vlaamse Ardennen: Dien je cultuurnota in");
  EXPECT_NE(deadlines[0]->getValue<std::string>("description").find("Nog open: nog geen ingediende subsidieaanvraag in het register (en niet afgevinkt)"), std::string::npos)
      << deadlines[0]->getValue<std::string>("description");
  EXPECT_EQ(deadlines[1]->getValue<std::string>("date"), "2026-10-30");
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260401"), std::string::npos);
  // A step done leaves the calendar.
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "indienen", "date": "2026-03-28", "note": "ingediend via KIOSK"})");
  EXPECT_EQ(list().first.size(), 1u);
}

TEST_F(Founding, TheStatusReadsAsDutchText) {
  inOprichting();
  const auto* op = ops::catalogue().find("founding.status");
  ASSERT_NE(op, nullptr);
  std::string text = op->text(status());
  EXPECT_NE(text.find("Stand op 1 maart 2026: 0 van 11 stappen klaar"), std::string::npos) << text;
  EXPECT_NE(text.find("Maak afspraken"), std::string::npos) << text;
  EXPECT_NE(text.find("ten laatste 1 april 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("  - Zwalm: ‘Zorg voor draagvlak’ nog niet afgevinkt"), std::string::npos) << text;
}

// Steps 10 and 11 from the register (issue 18): the subsidieaanvraag submitted
// through KIOSK is a document version with its submission date, the subsidy
// decision is the Vlaamse overheid's decision on it; a check-off counts only
// while the register holds neither, and a registered refusal wins over it.
TEST_F(Founding, TheKioskSubmissionAndTheSubsidyDecisionAreReadFromTheRegister) {
  inOprichting();
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "subsidiebesluit", "condition": "subsidiebesluit",
       "date": "2026-02-01", "note": "mondeling toegezegd"})");
  documentVersion("subsidieaanvraag", "sa-1");  // submitted 2025-02-01 by documentVersion; correct it to the KIOSK date
  run("document.correct", R"({"id": "sa-1", "submitted": "2026-03-28", "reason": "datum van indiening via KIOSK"})");
  auto s = status("2026-03-27");
  EXPECT_FALSE(done(s, 10));
  EXPECT_EQ(result(s, 10, 0, "")->getValue<std::string>("missing"), "nog geen ingediende subsidieaanvraag in het register (en niet afgevinkt)");
  s = status("2026-04-02");
  EXPECT_TRUE(done(s, 10));
  EXPECT_FALSE(step(s, 10)->getValue<bool>("late"));
  EXPECT_EQ(result(s, 10, 0, "")->getValue<std::string>("evidence"), "ingediend op 28 maart 2026 (subsidieaanvraag 'versie 1')");
  // Only the Vlaamse overheid decides on a subsidieaanvraag, and on nothing else; refused, nothing written.
  std::string before = state();
  EXPECT_NE(fails("approval.record", R"({"version_id": "sa-1", "council": "raad_van_bestuur", "date": "2026-10-20", "outcome": "goedgekeurd"})")
                .fullText().find("over een subsidieaanvraag beslist de Vlaamse overheid"), std::string::npos);
  documentVersion("cultuurnota", "cn-1");
  EXPECT_NE(fails("approval.record", R"({"version_id": "cn-1", "council": "vlaamse_overheid", "date": "2026-10-20", "outcome": "goedgekeurd"})")
                .fullText().find("de Vlaamse overheid beslist alleen over een subsidieaanvraag"), std::string::npos);
  before = state();
  EXPECT_EQ(fails("approval.record", R"({"version_id": "sa-1", "council": "vlaamse_overheid", "member": "va-zwalm", "date": "2026-10-20", "outcome": "goedgekeurd"})").errorCode(),
            ErrorCode::invalid);
  EXPECT_EQ(state(), before);
  // The check-off counts while the register holds no decision; a registered refusal wins.
  EXPECT_EQ(result(status("2026-10-25"), 11, 0, "")->getValue<std::string>("evidence"), "afgevinkt op 1 februari 2026: mondeling toegezegd");
  run("approval.record", R"({"version_id": "sa-1", "council": "vlaamse_overheid", "date": "2026-10-20", "outcome": "verworpen",
       "decision_ref": "MB 2026/77"})");
  s = status("2026-10-25");
  EXPECT_TRUE(contains(blockers(s, 11), "subsidieaanvraag verworpen door de Vlaamse overheid op 20 oktober 2026 (MB 2026/77)"));
  run("approval.record", R"({"version_id": "sa-1", "council": "vlaamse_overheid", "date": "2026-10-28", "outcome": "goedgekeurd",
       "decision_ref": "MB 2026/91"})");
  s = status("2026-10-30");
  EXPECT_EQ(result(s, 11, 0, "")->getValue<std::string>("evidence"), "De Vlaamse overheid kende de subsidie toe op 28 oktober 2026 (MB 2026/91)");
  EXPECT_EQ(blockers(s, 11), std::vector<std::string>{"regiocoördinator nog niet afgevinkt"});
  // The decision completes the application's approvals (rule 'vlaamse_overheid').
  EXPECT_TRUE(run("approval.pending", R"({"version_id": "sa-1", "as_of": "2026-10-30"})")->getValue<bool>("complete"));
}

// register.export / register.import carry the check-offs with their history
// (issue 18): the check-off, its correction with an attachment, its retraction
// and checking off again arrive as the same versions with kinds and reasons;
// the original actor and record time stay in the import's journal entry; the
// steps read the same.
TEST_F(Founding, AnExportImportRoundTripKeepsTheCheckOffsWithTheirHistory) {
  inOprichting();
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "draagvlak", "member": "va-zwalm", "date": "2025-01-20", "note": "MT akkoord"})");
  std::string id = "igs-va:draagvlak:afvinken:va-zwalm";
  run("founding.correct", R"({"id": ")" + id + R"(", "note": "MT en burgemeester akkoord", "reason": "tikfout",
       "path": )" + jsonString(file("verslag.pdf", "%PDF-1.4\n%%EOF\n")) + "}");
  run("founding.retract", R"({"id": ")" + id + R"(", "reason": "verslag niet goedgekeurd"})");
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "draagvlak", "member": "va-zwalm", "date": "2025-02-03", "note": "nieuw akkoord MT"})");
  run("founding.check-off", R"({"cooperation": "igs-va", "step": "indienen", "date": "2026-03-28", "note": "ingediend via KIOSK"})");
  auto first = run("register.export", "{}");
  EXPECT_EQ(first->getValue<int>("version"), 2);
  auto part = first->getObject("founding");
  ASSERT_FALSE(part.isNull());
  ASSERT_EQ(part->getArray("check_offs")->size(), 2u);
  auto versions = first->getObject("founding")->getArray("check_offs")->getObject(0)->getArray("versions");
  ASSERT_EQ(versions->size(), 4u);
  std::vector<std::string> kinds;
  for (std::size_t j = 0; j < versions->size(); ++j)
    kinds.push_back(versions->getObject(static_cast<unsigned>(j))->getObject("recorded")->getValue<std::string>("kind"));
  EXPECT_EQ(kinds, (std::vector<std::string>{"create", "correction", "retraction", "change"}));
  EXPECT_EQ(versions->getObject(2)->getObject("recorded")->getValue<std::string>("reason"), "verslag niet goedgekeurd");
  EXPECT_EQ(versions->getObject(0)->getObject("recorded")->getValue<std::string>("actor"), "test:secretariaat");
  EXPECT_TRUE(versions->getObject(1)->has("file"));

  Poco::File(dir_ + "/other").createDirectories();
  std::string otherAddress = testRegisterAddress(dir_ + "/other");
  ops::Session other(otherAddress, true);
  ops::Caller caller;
  caller.actor = "test:import";
  auto in = newObject();
  in->set("register", first);
  auto imported = other.execute("register.import", in, caller);
  EXPECT_EQ(imported->getObject("imported")->getValue<long long>("check_offs"), 2);
  auto second = other.execute("register.export", newObject(), caller);
  // The same versions (data, kinds, reasons, attachment); only record time and actor are the import's.
  auto strip = [](JsonObject doc) {
    auto list = doc->getObject("founding")->getArray("check_offs");
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto versions = list->getObject(static_cast<unsigned>(i))->getArray("versions");
      for (std::size_t j = 0; j < versions->size(); ++j) {
        auto rec = versions->getObject(static_cast<unsigned>(j))->getObject("recorded");
        rec->remove("at");
        rec->remove("actor");
      }
    }
    return canonicalJson(doc->getObject("founding"));
  };
  EXPECT_EQ(strip(first), strip(second));  // (strip changes `first`: the checks above come first)
  // The original actor is kept in the import's journal entry.
  {
    store::Database raw(otherAddress, false);
    auto st = raw.prepare("SELECT input FROM journal ORDER BY seq DESC LIMIT 1");
    ASSERT_TRUE(st.step());
    EXPECT_NE(st.text(0).find("test:secretariaat"), std::string::npos) << st.text(0);
  }
  // The steps read the same in both registers.
  auto q = parseJsonObject(R"({"cooperation": "igs-va", "as_of": "2026-04-02"})");
  auto a = session_->execute("founding.status", q, caller);
  auto b = other.execute("founding.status", q, caller);
  EXPECT_TRUE(step(b, 10)->getValue<bool>("done"));
  for (int n = 1; n <= 11; ++n) {
    EXPECT_EQ(done(a, n), done(b, n)) << "step " << n;
    EXPECT_EQ(blockers(a, n), blockers(b, n)) << "step " << n;
  }
}

// A check-off in an import file is checked as founding.check-off checks it;
// a bad one refuses the whole file, naming its position, and writes nothing.
TEST_F(Founding, AnImportedCheckOffIsValidatedAndABadOneChangesNothing) {
  inOprichting();
  std::string before = state();
  auto refusedImport = [&](const std::string& checkOff, const std::string& expected) {
    auto doc = parseJsonObject(R"({"format": "igsgov-register", "version": 2, "founding": {"check_offs": [)" + checkOff + "]}}");
    auto in = newObject();
    in->set("register", doc);
    Error e = fails("register.import", in);
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << e.fullText();
    EXPECT_NE(e.fullText().find(expected), std::string::npos) << e.fullText();
    EXPECT_NE(e.fullText().find("founding.check_offs[0]"), std::string::npos) << e.fullText();
    EXPECT_EQ(state(), before);
  };
  std::string v1 = R"({"cooperation": "igs-va", "stappenplan": "cultuur_2026", "step": "gebied", "condition": "afvinken",
                       "date": "2025-01-20", "note": "gemeenten gekozen", "retracted": false})";
  refusedImport(R"({"id": "igs-va:gebied:afvinken", "versions": [{"cooperation": "igs-va", "stappenplan": "cultuur_2026",
                "step": "afspraken", "condition": "collegebesluit:engagementsverklaring", "member": "va-zwalm",
                "date": "2025-01-20", "note": "x"}]})", "wordt bewezen door het register");
  refusedImport(R"({"id": "igs-va:gebied:afvinken:x", "versions": [)" + v1 + "]}", "de id van een afvinking is 'igs-va:gebied:afvinken'");
  std::string retracted = R"({"cooperation": "igs-va", "stappenplan": "cultuur_2026", "step": "gebied", "condition": "afvinken",
                       "date": "2025-01-20", "note": "gemeenten gekozen", "retracted": true, "recorded": {"kind": "retraction"}})";
  refusedImport(R"({"id": "igs-va:gebied:afvinken", "versions": [)" + v1 + "," + retracted + "]}", "vraagt een reden");
  refusedImport(R"({"id": "igs-va:gebied:afvinken", "versions": [{"cooperation": "igs-va", "stappenplan": "cultuur_2026",
                "step": "gebied", "condition": "afvinken", "date": "2025-01-20", "note": "x",
                "document_sha256": "0000000000000000000000000000000000000000000000000000000000000000",
                "file": {"content_base64": "JVBERi0xLjQKJSVFT0YK"}}]})", "de afvinking noemt");
}

// A register from before 0012 (legal_form NOT NULL, no check-offs) is
// migrated on open: its cooperations are kept and the journal verifies.
TEST_F(Founding, ARegisterFromBeforeTheMigrationKeepsItsRowsAndVerifies) {
  ASSERT_FALSE(onPostgres()) << "rebuilds a SQLite table by hand (founding.postgresql leaves it out)";
  smallCooperation();
  session_.reset();
  {
    store::Database db(path_, false);
    db.exec("DROP TABLE reminder_sent; DROP TABLE reminder_setting; DROP TABLE calendar_feed; "
            "DROP TABLE founding_checkoff; DROP TABLE founding_checkoff_key; "
            "CREATE TABLE c11 AS SELECT * FROM cooperation; DROP TABLE cooperation; "
            "CREATE TABLE cooperation (row_id INTEGER PRIMARY KEY, id TEXT NOT NULL REFERENCES cooperation_key(id), "
            "name TEXT NOT NULL, legal_form TEXT NOT NULL, domain TEXT, kbo TEXT, seat_nis TEXT, referentieregio TEXT, "
            "founded TEXT, term_end TEXT, rec_from TEXT NOT NULL, rec_to TEXT, jseq INTEGER NOT NULL REFERENCES "
            "journal(seq) DEFERRABLE INITIALLY DEFERRED, change_kind TEXT NOT NULL, reason TEXT); "
            "INSERT INTO cooperation SELECT * FROM c11; DROP TABLE c11; "
            "CREATE INDEX cooperation_by_id ON cooperation(id, rec_from); PRAGMA user_version = 11");
  }
  session_ = std::make_unique<ops::Session>(path_, false);
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  EXPECT_EQ(run("cooperation.show", R"({"id": "igs-a"})")->getValue<std::string>("legal_form"), "projectvereniging");
  inOprichting();
  EXPECT_TRUE(status()->getValue<bool>("in_oprichting"));
}

}  // namespace
}  // namespace igsgov::testing
