// web::Site against a real register (made through the catalogue, sample
// imported, one personal account per role for every cooperation and some for
// one cooperation): password login, sessions, CSRF, roles per cooperation,
// status codes and escaping, without an HTTP server (the end-to-end test in
// tests/integration/pages drives igsgovd in Chromium).
#include "SiteFixture.hpp"
#include "core/TimeZone.hpp"

#include <fstream>
#include <iterator>

TEST_F(SiteTest, WrongPasswordShowsDutchErrorOnLoginPage) {
  for (const auto& [name, pw] : std::vector<std::pair<std::string, std::string>>{
           {"a-auditor", "verkeerd-wachtwoord"}, {"niemand", "verkeerd-wachtwoord"}, {"t-beheerder", tokenSecret_}}) {
    auto r = postLogin(name, pw);
    EXPECT_EQ(r.status, 401) << name;
    EXPECT_NE(r.body.find("Onbekende gebruikersnaam of verkeerd wachtwoord"), std::string::npos) << name;
    EXPECT_NE(r.body.find("value=\"" + name + "\""), std::string::npos) << "the name typed stays";
    for (const auto& [header, value] : r.headers)  // only a fresh login form token, no session
      EXPECT_NE(value.rfind(std::string(kSessionCookie) + "=", 0), 0u) << value;
  }
  auto empty = postLogin("a-auditor", "");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Geef uw wachtwoord in"), std::string::npos);
}

TEST_F(SiteTest, PagesNeedLoginAndExpiredSessionSaysSo) {
  auto r = get("/intranet/igs");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/intranet/aanmelden");
  auto stale = get("/intranet/igs", "igsgov_sessie=" + std::string(64, 'a'));
  EXPECT_EQ(header(stale, "Location"), "/intranet/aanmelden?verlopen=1");
  auto page = get("/intranet/aanmelden", "", "verlopen=1");
  EXPECT_NE(page.body.find("Uw sessie is verlopen"), std::string::npos);
}

TEST_F(SiteTest, ListAfterLoginAndLogoutNeedsCsrf) {
  std::string cookie = login("secretariaat");
  auto list = get("/intranet/igs", cookie);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("Erfgoed Rupelstreek (voorbeeld)"), std::string::npos);
  EXPECT_NE(list.body.find("Gebruiker a-secretariaat"), std::string::npos);
  std::string csrf = csrfOf(list.body);
  ASSERT_EQ(csrf.size(), 64u);
  EXPECT_EQ(post("/intranet/afmelden", "csrf=wrong", cookie).status, 403);
  EXPECT_EQ(get("/intranet/igs", cookie).status, 200);  // still signed in
  auto out = post("/intranet/afmelden", "csrf=" + csrf, cookie);
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs", cookie).status, 303);
}

TEST_F(SiteTest, PasswordResetDisablingAndGrantsApplyAtTheNextRequest) {
  std::string cookie = login("directeur");
  ASSERT_EQ(get("/intranet/igs", cookie).status, 200);
  execute("account.password", R"({"id":"a-directeur","password":"een-nieuw-wachtwoord"})");
  EXPECT_EQ(get("/intranet/igs", cookie).status, 303);
  EXPECT_EQ(postLogin("a-directeur", password("a-directeur")).status, 401);

  cookie = login("auditor");
  execute("account.change", R"({"id":"a-auditor","disabled":true})");
  EXPECT_EQ(get("/intranet/igs", cookie).status, 303);

  cookie = login("sec-rupel");
  EXPECT_EQ(get("/intranet/igs/igs-noordrand", cookie).status, 403);
  execute("account.grant", R"({"id":"sec-rupel","role":"auditor","cooperation":"igs-noordrand"})");
  EXPECT_EQ(get("/intranet/igs/igs-noordrand", cookie).status, 200);
}

// Roles per cooperation on the pages: a secretariaat of one IGS sees and
// changes only that IGS; with an auditor role for another IGS it reads that
// one without forms, and a forged POST there is refused.
TEST_F(SiteTest, RolesPerCooperationOnThePages) {
  std::string own = login("sec-rupel");
  auto list = get("/intranet/igs", own);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("Erfgoed Rupelstreek"), std::string::npos);
  EXPECT_EQ(list.body.find("/intranet/igs/igs-noordrand"), std::string::npos) << "another IGS is listed";
  EXPECT_EQ(get("/intranet/igs/igs-noordrand", own).status, 403);
  EXPECT_EQ(get("/intranet/igs/igs-noordrand/documenten", own).status, 403);
  auto docs = get("/intranet/igs/igs-rupel/documenten", own);
  ASSERT_EQ(docs.status, 200);
  EXPECT_NE(docs.body.find("name=\"sjabloon\""), std::string::npos) << "its own IGS has the form";
  std::string csrf = csrfOf(docs.body);
  auto forged = post("/intranet/igs/igs-noordrand/documenten",
                     "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01", own);
  EXPECT_EQ(forged.status, 403);

  std::string mixed = login("gemengd");
  auto other = get("/intranet/igs/igs-cultuur-va/bevindingen", mixed);
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_EQ(other.body.find("name=\"reden\""), std::string::npos) << "an auditor there gets no form";
  auto otherDocs = get("/intranet/igs/igs-cultuur-va/documenten", mixed);
  ASSERT_EQ(otherDocs.status, 200);
  EXPECT_EQ(otherDocs.body.find("name=\"sjabloon\""), std::string::npos);
  csrf = csrfOf(otherDocs.body);
  EXPECT_EQ(post("/intranet/igs/igs-cultuur-va/bevindingen/erkennen", "csrf=" + csrf + "&key=x&reden=y", mixed).status,
            403);
  EXPECT_EQ(post("/intranet/igs/igs-cultuur-va/documenten",
                 "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01", mixed)
                .status,
            403);
  EXPECT_NE(get("/intranet/igs/igs-rupel/documenten", mixed).body.find("name=\"sjabloon\""), std::string::npos);
}

TEST_F(SiteTest, StatusCodes) {
  std::string cookie = login("auditor");
  auto unknown = get("/intranet/igs/bestaat-niet", cookie);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("bestaat-niet"), std::string::npos);
  auto badDate = get("/intranet/igs/igs-rupel/samenstelling", cookie, "datum=2023-02-30");
  EXPECT_EQ(badDate.status, 400);
  EXPECT_NE(badDate.body.find("geen geldige datum"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs/igs-rupel/onbekend", cookie).status, 404);
  auto wrongMethod = post("/intranet/igs/igs-rupel/samenstelling", "", cookie);
  EXPECT_EQ(wrongMethod.status, 405);
  EXPECT_EQ(header(wrongMethod, "Allow"), "GET");
}

// Login CSRF: a login form posted from elsewhere lacks the form's own cookie.
TEST_F(SiteTest, LoginNeedsTheFormsOwnTokenAndCookie) {
  const std::string token = "naam=a-beheerder&wachtwoord=" + password("a-beheerder");
  auto noCookie = post("/intranet/aanmelden", token);
  EXPECT_EQ(noCookie.status, 403);
  EXPECT_NE(noCookie.body.find("aanmeldformulier is verlopen"), std::string::npos) << noCookie.body;
  auto form = get("/intranet/aanmelden");
  std::string set = header(form, "Set-Cookie");
  ASSERT_EQ(set.rfind(std::string(kLoginCookie) + "=", 0), 0u) << set;
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
  std::string cookie = set.substr(0, set.find(';'));
  std::string csrf = csrfOf(form.body);
  ASSERT_EQ(csrf.size(), 64u);
  auto wrong = post("/intranet/aanmelden", "csrf=" + std::string(64, 'a') + "&" + token, cookie);
  EXPECT_EQ(wrong.status, 403);
  auto noField = post("/intranet/aanmelden", token, cookie);
  EXPECT_EQ(noField.status, 403);
  for (const auto* refused : {&noCookie, &wrong, &noField})
    for (const auto& [name, value] : refused->headers)
      EXPECT_NE(value.rfind(std::string(kSessionCookie) + "=", 0), 0u) << "a refused login made a session";
  auto ok = post("/intranet/aanmelden", "csrf=" + csrf + "&" + token, cookie);
  EXPECT_EQ(ok.status, 303);
  bool cleared = false;
  for (const auto& [name, value] : ok.headers)
    cleared = cleared || (value.rfind(std::string(kLoginCookie) + "=;", 0) == 0 && value.find("Max-Age=0") != std::string::npos);
  EXPECT_TRUE(cleared) << "the used login token stays in the browser";
}

TEST_F(SiteTest, AuditorGetsNoFormsAnd403OnPost) {
  std::string cookie = login("auditor");
  auto docs = get("/intranet/igs/igs-rupel/documenten", cookie);
  ASSERT_EQ(docs.status, 200) << docs.body;
  EXPECT_EQ(docs.body.find("name=\"sjabloon\""), std::string::npos);
  auto findings = get("/intranet/igs/igs-cultuur-va/bevindingen", cookie);
  ASSERT_EQ(findings.status, 200) << findings.body;
  EXPECT_EQ(findings.body.find("name=\"reden\""), std::string::npos);
  std::string csrf = csrfOf(docs.body);
  auto gen = post("/intranet/igs/igs-rupel/documenten",
                  "csrf=" + csrf + "&sjabloon=statuten&formaat=docx&deelnemer=&datum=2026-01-01", cookie);
  EXPECT_EQ(gen.status, 403);
  auto ack = post("/intranet/igs/igs-cultuur-va/bevindingen/erkennen", "csrf=" + csrf + "&key=x&reden=y", cookie);
  EXPECT_EQ(ack.status, 403);
}

TEST_F(SiteTest, PostWithoutCsrfIsRefusedAndChangesNothing) {
  std::string cookie = login("beheerder");
  auto before = get("/intranet/igs/igs-rupel/documenten", cookie);
  auto r = post("/intranet/igs/igs-rupel/documenten", "sjabloon=statuten&formaat=docx", cookie);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("CSRF"), std::string::npos);
  auto after = get("/intranet/igs/igs-rupel/documenten", cookie);
  EXPECT_NE(after.body.find("Nog geen documenten gemaakt"), std::string::npos);
}

TEST_F(SiteTest, GenerateDownloadsAndRefusesPaths) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get("/intranet/igs/igs-rupel/documenten", cookie).body);
  auto r = post("/intranet/igs/igs-rupel/documenten",
                "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01", cookie);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(header(r, "Content-Disposition").find("attachment; filename=\"samenstelling_igs-rupel"), std::string::npos);
  EXPECT_NE(r.body.find("Beheerscomit"), std::string::npos);
  auto path = post("/intranet/igs/igs-rupel/documenten",
                   "csrf=" + csrf + "&sjabloon=%2Fetc%2Fpasswd&formaat=html", cookie);
  EXPECT_EQ(path.status, 400);
  EXPECT_NE(path.body.find("onbekend sjabloon"), std::string::npos);
  EXPECT_NE(get("/intranet/igs/igs-rupel/documenten", cookie).body.find("samenstelling"), std::string::npos);
}

// The register points at the generated file, so it must stay where it was
// written (sync pushes it from there): under the documents folder, same bytes.
TEST_F(SiteTest, GeneratedDocumentIsKeptWhereTheRegisterSaysItIs) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get("/intranet/igs/igs-rupel/documenten", cookie).body);
  std::string form = "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01";
  auto first = post("/intranet/igs/igs-rupel/documenten", form, cookie);
  auto second = post("/intranet/igs/igs-rupel/documenten", form, cookie);
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(second.status, 200) << second.body;
  auto in = newObject();
  in->set("cooperation", std::string("igs-rupel"));
  auto docs = session_->execute("documents.list", in, ops::Caller{})->getArray("documents");
  ASSERT_EQ(docs->size(), 2u);
  std::set<std::string> folders, contents;
  for (std::size_t i = 0; i < docs->size(); ++i) {
    std::filesystem::path path = docs->getObject(static_cast<unsigned>(i))->getValue<std::string>("path");
    ASSERT_TRUE(std::filesystem::is_regular_file(path)) << path;
    EXPECT_EQ(path.parent_path().parent_path(), dir_ / "documenten");
    EXPECT_EQ(path.parent_path().filename().string().rfind("igs-rupel-", 0), 0u) << path;
    std::ifstream file(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(bytes == first.body || bytes == second.body) << path;  // each names its journal position
    folders.insert(path.parent_path().string());
    contents.insert(bytes);
  }
  EXPECT_EQ(folders.size(), 2u) << "two generations share a folder";
  EXPECT_EQ(contents.size(), 2u) << "one download has no file behind it";
}

TEST_F(SiteTest, WithoutADocumentsFolderGeneratingIsRefusedAndChangesNothing) {
  site_ = std::make_unique<Site>(*session_, SiteOptions{false, "test", {}, ""});
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get("/intranet/igs/igs-rupel/documenten", cookie).body);
  auto r = post("/intranet/igs/igs-rupel/documenten",
                "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01", cookie);
  EXPECT_EQ(r.status, 501);
  EXPECT_NE(r.body.find("geen map ingesteld"), std::string::npos) << r.body;
  EXPECT_NE(get("/intranet/igs/igs-rupel/documenten", cookie).body.find("Nog geen documenten gemaakt"),
            std::string::npos);
}

TEST_F(SiteTest, EscapesRegisterText) {
  auto in = newObject();
  in->set("id", std::string("igs-x"));
  in->set("name", std::string("<script>alert(\"x\")</script> & co"));
  in->set("legal_form", std::string("projectvereniging"));
  in->set("domain", std::string("cultuur"));
  in->set("founded", std::string("2024-01-01"));
  in->set("term_end", std::string("2029-12-31"));
  session_->execute("cooperation.create", in, ops::Caller{});
  std::string cookie = login("auditor");
  auto page = get("/intranet/igs/igs-x", cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"), std::string::npos);
}

TEST_F(SiteTest, CompositionAsKnownAtAnEarlierMoment) {
  std::string cookie = login("auditor");
  auto now = get("/intranet/igs/igs-rupel/samenstelling", cookie, "orgaan=igs-rupel-bc&datum=2026-01-01");
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_NE(now.body.find("<tbody>"), std::string::npos);
  // Before the sample was imported the register did not know the body: a note, no rows, no error status.
  auto before = get("/intranet/igs/igs-rupel/samenstelling", cookie,
                    "orgaan=igs-rupel-bc&datum=2026-01-01&gekend_op=2000-01-01T00%3A00");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_NE(before.body.find("nog niet geregistreerd"), std::string::npos);
  EXPECT_EQ(before.body.find("<tbody>"), std::string::npos);
  auto bad = get("/intranet/igs/igs-rupel/samenstelling", cookie, "gekend_op=gisteren");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("geen geldig tijdstip"), std::string::npos);
}

// The intranet never names a server folder itself; the deadlines page uses the
// calendar folder the service is configured with (SiteOptions::files, igsgovd "files").
TEST_F(SiteTest, DeadlinesUseTheServiceCalendarFolder) {
  std::filesystem::create_directories(dir_ / "kalender");
  std::ofstream(dir_ / "kalender" / "proef.json")
      << R"({"calendar": "proef", "title": "Proef", "applies_to": {"all": true}, "events": [
            {"id": "proef", "date": "2026-06-15", "title": "Proeftermijn uit de dienstkalender", "verified": true}]})";
  SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
  options.files = {{"calendar_dir", (dir_ / "kalender").string()}};
  site_ = std::make_unique<Site>(*session_, options);
  std::string cookie = login("auditor");
  auto page = get("/intranet/igs/igs-rupel/termijnen", cookie, "van=2026-01-01&tot=2026-12-31");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Proeftermijn uit de dienstkalender"), std::string::npos);
}

// Issue 18: the findings page offers the auditor's evidence pack, and the link gives the ZIP itself.
TEST_F(SiteTest, AuditorDownloadsTheEvidencePack) {
  std::string cookie = login("auditor");
  auto page = get("/intranet/igs/igs-cultuur-va/bevindingen", cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"/intranet/igs/igs-cultuur-va/bewijspakket\""), std::string::npos);
  EXPECT_NE(page.body.find("Bewijspakket downloaden (ZIP)"), std::string::npos);
  auto zip = get("/intranet/igs/igs-cultuur-va/bewijspakket", cookie, "van=2021-01-01&tot=2026-12-31");
  ASSERT_EQ(zip.status, 200) << zip.body.substr(0, 300);
  EXPECT_EQ(zip.contentType, "application/zip");
  EXPECT_NE(header(zip, "Content-Disposition").find("bewijspakket-igs-cultuur-va.zip"), std::string::npos);
  EXPECT_EQ(zip.body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(zip.body.find("MANIFEST.sha256"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs/nope/bewijspakket", cookie).status, 404);
  EXPECT_EQ(get("/intranet/igs/igs-cultuur-va/bewijspakket").status, 303);  // not signed in
}

TEST_F(SiteTest, OwnPasswordOnThePageEndsEverySessionOfTheAccount) {
  std::string cookie = login("secretariaat"), elsewhere = login("secretariaat");
  auto form = get("/intranet/wachtwoord", cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  std::string csrf = csrfOf(form.body);
  auto wrong = post("/intranet/wachtwoord", "csrf=" + csrf + "&huidig=fout-wachtwoord&nieuw=nieuw-wachtwoord-1&herhaling=nieuw-wachtwoord-1", cookie);
  EXPECT_NE(wrong.body.find("het huidige wachtwoord klopt niet"), std::string::npos) << wrong.body;
  EXPECT_NE(wrong.body.find("id=\"huidig\" name=\"huidig\" type=\"password\" autocomplete=\"current-password\" required aria-invalid=\"true\""),
            std::string::npos);
  auto differ = post("/intranet/wachtwoord", "csrf=" + csrf + "&huidig=" + password("a-secretariaat") +
                                                 "&nieuw=nieuw-wachtwoord-1&herhaling=nieuw-wachtwoord-2", cookie);
  EXPECT_NE(differ.body.find("verschillen"), std::string::npos);
  auto weak = post("/intranet/wachtwoord", "csrf=" + csrf + "&huidig=" + password("a-secretariaat") +
                                               "&nieuw=kort&herhaling=kort", cookie);
  EXPECT_NE(weak.body.find("te kort"), std::string::npos);
  EXPECT_EQ(post("/intranet/wachtwoord", "huidig=" + password("a-secretariaat") +
                                             "&nieuw=nieuw-wachtwoord-1&herhaling=nieuw-wachtwoord-1", cookie).status,
            403) << "no CSRF token";
  EXPECT_EQ(get("/intranet/igs", cookie).status, 200) << "nothing changed so far";
  auto ok = post("/intranet/wachtwoord", "csrf=" + csrf + "&huidig=" + password("a-secretariaat") +
                                             "&nieuw=nieuw-wachtwoord-1&herhaling=nieuw-wachtwoord-1", cookie);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(header(ok, "Location"), "/intranet/aanmelden?gewijzigd=1");
  EXPECT_NE(get("/intranet/aanmelden", "", "gewijzigd=1").body.find("Uw wachtwoord is gewijzigd"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs", cookie).status, 303);
  EXPECT_EQ(get("/intranet/igs", elsewhere).status, 303);
  EXPECT_EQ(postLogin("a-secretariaat", "nieuw-wachtwoord-1").status, 303);
}

// A beheerder for every cooperation manages accounts on the pages through the
// account.* operations; a generated password is shown once; nobody else (not
// even a beheerder of one cooperation) gets the page or may post to it.
TEST_F(SiteTest, ABeheerderManagesAccountsOnThePages) {
  std::string admin = login("beheerder");
  EXPECT_NE(get("/intranet/igs", admin).body.find("href=\"/intranet/accounts\""), std::string::npos);
  auto page = get("/intranet/accounts", admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("a-auditor"), std::string::npos);
  std::string csrf = csrfOf(page.body);

  auto bad = post("/intranet/accounts", "csrf=" + csrf + "&naam=met+spatie&volledige_naam=Nieuw+Lid", admin);
  ASSERT_EQ(bad.status, 200) << bad.body;
  EXPECT_NE(bad.body.find("ongeldige gebruikersnaam"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("value=\"met spatie\""), std::string::npos) << "the typed name stays";
  EXPECT_EQ(bad.body.find("class=\"secret\""), std::string::npos);

  auto made = post("/intranet/accounts", "csrf=" + csrf + "&naam=Nieuw.Lid&volledige_naam=Nieuw+Lid", admin);
  ASSERT_EQ(made.status, 200) << made.body;
  auto at = made.body.find("<code class=\"secret\">");
  ASSERT_NE(at, std::string::npos) << made.body;
  at += 21;
  std::string first = made.body.substr(at, made.body.find('<', at) - at);
  EXPECT_EQ(first.size(), 20u);
  EXPECT_EQ(get("/intranet/accounts", admin).body.find(first), std::string::npos) << "shown once";
  EXPECT_EQ(postLogin("nieuw.lid", first).status, 303);

  auto grant = post("/intranet/accounts/nieuw.lid",
                    "csrf=" + csrf + "&actie=rol&rol=auditor&samenwerkingsverband=igs-rupel", admin);
  EXPECT_NE(grant.body.find("Rol gegeven"), std::string::npos) << grant.body;
  auto r = postLogin("nieuw.lid", first);
  std::string member = header(r, "Set-Cookie").substr(0, header(r, "Set-Cookie").find(';'));
  EXPECT_EQ(get("/intranet/igs/igs-rupel", member).status, 200);
  EXPECT_EQ(get("/intranet/igs/igs-noordrand", member).status, 403);
  auto unknownCoop = post("/intranet/accounts/nieuw.lid",
                          "csrf=" + csrf + "&actie=rol&rol=auditor&samenwerkingsverband=igs-bestaat-niet", admin);
  EXPECT_NE(unknownCoop.body.find("onbekend samenwerkingsverband"), std::string::npos);

  auto reset = post("/intranet/accounts/nieuw.lid", "csrf=" + csrf + "&actie=wachtwoord", admin);
  at = reset.body.find("<code class=\"secret\">");
  ASSERT_NE(at, std::string::npos) << reset.body;
  at += 21;
  std::string second = reset.body.substr(at, reset.body.find('<', at) - at);
  EXPECT_NE(second, first);
  EXPECT_EQ(get("/intranet/igs/igs-rupel", member).status, 303) << "a reset ends the sessions";
  EXPECT_EQ(postLogin("nieuw.lid", first).status, 401);

  post("/intranet/accounts/nieuw.lid", "csrf=" + csrf + "&actie=uitschakelen&reden=uit+dienst", admin);
  EXPECT_EQ(postLogin("nieuw.lid", second).status, 401);
  EXPECT_NE(get("/intranet/accounts", admin).body.find("uitgeschakeld"), std::string::npos);
  EXPECT_EQ(post("/intranet/accounts/nieuw.lid", "actie=inschakelen", admin).status, 403) << "no CSRF token";

  for (const char* who : {"secretariaat", "beh-rupel"}) {
    std::string cookie = login(who);
    auto list = get("/intranet/igs", cookie);
    EXPECT_EQ(list.body.find("href=\"/intranet/accounts\""), std::string::npos) << who;
    EXPECT_EQ(get("/intranet/accounts", cookie).status, 403) << who;
    std::string theirs = csrfOf(list.body);
    EXPECT_EQ(post("/intranet/accounts", "csrf=" + theirs + "&naam=indringer&volledige_naam=X", cookie).status, 403)
        << who;
    EXPECT_EQ(post("/intranet/accounts/a-auditor", "csrf=" + theirs + "&actie=wachtwoord", cookie).status, 403) << who;
  }
  EXPECT_EQ(postLogin("a-auditor", password("a-auditor")).status, 303) << "the refused reset changed nothing";
}

TEST_F(SiteTest, OpenIdConnectWhereNoProviderAnswersOrNoLoginIsPending) {
  // Without providers: no OpenID section on the login page, the routes are 404.
  EXPECT_EQ(get("/intranet/aanmelden").body.find("Aanmelden met"), std::string::npos);
  EXPECT_EQ(get("/intranet/aanmelden/oidc/gemeente").status, 404);

  OidcProvider p;
  p.name = "gemeente";
  p.label = "Gemeente Voorbeeld";
  p.issuer = "http://127.0.0.1:1";  // nothing listens on port 1
  p.clientId = "igsgov";
  p.clientSecret = "geheim";
  p.redirectUri = "https://igsgov.voorbeeld.be/intranet/aanmelden/terug";
  p.timeoutSeconds = 5;
  OidcSignIn oidc({p});
  service::LoginThrottle throttle(service::ThrottleLimits{2, std::chrono::seconds(3600), 100});
  SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
  options.throttle = &throttle;
  options.oidc = &oidc;
  Site site(*session_, options);
  auto at = [&](const std::string& path, const std::string& query = "", const std::string& cookie = "") {
    return site.handle(Request{"GET", path, query, cookie, "", "", "127.0.0.9"});
  };
  EXPECT_NE(at("/intranet/aanmelden").body.find(
                "<a class=\"button\" href=\"/intranet/aanmelden/oidc/gemeente\">Aanmelden met Gemeente Voorbeeld</a>"),
            std::string::npos);
  EXPECT_EQ(at("/intranet/aanmelden/oidc/andere").status, 404);
  auto down = at("/intranet/aanmelden/oidc/gemeente");
  EXPECT_EQ(down.status, 502);
  EXPECT_NE(down.body.find("Aanmelden met Gemeente Voorbeeld lukt nu niet: de aanmelddienst is niet bereikbaar"),
            std::string::npos)
      << down.body;
  EXPECT_EQ(oidc.pendingCount(), 0u) << "no pending login without the provider's metadata";

  // A callback with no pending login in this browser (forged, replayed, or expired): refused, and counted.
  auto forged = at("/intranet/aanmelden/terug", "code=abc&state=def", std::string(kOidcCookie) + "=" + std::string(43, 'x'));
  EXPECT_EQ(forged.status, 401);
  EXPECT_NE(forged.body.find("is geweigerd: deze aanmelding is verlopen, werd al gebruikt"), std::string::npos) << forged.body;
  EXPECT_NE(header(forged, "Set-Cookie").find("igsgov_oidc=; Path=/intranet/aanmelden"), std::string::npos);
  EXPECT_EQ(at("/intranet/aanmelden/terug", "code=abc&state=def").status, 401);
  auto limited = at("/intranet/aanmelden/terug", "code=abc&state=def");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(header(limited, "Retry-After").empty());
  EXPECT_EQ(at("/intranet/aanmelden/oidc/gemeente").status, 429) << "the start link waits too";
}

TEST_F(SiteTest, ABeheerderLinksAnAccountToAnOpenIdSignIn) {
  std::string admin = login("beheerder");
  std::string csrf = csrfOf(get("/intranet/accounts", admin).body);
  auto bad = post("/intranet/accounts/a-auditor", "csrf=" + csrf + "&actie=koppelen&oidc_subject=zonder-dienst&email=", admin);
  EXPECT_NE(bad.body.find("een OpenID-koppeling is &#39;&lt;aanmelddienst&gt;:&lt;subject&gt;&#39;"), std::string::npos) << bad.body;
  auto good = post("/intranet/accounts/a-auditor",
                   "csrf=" + csrf + "&actie=koppelen&oidc_subject=gemeente%3Aabc-123&email=auditor%40voorbeeld.be", admin);
  EXPECT_NE(good.body.find("Account &#39;a-auditor&#39; gekoppeld aan &#39;gemeente:abc-123&#39;."), std::string::npos) << good.body;
  EXPECT_NE(good.body.find("Aanmelden met OpenID: <code>gemeente:abc-123</code>"), std::string::npos);
  auto taken = post("/intranet/accounts/a-directeur", "csrf=" + csrf + "&actie=koppelen&oidc_subject=gemeente%3Aabc-123&email=", admin);
  EXPECT_NE(taken.body.find("hoort al bij account &#39;a-auditor&#39;"), std::string::npos);
  auto none = post("/intranet/accounts/a-auditor", "csrf=" + csrf + "&actie=koppelen&oidc_subject=&email=", admin);
  EXPECT_NE(none.body.find("aan geen OpenID-aanmelding meer gekoppeld"), std::string::npos);
  // A secretariaat may not link: 403 from account.change, nothing changed.
  std::string sec = login("secretariaat");
  auto forged = post("/intranet/accounts/a-secretariaat", "csrf=" + csrfOf(get("/intranet/igs", sec).body) +
                                                              "&actie=koppelen&oidc_subject=gemeente%3Azelf&email=", sec);
  EXPECT_EQ(forged.status, 403);
}

// --- What needs action first, dates and times where the users are (issue 15) ---

namespace {
constexpr auto npos = std::string::npos;
int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (auto p = hay.find(needle); p != npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}
}  // namespace

// The sample's statutenwijziging (the extension of igs-cultuur-va to 2032)
// still waits for Zwalm, and the term ends on 31 December 2026: on 6 December
// both are urgent, in red with a mark and words, and each links to its list.
TEST_F(SiteTest, OverviewShowsWhatNeedsActionFirst) {
  SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
  options.now = [] { return *parseTimestamp("2026-12-06T09:00:00Z"); };
  site_ = std::make_unique<Site>(*session_, options);
  std::string cookie = login("directeur");
  auto page = get("/intranet/igs/igs-cultuur-va", cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string& b = page.body;
  EXPECT_NE(b.find("Toestand op 6 december 2026"), npos);
  EXPECT_NE(b.find("fig fig-dringend"), npos);
  EXPECT_NE(b.find("<span class=\"sr\">dringend: </span>1 ontbreekt"), npos) << b;
  EXPECT_NE(b.find("eindigt op 31 december 2026 (over 25 dagen)"), npos);
  EXPECT_NE(b.find("de verlenging (statutenwijziging: verlenging tot 2032) wacht nog op Zwalm"), npos);
  EXPECT_NE(b.find("href=\"/intranet/igs/igs-cultuur-va/statuten\""), npos);
  EXPECT_NE(b.find("href=\"/intranet/igs/igs-cultuur-va/bevindingen\""), npos);
  EXPECT_NE(b.find("/intranet/igs/igs-cultuur-va/termijnen?van=2026-12-06&amp;tot=2027-02-04"), npos);
  // Open findings: what compliance.check answers, errors and warnings not acknowledged.
  auto in = newObject();
  in->set("cooperation", std::string("igs-cultuur-va"));
  in->set("as_of", std::string("2026-12-06"));
  auto check = session_->execute("compliance.check", in, ops::Caller{});
  int open = 0, errors = 0;
  auto findings = check->getArray("findings");
  for (std::size_t i = 0; i < findings->size(); ++i) {
    auto f = findings->getObject(static_cast<unsigned>(i));
    std::string sev = f->getValue<std::string>("severity");
    if (f->isObject("acknowledged") || (sev != "fout" && sev != "waarschuwing")) continue;
    ++open;
    errors += sev == "fout";
  }
  ASSERT_GT(open, 0);
  EXPECT_NE(b.find(std::to_string(open) + " (" + std::to_string(errors) + (errors == 1 ? " fout)" : " fouten)")), npos);

  // Rupelstreek misses no approval and its term runs to 2030: neutral marks with words.
  auto rupel = get("/intranet/igs/igs-rupel", cookie);
  ASSERT_EQ(rupel.status, 200);
  EXPECT_NE(rupel.body.find("<li class=\"fig fig-rust\"><span class=\"fig-label\">Ontbrekende goedkeuringen</span>\n"
                            "<a href=\"/intranet/igs/igs-rupel/statuten\"><span class=\"mark\" aria-hidden=\"true\">✓</span>"
                            "<span class=\"sr\">in orde: </span>geen</a>"), npos) << rupel.body;
  EXPECT_NE(rupel.body.find("loopt tot 31 december 2030"), npos);
  EXPECT_EQ(rupel.body.find("ontbreekt"), npos);
}

// The list of every IGS the user may see puts the urgent items first; a
// secretariaat of one IGS sees only that one.
TEST_F(SiteTest, ListShowsWhatNeedsActionForEveryVisibleIgs) {
  SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
  options.now = [] { return *parseTimestamp("2026-12-06T09:00:00Z"); };
  site_ = std::make_unique<Site>(*session_, options);
  auto all = get("/intranet/igs", login("auditor"));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_NE(all.body.find("<strong>Cultuurregio Vlaamse Ardennen (voorbeeld)</strong>: <a href=\"/intranet/igs/igs-cultuur-va/statuten\">Nog geen goedkeuring van Zwalm voor ‘statutenwijziging: verlenging tot 2032’"), npos) << all.body;
  EXPECT_EQ(count(all.body, "<tr><th scope=\"row\">"), 3);
  EXPECT_EQ(count(all.body, "<td data-label="), 3 * 7);
  auto one = get("/intranet/igs", login("sec-rupel"));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(count(one.body, "<tr><th scope=\"row\">"), 1);
  EXPECT_EQ(one.body.find("Zwalm"), npos);
  EXPECT_EQ(one.body.find("Vlaamse Ardennen"), npos);
}

// In the approvals matrix a missing approval is red and says "ontbreekt";
// one that is not needed is neutral and says so.
TEST_F(SiteTest, StatutenMatrixTellsMissingFromNotNeeded) {
  auto page = get("/intranet/igs/igs-cultuur-va/statuten", login("auditor"), "datum=2026-12-06");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(count(page.body, "<td class=\"cell-ontbreekt\"><strong>ontbreekt</strong>"), 1)
      << page.body;
  EXPECT_EQ(page.body.find("<td class=\"cell-leeg\">"), npos);
}

// Times on the pages are Brussels time (summer and winter), never UTC.
TEST_F(SiteTest, TimesAreBrusselsTime) {
  std::string cookie = login("auditor");
  for (const auto& [typed, shown] : std::vector<std::pair<std::string, std::string>>{
           {"2026-07-01T10%3A00", "1 juli 2026 om 10:00"}, {"2026-01-15T10%3A00", "15 januari 2026 om 10:00"}}) {
    auto page = get("/intranet/igs/igs-rupel/samenstelling", cookie, "orgaan=igs-rupel-bc&datum=2026-01-01&gekend_op=" + typed);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("Zoals het register het kende op " + shown + "."), npos) << page.body;
  }
  // Before the register knew the body: said with its name and Brussels time, not its id and UTC.
  auto early = get("/intranet/igs/igs-rupel/samenstelling", cookie, "orgaan=igs-rupel-bc&datum=2026-01-01&gekend_op=2000-01-01T00%3A00");
  ASSERT_EQ(early.status, 200);
  EXPECT_NE(early.body.find("Het register kende Beheerscomité op 1 januari 2000 om 00:00 nog niet"), npos) << early.body;
  EXPECT_EQ(early.body.find("1999-12-31T23:00"), npos);
  // The mandate history: when each version was recorded, in Brussels time.
  auto comp = newObject();
  comp->set("body", std::string("igs-rupel-bc"));
  comp->set("as_of", std::string("2026-01-01"));
  auto mandate = session_->execute("body.composition", comp, ops::Caller{})->getArray("mandates")->getObject(0);
  std::string id = mandate->getValue<std::string>("mandate");
  auto hin = newObject();
  hin->set("id", id);
  auto version = session_->execute("mandate.history", hin, ops::Caller{})
                     ->getArray("chain")->getObject(0)->getArray("versions")->getObject(0);
  std::string recorded = version->getObject("recorded")->getValue<std::string>("from");
  auto history = get("/intranet/igs/igs-rupel/mandaten/" + id, cookie);
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_NE(history.body.find(dutchDateTime(*parseTimestamp(recorded), TimeZone::load("Europe/Brussels"))), npos)
      << recorded << history.body;
  EXPECT_EQ(history.body.find("UTC"), npos);
  EXPECT_EQ(history.body.find(id + "</"), npos) << "the mandate's id is no heading or cell";
}
