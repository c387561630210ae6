// Governing documents through the operation catalogue: versions with files,
// approvals and their rule, the version in force, history, comparison,
// tamper detection, interchange round trip, and bad input that changes nothing.
#include "GovFixture.hpp"

#include "core/Base64.hpp"
#include "core/Sha256.hpp"
#include "governance/FileStore.hpp"

#include <sys/stat.h>
#include <unistd.h>

using namespace igsgov;
using namespace igsgov::testing;

namespace {

class Governance : public GovFixture {
protected:
  void SetUp() override {
    GovFixture::SetUp();
    smallCooperation();
    run("document.create", R"({"id": "a-statuten", "cooperation": "igs-a", "kind": "statuten"})");
  }

  JsonObject addVersion(const std::string& id, const std::string& bytes, const std::string& extra = "") {
    auto in = parseJsonObject("{\"id\": \"" + id + "\", \"document\": \"a-statuten\", \"label\": \"" + id + "\"" + extra + "}");
    in->set("content_base64", igsgov::base64Encode(bytes));
    return run("document.add-version", in);
  }

  void approve(const std::string& version, const std::string& member, const std::string& date,
               const std::string& outcome = "goedgekeurd") {
    run("approval.record", "{\"version_id\": \"" + version + "\", \"member\": \"" + member +
                               "\", \"council\": \"gemeenteraad\", \"date\": \"" + date + "\", \"outcome\": \"" + outcome +
                               "\", \"decision_ref\": \"GR/" + date + "\"}");
  }

  std::string inForce(const std::string& date) {
    auto out = run("document.in-force", "{\"cooperation\": \"igs-a\", \"as_of\": \"" + date + "\"}");
    return out->has("in_force") ? out->getObject("in_force")->getValue<std::string>("id") : "";
  }

  // v1 approved by all three and in force from 2021-03-01.
  void firstVersionInForce() {
    addVersion("v1", docxOf({"Artikel 1. Naam: IGS A.", "Artikel 2. Zetel: Oudenaarde.", "Artikel 3. Duur: 6 jaar."}),
               R"(, "effective_from": "2021-03-01", "status": "voorgelegd")");
    for (const char* m : {"a-oudenaarde", "a-kluisbergen", "a-ronse"}) approve("v1", m, "2021-02-15");
    run("document.status", R"({"version_id": "v1", "status": "in_werking"})");
  }
};

}  // namespace

TEST_F(Governance, AddVersionStoresTheFileContentAddressed) {
  auto bytes = docxOf({"Artikel 1."});
  auto out = addVersion("v1", bytes);
  EXPECT_EQ(out->getObject("file")->getValue<std::string>("sha256"), sha256Hex(bytes));
  EXPECT_EQ(out->getObject("file")->getValue<std::string>("media_type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(out->getValue<std::string>("status"), "ontwerp");
  // The same bytes for a second version are stored once.
  addVersion("v1-kopie", bytes);
  auto files = run("document.verify-files", "{}");
  EXPECT_EQ(files->getValue<long long>("files"), 1);
  // Written back byte for byte.
  run("document.file", "{\"version_id\": \"v1-kopie\", \"path\": \"" + dir_ + "/terug.docx\"}");
  std::ifstream is(dir_ + "/terug.docx", std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, bytes);
}

// A symbolic link at the target is replaced, never followed (issue 13).
TEST_F(Governance, DocumentFileReplacesALinkAtTheTarget) {
  auto bytes = docxOf({"Artikel 1."});
  addVersion("v1", bytes);
  std::string victim = dir_ + "/slachtoffer.txt", target = dir_ + "/terug.docx";
  { std::ofstream(victim) << "niet overschrijven"; }
  ASSERT_EQ(::symlink(victim.c_str(), target.c_str()), 0);
  run("document.file", "{\"version_id\": \"v1\", \"path\": \"" + target + "\"}");
  std::ifstream v(victim);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(v)), std::istreambuf_iterator<char>()), "niet overschrijven");
  struct stat st {};
  ASSERT_EQ(::lstat(target.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  std::ifstream is(target, std::ios::binary);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>()), bytes);
}

TEST_F(Governance, AddVersionFromPathRecordsTheFileName) {
  auto p = file("statuten-2026.odt", odtOf({"Statuten", "Artikel 1"}));
  auto out = run("document.add-version", "{\"id\": \"v2\", \"document\": \"a-statuten\", \"label\": \"2026\", \"path\": \"" + p + "\"}");
  EXPECT_EQ(out->getValue<std::string>("file_name"), "statuten-2026.odt");
  EXPECT_EQ(out->getObject("file")->getValue<std::string>("media_type"), "application/vnd.oasis.opendocument.text");
}

TEST_F(Governance, InForceOnlyWhenApprovalsCompleteAndDateReached) {
  addVersion("v1", docxOf({"Artikel 1."}), R"(, "effective_from": "2021-03-01", "status": "voorgelegd")");
  approve("v1", "a-oudenaarde", "2021-02-10");
  approve("v1", "a-kluisbergen", "2021-02-11");
  EXPECT_EQ(inForce("2021-06-01"), "");  // Ronse has not approved
  auto pending = run("approval.pending", R"({"version_id": "v1", "as_of": "2021-06-01"})");
  ASSERT_EQ(pending->getArray("pending")->size(), 1u);
  EXPECT_EQ(pending->getArray("pending")->getObject(0)->getValue<std::string>("member"), "a-ronse");
  EXPECT_EQ(pending->getArray("pending")->getObject(0)->getValue<std::string>("state"), "ontbreekt");

  approve("v1", "a-ronse", "2021-02-20", "verworpen");
  EXPECT_EQ(run("approval.pending", R"({"version_id": "v1", "as_of": "2021-06-01"})")
                ->getArray("pending")->getObject(0)->getValue<std::string>("state"),
            "verworpen");
  auto out = run("approval.record", R"({"version_id": "v1", "member": "a-ronse", "council": "gemeenteraad",
                                        "date": "2021-04-19", "outcome": "goedgekeurd"})");
  EXPECT_EQ(out->getValue<std::string>("version_status"), "goedgekeurd");  // set automatically
  EXPECT_EQ(inForce("2021-02-28"), "");  // before the effective date
  EXPECT_EQ(inForce("2021-04-18"), "");  // effective, but Ronse's approval came later
  EXPECT_EQ(inForce("2021-04-19"), "v1");
  EXPECT_EQ(inForce("2030-01-01"), "v1");
}

TEST_F(Governance, ANewVersionReplacesTheOldOne) {
  firstVersionInForce();
  addVersion("v2", docxOf({"Artikel 1. Naam: IGS A.", "Artikel 2. Zetel: Ronse.", "Artikel 3. Duur: 6 jaar."}),
             R"(, "effective_from": "2026-01-01")");
  run("document.status", R"({"version_id": "v2", "status": "voorgelegd", "date": "2025-10-01"})");
  for (const char* m : {"a-oudenaarde", "a-kluisbergen"}) approve("v2", m, "2025-11-20");
  EXPECT_EQ(inForce("2026-02-01"), "v1");  // v2 still waits for Ronse
  // The status cannot move ahead of the approvals.
  auto e = fails("document.status", R"({"version_id": "v2", "status": "goedgekeurd"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  approve("v2", "a-ronse", "2025-12-15");
  run("document.status", R"({"version_id": "v2", "status": "in_werking"})");
  EXPECT_EQ(inForce("2025-12-31"), "v1");
  EXPECT_EQ(inForce("2026-01-01"), "v2");
  auto hist = run("document.history", R"({"document": "a-statuten"})");
  auto versions = hist->getArray("versions");
  ASSERT_EQ(versions->size(), 2u);
  auto v1 = versions->getObject(0);
  EXPECT_EQ(v1->getValue<std::string>("status"), "vervangen");
  EXPECT_EQ(v1->getValue<std::string>("valid_until"), "2025-12-31");
  EXPECT_EQ(v1->getArray("changes")->getObject(0)->getValue<std::string>("by"), "test:secretariaat");
  EXPECT_EQ(v1->getArray("approvals")->size(), 3u);
}

TEST_F(Governance, InForceAsTheRegisterKnewIt) {
  addVersion("v1", docxOf({"x"}), R"(, "effective_from": "2021-03-01", "status": "voorgelegd")");
  approve("v1", "a-oudenaarde", "2021-02-15");
  approve("v1", "a-kluisbergen", "2021-02-15");
  auto j = run("audit.journal", R"({"limit": 100000})")->getArray("entries");
  std::string known = j->getObject(static_cast<unsigned>(j->size() - 1))->getValue<std::string>("at");
  approve("v1", "a-ronse", "2021-02-15");  // registered later, dated before
  EXPECT_EQ(inForce("2021-04-01"), "v1");
  auto out = run("document.in-force", "{\"cooperation\": \"igs-a\", \"as_of\": \"2021-04-01\", \"known_at\": \"" + known + "\"}");
  EXPECT_FALSE(out->has("in_force"));
  EXPECT_EQ(out->getValue<std::string>("known_at"), known);
}

TEST_F(Governance, RuleOverridePerCooperationWithReason) {
  auto show = run("approval-rule.show", R"({"cooperation": "igs-a"})");
  EXPECT_EQ(show->getValue<std::string>("rule"), "gemeenteraden");
  EXPECT_EQ(show->getValue<std::string>("origin"), "rechtsvorm");
  auto before = state();
  auto e = fails("approval-rule.set", R"({"cooperation": "igs-a", "document_kind": "statuten", "rule": "bestuursorgaan", "reason": ""})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(state(), before);

  run("approval-rule.set", R"({"cooperation": "igs-a", "document_kind": "statuten", "rule": "bestuursorgaan",
                               "reason": "statuten art. 12: de raad van bestuur wijzigt de statuten"})");
  addVersion("v1", docxOf({"x"}), R"(, "effective_from": "2022-01-01", "status": "voorgelegd")");
  EXPECT_EQ(inForce("2022-06-01"), "");
  run("approval.record", R"({"version_id": "v1", "council": "raad_van_bestuur", "date": "2021-12-01", "outcome": "goedgekeurd"})");
  EXPECT_EQ(inForce("2022-06-01"), "v1");
  auto pending = run("approval.pending", R"({"version_id": "v1"})");
  EXPECT_EQ(pending->getObject("rule")->getValue<std::string>("origin"), "afwijking");
  EXPECT_EQ(pending->getObject("rule")->getValue<std::string>("reason"), "statuten art. 12: de raad van bestuur wijzigt de statuten");
}

TEST_F(Governance, InternReglementDefaultsToTheBoard) {
  run("document.create", R"({"id": "a-ir", "cooperation": "igs-a", "kind": "intern_reglement"})");
  EXPECT_EQ(run("approval-rule.show", R"({"cooperation": "igs-a", "document_kind": "intern_reglement"})")
                ->getValue<std::string>("rule"),
            "bestuursorgaan");
}

TEST_F(Governance, CompareTwoVersionsAsTextAndHtml) {
  addVersion("v1", docxOf({"Artikel 1. Naam: IGS A.", "Artikel 2. Zetel: Oudenaarde.", "Artikel 3. Duur."}));
  addVersion("v2", odtOf({"Artikel 1. Naam: IGS A.", "Artikel 2. Zetel: Ronse.", "Artikel 3. Duur.", "Artikel 4. <Nieuw>"}, false));
  auto out = run("document.compare", "{\"from\": \"v1\", \"to\": \"v2\", \"html_path\": \"" + dir_ + "/diff.html\"}");
  EXPECT_EQ(out->getValue<int>("changed"), 1);
  EXPECT_EQ(out->getValue<int>("added"), 1);
  EXPECT_EQ(out->getValue<int>("removed"), 0);
  std::string text = out->getValue<std::string>("text");
  EXPECT_NE(text.find("- [2] Artikel 2. Zetel: Oudenaarde."), std::string::npos) << text;
  EXPECT_NE(text.find("+ [2] Artikel 2. Zetel: Ronse."), std::string::npos) << text;
  std::ifstream is(dir_ + "/diff.html");
  std::string html((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
  EXPECT_NE(html.find("<ins>Artikel 4. &lt;Nieuw&gt;</ins>"), std::string::npos);
}

TEST_F(Governance, BadInputChangesNothing) {
  addVersion("v1", docxOf({"x"}), R"(, "status": "voorgelegd")");
  auto before = state();
  // Unknown member.
  auto e = fails("approval.record", R"({"version_id": "v1", "member": "niemand", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "goedgekeurd"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_EQ(e.place().fields.at("field"), "'member'");
  // A member of another cooperation approving this cooperation's version.
  e = fails("approval.record", R"({"version_id": "v1", "member": "b-brakel", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "goedgekeurd"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(std::string(e.what()).find("igs-b"), std::string::npos) << e.what();
  // Unknown outcome, unknown council, a gemeenteraad without member.
  fails("approval.record", R"({"version_id": "v1", "member": "a-ronse", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "ok"})");
  fails("approval.record", R"({"version_id": "v1", "member": "a-ronse", "council": "schepencollege", "date": "2022-01-01", "outcome": "goedgekeurd"})");
  fails("approval.record", R"({"version_id": "v1", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "goedgekeurd"})");
  // A decision URI that is not http(s) or urn (it leaves the register as a link).
  e = fails("approval.record", R"j({"version_id": "v1", "member": "a-ronse", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "goedgekeurd", "decision_uri": "javascript:alert(1)"})j");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.at("field"), "'decision_uri'");
  EXPECT_NE(std::string(e.what()).find("alleen http://"), std::string::npos) << e.what();
  // A file that is not DOCX/ODT/PDF, a version of an unknown document, a bad status move.
  auto in = parseJsonObject(R"({"id": "v9", "document": "a-statuten", "label": "x"})");
  in->set("content_base64", igsgov::base64Encode("gewone tekst"));
  EXPECT_EQ(fails("document.add-version", in).errorCode(), ErrorCode::invalid);
  in->set("document", "onbekend");
  in->set("content_base64", igsgov::base64Encode(docxOf({"x"})));
  EXPECT_EQ(fails("document.add-version", in).errorCode(), ErrorCode::notFound);
  fails("document.status", R"({"version_id": "v1", "status": "ontwerp"})");
  fails("document.create", R"({"id": "d2", "cooperation": "igs-a", "kind": "huishoudreglement"})");
  EXPECT_EQ(state(), before);
}

TEST_F(Governance, AnApprovalOfADraftIsRefused) {
  addVersion("v1", docxOf({"x"}));
  auto e = fails("approval.record", R"({"version_id": "v1", "member": "a-ronse", "council": "gemeenteraad", "date": "2022-01-01", "outcome": "goedgekeurd"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
}

TEST_F(Governance, EditingAStoredFileIsDetectedByAuditVerify) {
  addVersion("v1", docxOf({"Artikel 1."}));
  run("audit.verify", "{}");
  session_.reset();
  {
    store::Database db(path_, false);  // behind the library's back (sqlite3 shell or psql)
    std::string forged = igsgov::base64Encode(docxOf({"Artikel 1 (vervalst)."}));
    db.exec("UPDATE gov_blob SET content = '" + forged + "'");
  }
  session_ = std::make_unique<ops::Session>(path_, false);
  auto e = fails("audit.verify", "{}");
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity);
  EXPECT_EQ(e.place().fields.at("tabel"), "gov_blob");
  auto e2 = fails("document.verify-files", "{}");
  EXPECT_EQ(e2.errorCode(), ErrorCode::integrity);
}

TEST_F(Governance, InterchangeRoundTrip) {
  firstVersionInForce();
  addVersion("v2", odtOf({"Statuten", "nieuw"}), R"(, "status": "voorgelegd", "effective_from": "2026-01-01")");
  approve("v2", "a-oudenaarde", "2025-11-20");
  run("approval-rule.set", R"({"cooperation": "igs-b", "document_kind": "statuten", "rule": "alle_deelnemers", "reason": "art. 9"})");
  auto exported = run("register.export", "{}");
  exported->remove("journal");
  std::ofstream(dir_ + "/export.json") << toJsonText(exported);

  ops::Session other(dir_ + "/tweede.db", true);
  ops::Caller caller;
  auto counts = other.execute("register.import", parseJsonObject("{\"path\": \"" + dir_ + "/export.json\"}"), caller)
                    ->getObject("imported");
  EXPECT_EQ(counts->getValue<long long>("documents"), 1);
  EXPECT_EQ(counts->getValue<long long>("document_versions"), 2);
  EXPECT_EQ(counts->getValue<long long>("approvals"), 4);
  auto again = other.execute("register.export", newObject(), caller);
  again->remove("journal");
  again->remove("exported_at");
  exported->remove("exported_at");
  EXPECT_EQ(canonicalJson(again), canonicalJson(exported));
  auto in = other.execute("document.in-force", parseJsonObject(R"({"cooperation": "igs-a", "as_of": "2022-01-01"})"), caller);
  EXPECT_EQ(in->getObject("in_force")->getValue<std::string>("id"), "v1");
  other.execute("audit.verify", newObject(), caller);
}

TEST_F(Governance, ImportWithAForgedFileHashChangesNothing) {
  addVersion("v1", docxOf({"x"}));
  auto exported = run("register.export", "{}");
  auto version = exported->getObject("governance")->getArray("documents")->getObject(0)->getArray("versions")->getObject(0);
  version->getObject("file")->set("sha256", std::string(64, '0'));
  ops::Session other(dir_ + "/tweede.db", true);
  ops::Caller caller;
  auto wrapped = newObject();
  wrapped->set("register", exported);
  long long before = other.execute("audit.journal", newObject(), caller)->getArray("entries")->size();
  try {
    other.execute("register.import", wrapped, caller);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("path"), "governance.documents[0].versions[0]");
    EXPECT_NE(std::string(e.what()).find("SHA-256"), std::string::npos) << e.what();
  }
  EXPECT_EQ(static_cast<long long>(other.execute("audit.journal", newObject(), caller)->getArray("entries")->size()), before);
}

// Refusing to put a version in force names whose approval is missing (issue 14:
// it said only "alleen een goedgekeurde versie treedt in werking").
TEST_F(Governance, RefusingToPutAVersionInForceNamesTheMissingCouncils) {
  addVersion("v1", docxOf({"Artikel 1."}), R"(, "effective_from": "2021-03-01")");
  auto e = fails("document.status", R"({"version_id": "v1", "status": "in_werking"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  EXPECT_NE(e.message().find("nog een ontwerp"), std::string::npos) << e.fullText();

  run("document.status", R"({"version_id": "v1", "status": "voorgelegd", "date": "2021-01-10"})");
  approve("v1", "a-oudenaarde", "2021-02-10");
  approve("v1", "a-ronse", "2021-02-11", "verworpen");
  auto before = state();
  e = fails("document.status", R"({"version_id": "v1", "status": "in_werking"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  const std::string m = e.message();
  EXPECT_NE(m.find("alleen een goedgekeurde versie treedt in werking"), std::string::npos) << m;
  EXPECT_NE(m.find("op 1 maart 2021 ontbreekt nog de goedkeuring van gemeenteraad van Kluisbergen (nog geen besluit), "
                   "gemeenteraad van Ronse (verworpen)"),
            std::string::npos)
      << m;
  EXPECT_EQ(m.find("Oudenaarde"), std::string::npos) << "Oudenaarde approved: " << m;
  // Approving ahead of the councils names them too.
  e = fails("document.status", R"({"version_id": "v1", "status": "goedgekeurd", "date": "2021-02-12"})");
  EXPECT_NE(e.message().find("2 goedkeuring(en) ontbreken nog: gemeenteraad van Kluisbergen (nog geen besluit), "
                             "gemeenteraad van Ronse (verworpen)"),
            std::string::npos)
      << e.fullText();
  EXPECT_EQ(state(), before);
}
