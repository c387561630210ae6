// The mandate, seat and members/bodies pages (web/MandatePages.cpp,
// web/MembersPage.cpp) against a real register: every write through its
// catalogue operation, errors next to the field with what was typed kept and
// nothing written, the actor and reason in the history, and forged POSTs
// (wrong role, no CSRF token, another cooperation) refused with 403.
#include "SiteFixture.hpp"

namespace {

class MandatePagesTest : public SiteTest {
protected:
  // An application/x-www-form-urlencoded body from name/value pairs, the CSRF token first.
  static std::string form(const std::string& csrf, const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body = "csrf=" + csrf;
    for (const auto& [n, v] : fields) body += "&" + n + "=" + encode(v);
    return body;
  }
  static std::string encode(const std::string& v) {
    std::string out;
    for (unsigned char c : v) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
      else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out += hex;
      }
    }
    return out;
  }
  // The value of a hidden or text input named `name` on a page.
  static std::string valueOf(const std::string& html, const std::string& name) {
    auto p = html.find("name=\"" + name + "\"");
    if (p == std::string::npos) return "";
    p = html.find("value=\"", p);
    if (p == std::string::npos) return "";
    p += 7;
    return html.substr(p, html.find('"', p) - p);
  }
  // The field error shown for `name`, "" when none.
  static std::string fieldError(const std::string& html, const std::string& name) {
    std::string tag = "id=\"fout-" + name + "\">";
    auto p = html.find(tag);
    if (p == std::string::npos) return "";
    p += tag.size();
    return html.substr(p, html.find('<', p) - p);
  }
  int personCount() {
    return static_cast<int>(session_->execute("person.list", newObject(), ops::Caller{})->getArray("persons")->size());
  }
  JsonObject composition(const std::string& body, const std::string& asOf) {
    auto in = newObject();
    in->set("body", body);
    in->set("as_of", asOf);
    return session_->execute("body.composition", in, ops::Caller{});
  }
  // The appoint form's fields for a new plaatsvervanger of Hemiksem in the beheerscomité of igs-rupel.
  static std::vector<std::pair<std::string, std::string>> appointFields(const std::string& page) {
    return {{"id", valueOf(page, "id")},
            {"persoon_id", valueOf(page, "persoon_id")},
            {"persoon", ""},
            {"nieuwe_naam", "Nele Nieuwkomer"},
            {"geslacht", "v"},
            {"orgaan", "igs-rupel-bc"},
            {"zetel", ""},
            {"deelnemer", "igs-rupel-11018"},
            {"rol", "plaatsvervanger"},
            {"kant", "oppositie"},
            {"fractie", "Groen"},
            {"stem", ""},
            {"van", "2026-04-01"},
            {"tot", ""},
            {"raad", "gemeenteraad Hemiksem"},
            {"besluit_datum", "2026-03-23"},
            {"referentie", "GR/2026/031"},
            {"uri", "https://hemiksem.be/besluit/31"}};
  }
  static void set(std::vector<std::pair<std::string, std::string>>& fields, const std::string& name,
                  const std::string& value) {
    for (auto& [n, v] : fields)
      if (n == name) v = value;
  }
  // Appoints through the page; returns the new mandate's page path.
  std::string appoint(const std::string& cookie) {
    auto page = get("/intranet/igs/igs-rupel/mandaten/nieuw", cookie);
    EXPECT_EQ(page.status, 200) << page.body;
    auto r = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), appointFields(page.body)), cookie);
    EXPECT_EQ(r.status, 303) << r.body;
    std::string to = header(r, "Location");
    return to.substr(0, to.find('?'));
  }
};

}  // namespace

TEST_F(MandatePagesTest, SecretariatAppointsANewPersonAndTheCompositionChanges) {
  std::string cookie = login("secretariaat");
  auto comp = get("/intranet/igs/igs-rupel/samenstelling", cookie);
  EXPECT_NE(comp.body.find("/intranet/igs/igs-rupel/mandaten/nieuw"), std::string::npos) << "the composition offers it";
  std::size_t before = composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size();
  int persons = personCount();
  std::string path = appoint(cookie);
  EXPECT_EQ(path.rfind("/intranet/igs/igs-rupel/mandaten/m-", 0), 0u) << path;
  EXPECT_EQ(personCount(), persons + 1);
  EXPECT_EQ(composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size(), before + 1);
  EXPECT_EQ(composition("igs-rupel-bc", "2026-03-31")->getArray("mandates")->size(), before);
  auto page = get(path, cookie, "gedaan=aangeduid");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Het mandaat is geregistreerd."), std::string::npos);
  EXPECT_NE(page.body.find("Geschiedenis van mandaat: Nele Nieuwkomer in Beheerscomité"), std::string::npos);
  EXPECT_NE(page.body.find("gemeenteraad Hemiksem op 23 maart 2026 (GR/2026/031)"), std::string::npos);
  EXPECT_NE(page.body.find("1 april 2026"), std::string::npos);
  EXPECT_NE(page.body.find("Gebruiker a-secretariaat"), std::string::npos) << "who recorded it, by name";
  EXPECT_EQ(page.body.find(">2026-04-01"), std::string::npos) << "no ISO date in the page text";
  auto shown = get("/intranet/igs/igs-rupel/samenstelling", cookie, "datum=2026-04-02");
  EXPECT_NE(shown.body.find("Nele Nieuwkomer"), std::string::npos);
}

TEST_F(MandatePagesTest, AppointErrorsStandNextToTheFieldKeepTheInputAndWriteNothing) {
  std::string cookie = login("secretariaat");
  auto page = get("/intranet/igs/igs-rupel/mandaten/nieuw", cookie);
  int persons = personCount();
  std::size_t before = composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size();
  auto fields = appointFields(page.body);

  set(fields, "van", "");
  auto noFrom = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  ASSERT_EQ(noFrom.status, 200) << noFrom.body;
  EXPECT_EQ(fieldError(noFrom.body, "van"), "vul dit veld in");
  EXPECT_NE(noFrom.body.find("value=\"Nele Nieuwkomer\""), std::string::npos) << "what was typed stays";
  EXPECT_NE(noFrom.body.find("value=\"GR/2026/031\""), std::string::npos);
  EXPECT_NE(noFrom.body.find("<option value=\"plaatsvervanger\" selected>"), std::string::npos);

  set(fields, "van", "2026-04-01");
  set(fields, "tot", "2026-03-01");
  auto backwards = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  EXPECT_EQ(fieldError(backwards.body, "tot"), "de einddatum 1 maart 2026 ligt voor de begindatum 1 april 2026")
      << backwards.body;

  set(fields, "tot", "");
  set(fields, "zetel", "igs-rupel-bc-11018");  // held by the sample's bestuurder of Hemiksem since 2025
  auto taken = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  EXPECT_NE(fieldError(taken.body, "zetel").find("al bezet"), std::string::npos) << taken.body;

  set(fields, "zetel", "");
  set(fields, "rol", "deskundige");
  set(fields, "stem", "ja");
  auto advisory = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  EXPECT_NE(fieldError(advisory.body, "stem").find("niet stemgerechtigd"), std::string::npos) << advisory.body;

  set(fields, "rol", "plaatsvervanger");
  set(fields, "stem", "");
  set(fields, "persoon", "p-001");
  auto both = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  EXPECT_NE(fieldError(both.body, "nieuwe_naam").find("niet beide"), std::string::npos) << both.body;

  set(fields, "persoon", "");
  set(fields, "orgaan", "igs-noordrand-rvb");  // the secretariat may write there too, but not from this page
  auto otherBody = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  EXPECT_NE(fieldError(otherBody.body, "orgaan").find("van dit samenwerkingsverband"), std::string::npos)
      << otherBody.body;

  // None of these left a person without mandate behind, or a mandate.
  EXPECT_EQ(personCount(), persons);
  EXPECT_EQ(composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size(), before);

  // The same form sent twice (a double click, the back button) registers once.
  set(fields, "orgaan", "igs-rupel-bc");
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie).status, 303);
  auto twice = post("/intranet/igs/igs-rupel/mandaten/nieuw", form(csrfOf(page.body), fields), cookie);
  ASSERT_EQ(twice.status, 200) << twice.body;
  EXPECT_NE(twice.body.find("dit formulier werd al verstuurd"), std::string::npos) << twice.body;
  EXPECT_EQ(personCount(), persons + 1);
  EXPECT_EQ(composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size(), before + 1);
}

TEST_F(MandatePagesTest, ACorrectionNeedsAReasonAndAppearsInTheHistory) {
  std::string cookie = login("secretariaat");
  std::string path = appoint(cookie);
  auto page = get(path, cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(valueOf(page.body, "cor_fractie"), "Groen") << "the correction form starts from the record";
  auto fields = std::vector<std::pair<std::string, std::string>>{
      {"actie", "corrigeren"}, {"cor_fractie", "Groen!"}, {"cor_reden", ""}};
  auto noReason = post(path, form(csrfOf(page.body), fields), cookie);
  ASSERT_EQ(noReason.status, 200) << noReason.body;
  EXPECT_EQ(fieldError(noReason.body, "cor_reden"), "vul dit veld in") << noReason.body;
  EXPECT_NE(noReason.body.find("value=\"Groen!\""), std::string::npos);
  set(fields, "cor_reden", "tikfout in de fractienaam");
  auto ok = post(path, form(csrfOf(page.body), fields), cookie);
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto history = get(path, cookie, "gedaan=corrigeren");
  EXPECT_NE(history.body.find("De correctie is vastgelegd."), std::string::npos);
  EXPECT_NE(history.body.find(">correctie op "), std::string::npos);
  EXPECT_NE(history.body.find("tikfout in de fractienaam"), std::string::npos);
  EXPECT_NE(history.body.find("Groen!"), std::string::npos);
  EXPECT_NE(history.body.find("vervangen"), std::string::npos) << "the first version stays, marked as replaced";
  EXPECT_NE(history.body.find(" om "), std::string::npos) << "the local time of the recording";
}

TEST_F(MandatePagesTest, StateChangeEndAndRetraction) {
  std::string cookie = login("directeur");
  std::string path = appoint(cookie);
  auto page = get(path, cookie);
  auto change = post(path,
                     form(csrfOf(page.body), {{"actie", "wijzigen"},
                                              {"wijz_id", valueOf(page.body, "wijz_id")},
                                              {"wijz_van", "2026-09-01"},
                                              {"wijz_persoon", "p-001"},
                                              {"wijz_reden", "ontslag, opvolging door de gemeenteraad"}}),
                     cookie);
  ASSERT_EQ(change.status, 303) << change.body;
  std::string next = header(change, "Location");
  next = next.substr(0, next.find('?'));
  EXPECT_NE(next, path);
  auto successor = get(next, cookie);
  ASSERT_EQ(successor.status, 200) << successor.body;
  EXPECT_NE(successor.body.find("Geschiedenis van mandaat: An Voorbeeld"), std::string::npos);
  EXPECT_NE(successor.body.find("Nele Nieuwkomer"), std::string::npos) << "the predecessor is in the history";
  EXPECT_NE(successor.body.find("31 augustus 2026"), std::string::npos) << "the old one ends the day before";

  auto badEnd = post(next, form(csrfOf(page.body), {{"actie", "beeindigen"}, {"einde_tot", "2026-02-30"}}), cookie);
  EXPECT_NE(fieldError(badEnd.body, "einde_tot").find("geen geldige datum"), std::string::npos) << badEnd.body;
  auto end = post(next, form(csrfOf(page.body), {{"actie", "beeindigen"}, {"einde_tot", "2026-12-31"}}), cookie);
  ASSERT_EQ(end.status, 303) << end.body;

  auto retractNoReason = post(path, form(csrfOf(page.body), {{"actie", "intrekken"}, {"intr_reden", ""}}), cookie);
  EXPECT_EQ(retractNoReason.status, 200);
  EXPECT_FALSE(fieldError(retractNoReason.body, "intr_reden").empty()) << retractNoReason.body;
  auto retract = post(next, form(csrfOf(page.body), {{"actie", "intrekken"}, {"intr_reden", "dubbel geregistreerd"}}), cookie);
  ASSERT_EQ(retract.status, 303) << retract.body;
  auto gone = get(next, cookie);
  EXPECT_NE(gone.body.find("Dit mandaat is ingetrokken"), std::string::npos);
  EXPECT_EQ(gone.body.find("value=\"wijzigen\""), std::string::npos) << "no state change of a retracted mandate";
}

TEST_F(MandatePagesTest, TheSeatHistoryShowsEveryHolder) {
  std::string cookie = login("auditor");
  auto seat = get("/intranet/igs/igs-rupel/zetels/igs-rupel-bc-11018", cookie);
  ASSERT_EQ(seat.status, 200) << seat.body;
  EXPECT_NE(seat.body.find("Zetel Hemiksem – Beheerscomité"), std::string::npos);
  auto persons = session_->execute("person.list", newObject(), ops::Caller{})->getArray("persons");
  std::map<std::string, std::string> name;
  for (std::size_t i = 0; i < persons->size(); ++i)
    name[persons->getObject(static_cast<unsigned>(i))->getValue<std::string>("id")] =
        persons->getObject(static_cast<unsigned>(i))->getValue<std::string>("name");
  EXPECT_NE(seat.body.find(name["p-019"]), std::string::npos) << "the first holder";
  EXPECT_NE(seat.body.find(name["p-024"]), std::string::npos) << "the holder since 2025";
  EXPECT_EQ(seat.body.find("<form method=\"post\" action=\"/intranet/igs/igs-rupel"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs/igs-cultuur-va/zetels/igs-rupel-bc-11018", cookie).status, 404)
      << "a seat of another IGS under this one";
}

TEST_F(MandatePagesTest, ForgedPostsAreRefusedWith403AndChangeNothing) {
  std::size_t before = composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size();
  int persons = personCount();
  std::string secretariat = login("secretariaat");
  auto page = get("/intranet/igs/igs-rupel/mandaten/nieuw", secretariat);
  auto fields = appointFields(page.body);

  // The auditor sees no form and its POST is refused, with a valid token of its own.
  std::string auditor = login("auditor");
  auto comp = get("/intranet/igs/igs-rupel/samenstelling", auditor);
  EXPECT_EQ(comp.body.find("mandaten/nieuw"), std::string::npos);
  EXPECT_EQ(get("/intranet/igs/igs-rupel/mandaten/nieuw", auditor).status, 403);
  auto members = get("/intranet/igs/igs-rupel/deelnemers", auditor);
  ASSERT_EQ(members.status, 200) << members.body;
  EXPECT_EQ(members.body.find("name=\"actie\""), std::string::npos) << "an auditor gets no member forms";
  std::string auditorCsrf = csrfOf(comp.body);
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/nieuw", form(auditorCsrf, fields), auditor).status, 403);
  auto mandatePage = get("/intranet/igs/igs-rupel/mandaten/igs-rupel-bc-2-11018", auditor);
  ASSERT_EQ(mandatePage.status, 200) << mandatePage.body;
  EXPECT_EQ(mandatePage.body.find("name=\"actie\""), std::string::npos) << "an auditor gets no mandate forms";
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/igs-rupel-bc-2-11018",
                 form(auditorCsrf, {{"actie", "intrekken"}, {"intr_reden", "vervalst"}}), auditor)
                .status,
            403);
  EXPECT_EQ(post("/intranet/igs/igs-rupel/deelnemers",
                 form(auditorCsrf, {{"actie", "partner"}, {"par_naam", "Vervalst"}, {"par_van", "2026-01-01"}}), auditor)
                .status,
            403);

  // No or a wrong CSRF token.
  auto body = form(csrfOf(page.body), fields);
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/nieuw", body.substr(body.find('&') + 1), secretariat).status, 403);
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/nieuw", form(std::string(64, 'a'), fields), secretariat).status, 403);
  EXPECT_EQ(post("/intranet/igs/igs-rupel/mandaten/nieuw", form(auditorCsrf, fields), secretariat).status, 403)
      << "another session's token";

  // A secretariat of one IGS posting to another.
  std::string rupel = login("sec-rupel");
  std::string csrf = csrfOf(get("/intranet/igs/igs-rupel/deelnemers", rupel).body);
  EXPECT_EQ(post("/intranet/igs/igs-noordrand/mandaten/nieuw", form(csrf, fields), rupel).status, 403);
  EXPECT_EQ(post("/intranet/igs/igs-noordrand/deelnemers",
                 form(csrf, {{"actie", "partner"}, {"par_naam", "Vervalst"}, {"par_van", "2026-01-01"}}), rupel)
                .status,
            403);
  EXPECT_EQ(post("/intranet/igs/igs-cultuur-va/mandaten/igs-cultuur-va-rvb-1-45035",
                 form(csrf, {{"actie", "intrekken"}, {"intr_reden", "vervalst"}}), rupel)
                .status,
            403);

  EXPECT_EQ(personCount(), persons);
  EXPECT_EQ(composition("igs-rupel-bc", "2026-04-02")->getArray("mandates")->size(), before);
  auto show = session_->execute("cooperation.show", parseJsonObject(R"({"id":"igs-rupel"})"), ops::Caller{});
  EXPECT_EQ(show->getArray("members")->size(), 5u);
}

TEST_F(MandatePagesTest, MembersJoinAndLeaveBodiesAndSeatsAreAdded) {
  std::string cookie = login("secretariaat");
  const std::string path = "/intranet/igs/igs-rupel/deelnemers";
  auto page = get(path, cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Hemiksem"), std::string::npos) << "members by name";
  std::string csrf = csrfOf(page.body);

  auto badNis = post(path, form(csrf, {{"actie", "gemeente"}, {"gem_nis", "1100"}, {"gem_van", "2027-01-01"}}), cookie);
  ASSERT_EQ(badNis.status, 200) << badNis.body;
  EXPECT_NE(fieldError(badNis.body, "gem_nis").find("5 cijfers"), std::string::npos) << badNis.body;
  EXPECT_NE(badNis.body.find("value=\"1100\""), std::string::npos);
  auto twice = post(path, form(csrf, {{"actie", "gemeente"}, {"gem_nis", "11018"}, {"gem_van", "2027-01-01"}}), cookie);
  EXPECT_NE(fieldError(twice.body, "gem_nis").find("al deelnemer"), std::string::npos) << twice.body;
  auto joins = post(path, form(csrf, {{"actie", "gemeente"}, {"gem_nis", "11002"}, {"gem_van", "2027-01-01"}}), cookie);
  ASSERT_EQ(joins.status, 303) << joins.body;
  auto partner = post(path,
                      form(csrf, {{"actie", "partner"}, {"par_naam", "Erfgoedvereniging Rupel vzw"},
                                  {"par_soort", "privaat_zonder_winstoogmerk"}, {"par_van", "2026-06-01"}}),
                      cookie);
  ASSERT_EQ(partner.status, 303) << partner.body;
  auto leaves = post(path,
                     form(csrf, {{"actie", "einde"}, {"eind_deelnemer", "igs-rupel-11037"}, {"eind_tot", "2026-12-31"},
                                 {"eind_reden", "uittreding, gemeenteraad Rumst 20 oktober 2026"}}),
                     cookie);
  ASSERT_EQ(leaves.status, 303) << leaves.body;
  auto body = post(path, form(csrf, {{"actie", "orgaan"}, {"org_soort", "adviescomite"}, {"org_naam", ""}, {"org_van", "2026-01-01"}}),
                   cookie);
  ASSERT_EQ(body.status, 303) << body.body;
  auto badSeat = post(path,
                      form(csrf, {{"actie", "zetel"}, {"zet_orgaan", "igs-rupel-bc"}, {"zet_label", "zetel partner"},
                                  {"zet_houders", "twee"}}),
                      cookie);
  EXPECT_NE(fieldError(badSeat.body, "zet_houders").find("geheel getal"), std::string::npos) << badSeat.body;
  auto otherBody = post(path, form(csrf, {{"actie", "zetel"}, {"zet_orgaan", "igs-noordrand-rvb"}}), cookie);
  EXPECT_FALSE(fieldError(otherBody.body, "zet_orgaan").empty()) << otherBody.body;
  auto seat = post(path,
                   form(csrf, {{"actie", "zetel"}, {"zet_orgaan", "igs-rupel-bc"}, {"zet_label", "zetel partner"},
                               {"zet_houders", "2"}}),
                   cookie);
  ASSERT_EQ(seat.status, 303) << seat.body;

  auto after = get(path, cookie, "gedaan=zetel");
  EXPECT_NE(after.body.find("De zetel is toegevoegd."), std::string::npos);
  EXPECT_NE(after.body.find("Antwerpen"), std::string::npos);
  EXPECT_NE(after.body.find("Erfgoedvereniging Rupel vzw"), std::string::npos);
  EXPECT_NE(after.body.find("31 december 2026"), std::string::npos) << "Rumst leaves";
  EXPECT_NE(after.body.find("<h3>Adviescomité</h3>"), std::string::npos);
  EXPECT_NE(after.body.find("zetel partner"), std::string::npos);
  auto show = session_->execute("cooperation.show", parseJsonObject(R"({"id":"igs-rupel"})"), ops::Caller{});
  EXPECT_EQ(show->getArray("members")->size(), 7u);
  // The journal names the account and the reason of the leave.
  auto journal = session_->execute("audit.journal", parseJsonObject(R"({"limit": 100000})"), ops::Caller{});
  auto entries = journal->getArray("entries");
  bool found = false;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    auto e = entries->getObject(static_cast<unsigned>(i));
    if (e->getValue<std::string>("operation") == "member.end")
      found = e->getValue<std::string>("actor") == "a-secretariaat" &&
              e->optValue<std::string>("reason", "") == "uittreding, gemeenteraad Rumst 20 oktober 2026";
  }
  EXPECT_TRUE(found);
}
