// The statuten pages (web/GovernanceForms.cpp, GovernanceCompare.cpp,
// GovernancePage.cpp) through web::Site against a real register made from the
// sample: upload a version (multipart/form-data), record decisions, change a
// status, the approvals matrix (missing apart from not needed), in force on a
// date, the comparison, errors next to their field with what was typed kept,
// nothing half done, the actor in the journal, and roles and CSRF.
#include "../governance/GovFixture.hpp"
#include "MultipartBody.hpp"
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "ops/Session.hpp"
#include "tests/support/SampleRegister.hpp"
#include "tests/support/Scratch.hpp"
#include "web/Site.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace igsgov;
using namespace igsgov::web;

namespace {

const std::string kIgs = "igs-cultuur-va";
const std::string kBase = "/intranet/igs/igs-cultuur-va/statuten";

using igsgov::testing::multipart;
using igsgov::testing::multipartType;
using igsgov::testing::Part;

class StatutenPagesTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = igsgov::testing::scratchDir(
        "web", "statuten-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    session_ = std::make_unique<ops::Session>(igsgov::testing::newSampleRegister(dir_.string()), false);
    for (const char* role : {"directeur", "auditor"}) {
      run("account.create", R"({"id": "a-)" + std::string(role) + R"(", "display_name": "Gebruiker )" + role +
                                R"(", "password": "wachtwoord-van-)" + role + R"("})");
      run("account.grant", R"({"id": "a-)" + std::string(role) + R"(", "role": ")" + role + R"(", "cooperation": "*"})");
    }
    SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
    options.maxUploadBytes = 64 * 1024;
    site_ = std::make_unique<Site>(*session_, options);
  }

  JsonObject run(const std::string& op, const std::string& json) {
    return session_->execute(op, parseJsonObject(json), ops::Caller{});
  }
  Response get(const std::string& path, const std::string& cookie, const std::string& query = "") {
    return site_->handle(Request{"GET", path, query, cookie, "", ""});
  }
  Response postForm(const std::string& path, const std::string& body, const std::string& cookie) {
    return site_->handle(Request{"POST", path, "", cookie, "application/x-www-form-urlencoded", body});
  }
  Response postMultipart(const std::string& path, const std::vector<Part>& parts, const std::string& cookie) {
    return site_->handle(
        Request{"POST", path, "", cookie, multipartType(), multipart(parts)});
  }
  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }
  static std::string csrfOf(const std::string& html) {
    auto p = html.find("name=\"csrf\" value=\"");
    if (p == std::string::npos) return "";
    p += 19;
    return html.substr(p, html.find('"', p) - p);
  }
  // Signs in as a-<role>; sets csrf_ to the session's token.
  std::string login(const std::string& role) {
    auto form = get("/intranet/aanmelden", "");
    std::string set = header(form, "Set-Cookie");
    auto r = postForm("/intranet/aanmelden",
                      "csrf=" + csrfOf(form.body) + "&naam=a-" + role + "&wachtwoord=wachtwoord-van-" + role,
                      set.substr(0, set.find(';')));
    EXPECT_EQ(r.status, 303);
    std::string cookie = header(r, "Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    csrf_ = csrfOf(get("/intranet/igs", cookie).body);
    return cookie;
  }
  std::size_t storedFiles() { return run("document.verify-files", "{}")->getValue<std::size_t>("files"); }
  JsonArray versions() {
    return run("document.history", R"({"document": "va-statuten"})")->getArray("versions");
  }
  // Uploads v2 of va-statuten (submitted, in force from 2026-07-01) through the page.
  Response uploadV2(const std::string& cookie, const std::string& bytes) {
    return postMultipart(kBase + "/va-statuten/versie",
                         {{"csrf", csrf_},
                          {"label", "statutenwijziging 2026"},
                          {"bestand", bytes, "statuten-2026.docx", true},
                          {"status", "voorgelegd"},
                          {"voorgelegd", "2026-03-01"},
                          {"inwerking", "2026-07-01"}},
                         cookie);
  }
  std::vector<std::string> members() {
    std::vector<std::string> out;
    auto c = run("cooperation.show", R"({"id": "igs-cultuur-va"})")->getArray("members");
    for (std::size_t i = 0; i < c->size(); ++i) out.push_back(c->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    return out;
  }
  Response decide(const std::string& cookie, const std::string& version, const std::string& member,
                  const std::string& date = "2026-04-20") {
    return postForm(kBase + "/versies/" + version + "/besluit",
                    "csrf=" + csrf_ + "&deelnemer=" + member + "&raad=gemeenteraad&datum=" + date +
                        "&uitkomst=goedgekeurd&referentie=GR%2F2026%2F" + member.substr(member.size() - 2) +
                        "&uri=https%3A%2F%2Fpubliek.example%2Fbesluit%2F" + member,
                    cookie);
  }

  std::filesystem::path dir_;
  std::unique_ptr<ops::Session> session_;
  std::unique_ptr<Site> site_;
  std::string csrf_;
  const std::string docx_ = igsgov::testing::docxOf({"Artikel 1. Naam.", "Artikel 2. Zetel in Oudenaarde.", "Artikel 3. Duur."});
};

}  // namespace

TEST_F(StatutenPagesTest, ADirecteurUploadsAVersionAsTheSignedInAccount) {
  std::string cookie = login("directeur");
  auto page = get(kBase, cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"" + kBase + "/va-statuten/versie\""), std::string::npos) << "upload offered";
  auto form = get(kBase + "/va-statuten/versie", cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  std::size_t before = storedFiles();
  auto r = uploadV2(cookie, docx_);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header(r, "Location"), kBase + "?gedaan=versie#doc-va-statuten");
  EXPECT_EQ(storedFiles(), before + 1);
  auto v = versions();
  auto last = v->getObject(static_cast<unsigned>(v->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("label"), "statutenwijziging 2026");
  EXPECT_EQ(last->getValue<std::string>("file_name"), "statuten-2026.docx");
  EXPECT_EQ(last->getValue<std::string>("status"), "voorgelegd");
  EXPECT_EQ(last->getValue<std::string>("effective_from"), "2026-07-01");
  EXPECT_EQ(last->getArray("changes")->getObject(0)->getValue<std::string>("by"), "a-directeur");
  auto done = get(kBase, cookie, "gedaan=versie");
  EXPECT_NE(done.body.find("De nieuwe versie is opgeladen en geregistreerd."), std::string::npos);
}

TEST_F(StatutenPagesTest, ARefusedUploadKeepsWhatWasTypedShowsTheErrorAtItsFieldAndStoresNothing) {
  std::string cookie = login("directeur");
  std::size_t before = storedFiles();
  std::size_t versionsBefore = versions()->size();
  // Not a DOCX, ODT or PDF, whatever its name says.
  auto r = postMultipart(kBase + "/va-statuten/versie",
                         {{"csrf", csrf_}, {"label", "mijn <label>"}, {"bestand", "gewoon tekst", "statuten.pdf", true},
                          {"status", "ontwerp"}, {"voorgelegd", ""}, {"inwerking", "2026-07-01"}},
                         cookie);
  EXPECT_EQ(r.status, 422);
  auto err = r.body.find("id=\"bestand-fout\"");
  ASSERT_NE(err, std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"mijn &lt;label&gt;\""), std::string::npos) << "the label typed stays, escaped";
  EXPECT_NE(r.body.find("value=\"2026-07-01\""), std::string::npos);
  // A good file whose registration is refused (a date that does not exist): no stored file either.
  auto bad = postMultipart(kBase + "/va-statuten/versie",
                           {{"csrf", csrf_}, {"label", "v2"}, {"bestand", docx_, "v2.docx", true}, {"status", "voorgelegd"},
                            {"voorgelegd", "2026-02-30"}, {"inwerking", ""}},
                           cookie);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"voorgelegd-fout\""), std::string::npos) << bad.body;
  // Refused by the operation itself (submitted but no submission date): its Place names the field.
  auto refused = postMultipart(kBase + "/va-statuten/versie",
                               {{"csrf", csrf_}, {"label", ""}, {"bestand", docx_, "v2.docx", true}, {"status", "voorgelegd"},
                                {"voorgelegd", ""}, {"inwerking", ""}},
                               cookie);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("field-error"), std::string::npos) << refused.body;
  EXPECT_EQ(storedFiles(), before) << "a refused registration leaves no stored file";
  EXPECT_EQ(versions()->size(), versionsBefore);
}

TEST_F(StatutenPagesTest, AFileOverTheCapIsRefusedAtItsFieldInDutch) {
  std::string cookie = login("directeur");
  std::string big = docx_ + std::string(70 * 1024, 'x');
  auto r = uploadV2(cookie, big);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Het bestand is te groot"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("hoogstens 0,1 MiB"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"statutenwijziging 2026\""), std::string::npos);
}

TEST_F(StatutenPagesTest, MatrixShowsMissingApartFromNotNeededAndV2InForceOnceComplete) {
  std::string cookie = login("directeur");
  ASSERT_EQ(uploadV2(cookie, docx_).status, 303);
  std::string v2 = versions()->getObject(static_cast<unsigned>(versions()->size() - 1))->getValue<std::string>("id");
  auto all = members();
  ASSERT_GE(all.size(), 2u);
  for (std::size_t i = 0; i + 1 < all.size(); ++i) ASSERT_EQ(decide(cookie, v2, all[i]).status, 303) << all[i];
  auto countMissing = [](const std::string& html) {
    std::size_t n = 0;
    for (auto p = html.find("<td class=\"cell-ontbreekt\">"); p != std::string::npos;
         p = html.find("<td class=\"cell-ontbreekt\">", p + 1))
      ++n;
    return n;
  };
  auto page = get(kBase, cookie, "datum=2026-08-01");
  ASSERT_EQ(page.status, 200);
  std::size_t missing = countMissing(page.body);  // v2's one, and those of the sample's pending version
  EXPECT_GE(missing, 1u);
  EXPECT_NE(page.body.find("<td class=\"cell-ontbreekt\"><strong>ontbreekt</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("/versies/" + v2 + "/besluit?deelnemer=" + all.back()), std::string::npos);
  EXPECT_NE(page.body.find("(geldt niet op 1 augustus 2026)"), std::string::npos);
  EXPECT_NE(page.body.find("<strong class=\"in-force\">statuten bij de oprichting</strong>"), std::string::npos);
  ASSERT_EQ(decide(cookie, v2, all.back()).status, 303);
  page = get(kBase, cookie, "datum=2026-08-01");
  EXPECT_EQ(countMissing(page.body), missing - 1);
  EXPECT_NE(page.body.find("<strong class=\"in-force\">statutenwijziging 2026</strong>"), std::string::npos);
  auto before = get(kBase, cookie, "datum=2026-06-30");
  EXPECT_NE(before.body.find("<strong class=\"in-force\">statuten bij de oprichting</strong>"), std::string::npos)
      << "v2 is in force from its date, not before";
  // Not needed: a document of igs-rupel, whose statuten the beheerscomité approves (sample rule).
  run("document.create", R"({"id": "rupel-st", "cooperation": "igs-rupel", "kind": "statuten"})");
  run("document.add-version", R"({"id": "rupel-st-1", "document": "rupel-st", "label": "v1", "status": "voorgelegd",
      "submitted": "2026-01-10", "content_base64": ")" + igsgov::base64Encode(docx_) + R"("})");
  auto rupel = get("/intranet/igs/igs-rupel/statuten", cookie);
  EXPECT_NE(rupel.body.find("<td class=\"cell-niet-vereist\">niet vereist"), std::string::npos) << rupel.body;
  EXPECT_EQ(countMissing(rupel.body), 1u) << "the organ's approval is missing";
}

TEST_F(StatutenPagesTest, ADecisionFormErrorSitsAtItsFieldAndKeepsTheInput) {
  std::string cookie = login("directeur");
  ASSERT_EQ(uploadV2(cookie, docx_).status, 303);
  std::string v2 = versions()->getObject(static_cast<unsigned>(versions()->size() - 1))->getValue<std::string>("id");
  auto form = get(kBase + "/versies/" + v2 + "/besluit", cookie, "deelnemer=" + members()[0]);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"" + members()[0] + "\" selected"), std::string::npos);
  auto r = postForm(kBase + "/versies/" + v2 + "/besluit",
                    "csrf=" + csrf_ + "&deelnemer=igs-rupel-11018&raad=gemeenteraad&datum=2026-04-20&uitkomst=goedgekeurd"
                    "&referentie=GR%2F1&uri=",
                    cookie);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"deelnemer-fout\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"GR/1\""), std::string::npos);
  auto noDate = postForm(kBase + "/versies/" + v2 + "/besluit",
                         "csrf=" + csrf_ + "&deelnemer=&raad=gemeenteraad&datum=&uitkomst=goedgekeurd&referentie=&uri=",
                         cookie);
  EXPECT_EQ(noDate.status, 422);
  EXPECT_NE(noDate.body.find("id=\"datum-fout\""), std::string::npos);
}

TEST_F(StatutenPagesTest, ComparePageMarksChangesInWordsAndTags) {
  std::string cookie = login("directeur");
  ASSERT_EQ(uploadV2(cookie, docx_).status, 303);
  auto v = versions();
  std::string v1 = v->getObject(0)->getValue<std::string>("id");
  std::string v2 = v->getObject(static_cast<unsigned>(v->size() - 1))->getValue<std::string>("id");
  auto r = get(kBase + "/vergelijk", cookie, "van=" + v1 + "&naar=" + v2);
  ASSERT_EQ(r.status, 200) << r.body;
  auto cli = run("document.compare", R"({"from": ")" + v1 + R"(", "to": ")" + v2 + R"("})");
  EXPECT_NE(r.body.find(std::to_string(cli->getValue<int>("added")) + " toegevoegd"), std::string::npos);
  if (cli->getValue<int>("removed") > 0) {
    EXPECT_NE(r.body.find("Geschrapt: paragraaf"), std::string::npos);
  }
  if (cli->getValue<int>("added") > 0) {
    EXPECT_NE(r.body.find("Toegevoegd: paragraaf"), std::string::npos);
  }
  if (cli->getValue<int>("changed") > 0) {
    EXPECT_NE(r.body.find("Was:</span> <del>"), std::string::npos);
  }
  EXPECT_NE(r.body.find("<ins>"), std::string::npos);
  // A version of another IGS is not found here.
  run("document.create", R"({"id": "rupel-st", "cooperation": "igs-rupel", "kind": "statuten"})");
  run("document.add-version", R"({"id": "rupel-st-1", "document": "rupel-st", "label": "v1", "content_base64": ")" +
                                  igsgov::base64Encode(docx_) + R"("})");
  auto other = get(kBase + "/vergelijk", cookie, "van=" + v1 + "&naar=rupel-st-1");
  EXPECT_EQ(other.status, 422);
  EXPECT_NE(other.body.find("id=\"naar-fout\""), std::string::npos);
  EXPECT_EQ(get(kBase + "/versies/rupel-st-1/besluit", cookie).status, 404);
  EXPECT_EQ(get("/intranet/igs/igs-cultuur-va/statuten/rupel-st/versie", cookie).status, 404);
}

TEST_F(StatutenPagesTest, StatusAndNewDocumentThroughTheirForms) {
  std::string cookie = login("directeur");
  ASSERT_EQ(uploadV2(cookie, docx_).status, 303);
  std::string v2 = versions()->getObject(static_cast<unsigned>(versions()->size() - 1))->getValue<std::string>("id");
  // in_werking without complete approvals: refused, the message names who is missing.
  auto r = postForm(kBase + "/versies/" + v2 + "/status", "csrf=" + csrf_ + "&status=in_werking&datum=2026-07-01&reden=",
                    cookie);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("ontbreekt"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"2026-07-01\""), std::string::npos);
  auto doc = postForm(kBase + "/nieuw", "csrf=" + csrf_ + "&soort=intern_reglement&titel=Intern+reglement+VA", cookie);
  ASSERT_EQ(doc.status, 303) << doc.body;
  auto list = run("document.list", R"({"cooperation": "igs-cultuur-va"})")->getArray("documents");
  bool found = false;
  for (std::size_t i = 0; i < list->size(); ++i)
    found = found || list->getObject(static_cast<unsigned>(i))->getValue<std::string>("title") == "Intern reglement VA";
  EXPECT_TRUE(found);
  auto none = postForm(kBase + "/nieuw", "csrf=" + csrf_ + "&soort=&titel=x", cookie);
  EXPECT_EQ(none.status, 422);
  EXPECT_NE(none.body.find("id=\"soort-fout\""), std::string::npos);
}

TEST_F(StatutenPagesTest, AnAuditorIsOfferedNoFormAndAForgedPostIsRefused) {
  std::string auditor = login("auditor");
  auto page = get(kBase, auditor);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("/versie\""), std::string::npos);
  EXPECT_EQ(page.body.find("/besluit"), std::string::npos);
  EXPECT_EQ(page.body.find("/nieuw"), std::string::npos);
  EXPECT_EQ(get(kBase + "/va-statuten/versie", auditor).status, 403);
  std::size_t before = storedFiles(), versionsBefore = versions()->size();
  EXPECT_EQ(uploadV2(auditor, docx_).status, 403) << "with the auditor's own valid CSRF token";
  // A directeur's browser made to post from elsewhere: no or a wrong token.
  std::string directeur = login("directeur");
  csrf_ = "";
  EXPECT_EQ(uploadV2(directeur, docx_).status, 403);
  csrf_ = std::string(64, 'a');
  EXPECT_EQ(uploadV2(directeur, docx_).status, 403);
  EXPECT_EQ(decide(directeur, "va-statuten-2021", members()[0]).status, 403);
  EXPECT_EQ(storedFiles(), before);
  EXPECT_EQ(versions()->size(), versionsBefore);
}

TEST_F(StatutenPagesTest, ACorrectionNeedsAReasonAndSendsOnlyWhatChanged) {
  std::string cookie = login("directeur");
  ASSERT_EQ(uploadV2(cookie, docx_).status, 303);
  std::string v2 = versions()->getObject(static_cast<unsigned>(versions()->size() - 1))->getValue<std::string>("id");
  std::string path = kBase + "/versies/" + v2 + "/verbeteren";
  auto form = get(path, cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("value=\"2026-07-01\""), std::string::npos) << "starts from the registered dates";
  auto noReason = postForm(path, "csrf=" + csrf_ + "&label=statutenwijziging+2026&voorgelegd=2026-03-01&inwerking=2026-09-01&reden=",
                           cookie);
  EXPECT_EQ(noReason.status, 422);
  EXPECT_NE(noReason.body.find("id=\"reden-fout\""), std::string::npos) << noReason.body;
  EXPECT_NE(noReason.body.find("value=\"2026-09-01\""), std::string::npos);
  auto same = postForm(path, "csrf=" + csrf_ + "&label=statutenwijziging+2026&voorgelegd=2026-03-01&inwerking=2026-07-01&reden=x",
                       cookie);
  EXPECT_EQ(same.status, 422);
  EXPECT_NE(same.body.find("Er is niets gewijzigd."), std::string::npos);
  auto ok = postForm(path, "csrf=" + csrf_ + "&label=statutenwijziging+2026&voorgelegd=2026-03-01&inwerking=2026-09-01"
                           "&reden=tikfout+in+de+datum",
                     cookie);
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto v = versions();
  auto last = v->getObject(static_cast<unsigned>(v->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("effective_from"), "2026-09-01");
  auto changes = last->getArray("changes");
  auto correction = changes->getObject(static_cast<unsigned>(changes->size() - 1));
  EXPECT_EQ(correction->getValue<std::string>("kind"), "correction");
  EXPECT_EQ(correction->getValue<std::string>("reason"), "tikfout in de datum");
  EXPECT_EQ(correction->getValue<std::string>("by"), "a-directeur");
}

TEST_F(StatutenPagesTest, ASecretariaatOfAnotherIgsGetsNoFormHere) {
  run("account.create", R"({"id": "a-sec-rupel", "display_name": "Secretariaat Rupel", "password": "wachtwoord-van-sec-rupel"})");
  run("account.grant", R"({"id": "a-sec-rupel", "role": "secretariaat", "cooperation": "igs-rupel"})");
  std::string cookie = login("sec-rupel");
  EXPECT_EQ(get(kBase + "/va-statuten/versie", cookie).status, 403);
  std::size_t before = versions()->size();
  EXPECT_EQ(uploadV2(cookie, docx_).status, 403) << "with its own valid CSRF token";
  EXPECT_EQ(decide(cookie, "va-statuten-2021", members()[0]).status, 403);
  EXPECT_EQ(versions()->size(), before);
  // On its own IGS it may.
  auto own = get("/intranet/igs/igs-rupel/statuten", cookie);
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("/intranet/igs/igs-rupel/statuten/nieuw"), std::string::npos);
}
