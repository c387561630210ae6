// The contributions pages against a real register (SiteFixture.hpp): a
// secretariaat edits a verdeelsleutel, computes a year and sees the schedule
// per member by name in euro as written in Dutch, with the figures of
// contribution.show; refused input is shown next to its field with what was
// typed and changes nothing; roles without the right get no form and 403.
#include "SiteFixture.hpp"

#include <fstream>
#include <iterator>

#include "finance/Money.hpp"

using namespace igsgov;
using namespace igsgov::web;

namespace {

constexpr const char* kList = "/intranet/igs/igs-noordrand/bijdragen";
constexpr const char* kKey = "/intranet/igs/igs-noordrand/bijdragen/noordrand-werking";

class ContributionsPageTest : public SiteTest {
protected:
  // The key's current version as contribution.list shows it.
  std::string keyState() {
    auto in = newObject();
    in->set("cooperation", std::string("igs-noordrand"));
    return canonicalJson(session_->execute("contribution.list", in, ops::Caller{}));
  }
  // The editor's fields as posted by a browser that changed nothing but `changes`.
  static std::string form(const std::string& csrf, const std::map<std::string, std::string>& changes) {
    std::map<std::string, std::string> f = {{"titel", "Werkingsbijdrage Cultuur Noordrand"},
                                            {"p0_id", "werking"},
                                            {"p0_titel", "vast + per inwoner"},
                                            {"p0_soort", "fixed_plus_per_inhabitant"},
                                            {"p0_vast", "4.000,00"},
                                            {"p0_tarief", "0,23"},
                                            {"p0_betalers", ""},
                                            {"p0_totaal", ""},
                                            {"p1_soort", "per_inhabitant"},
                                            {"p1_betalers", ""}};
    for (const auto& [k, v] : changes) f[k] = v;
    std::string body = "csrf=" + csrf;
    for (const auto& [k, v] : f) {
      std::string enc;
      for (unsigned char c : v) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') enc += static_cast<char>(c);
        else {
          char b[4];
          std::snprintf(b, sizeof b, "%%%02X", c);
          enc += b;
        }
      }
      body += "&" + k + "=" + enc;
    }
    return body;
  }
};

}  // namespace

TEST_F(ContributionsPageTest, EditAKeyComputeAYearAndSeeTheScheduleByName) {
  std::string cookie = login("secretariaat");
  auto list = get(kList, cookie);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("Werkingsbijdrage Cultuur Noordrand"), std::string::npos);
  auto page = get(kKey, cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("value=\"4.000,00\""), std::string::npos) << "amounts as people write them";
  EXPECT_NE(page.body.find("value=\"0,23\""), std::string::npos);
  std::string csrf = csrfOf(page.body);

  auto saved = post(kKey, form(csrf, {{"p0_tarief", "0,25"}, {"reden", "beslissing AV 12 maart"}}), cookie);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto computed = post(std::string(kKey) + "/berekenen", "csrf=" + csrf + "&jaar=2026&peildatum=", cookie);
  ASSERT_EQ(computed.status, 303) << computed.body;
  EXPECT_EQ(header(computed, "Location"), std::string(kKey) + "?jaar=2026#schema");
  auto schedule = get(kKey, cookie, "jaar=2026");
  ASSERT_EQ(schedule.status, 200) << schedule.body;

  // The figures are contribution.show's, by name, in Dutch euro notation.
  auto show = session_->execute("contribution.show", parseJsonObject(R"({"key":"noordrand-werking","year":2026})"), ops::Caller{});
  auto members = show->getObject("schedule")->getArray("years")->getObject(0)->getArray("members");
  ASSERT_GT(members->size(), 5u);
  for (std::size_t i = 0; i < members->size(); ++i) {
    auto m = members->getObject(static_cast<unsigned>(i));
    std::string euro = finance::formatEuro(finance::Cents(m->getValue<long long>("total_cents")));
    EXPECT_NE(schedule.body.find(euro), std::string::npos) << euro;
  }
  // Grimbergen: € 4.000 + € 0,25 × inhabitants, e.g. "€ 13.xxx,xx".
  auto grimbergen = schedule.body.find("Grimbergen");
  ASSERT_NE(grimbergen, std::string::npos);
  EXPECT_NE(schedule.body.find("€ ", grimbergen), std::string::npos);
  EXPECT_EQ(schedule.body.find("igs-noordrand-23025</th>"), std::string::npos) << "names, not ids";
  EXPECT_NE(schedule.body.find("0,25"), std::string::npos);
  // The journal has the account as actor and the reason typed.
  auto journal = session_->execute("audit.journal", parseJsonObject(R"({"limit":100000})"), ops::Caller{})->getArray("entries");
  bool found = false;
  for (std::size_t i = 0; i < journal->size(); ++i) {
    auto e = journal->getObject(static_cast<unsigned>(i));
    if (e->getValue<std::string>("operation") == "contribution.key") {
      found = true;
      EXPECT_EQ(e->getValue<std::string>("actor"), "a-secretariaat");
      EXPECT_EQ(e->getValue<std::string>("reason"), "beslissing AV 12 maart");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ContributionsPageTest, RefusedInputStaysNextToItsFieldAndChangesNothing) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kKey, cookie).body);
  std::string before = keyState();
  // A new cost item with an amount that is not a whole number of cents.
  auto r = post(kKey, form(csrf, {{"p1_id", "partners"}, {"p1_soort", "fixed_amounts"}, {"p1_lid_igs-noordrand-23025", "2.500,005"}}), cookie);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("id=\"p1_fout-leden\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"2.500,005\""), std::string::npos) << "what was typed stays";
  EXPECT_NE(r.body.find("value=\"partners\""), std::string::npos);
  // Units that are not a whole number.
  auto units = post(kKey, form(csrf, {{"p1_id", "woningen"}, {"p1_soort", "per_unit"}, {"p1_totaal", "16.900"},
                                      {"p1_lid_igs-noordrand-23025", "2,5"}}), cookie);
  EXPECT_EQ(units.status, 400);
  EXPECT_NE(units.body.find("id=\"p1_fout-leden\""), std::string::npos) << units.body;
  EXPECT_NE(units.body.find("geen geheel getal"), std::string::npos);
  // The rule of the key itself: a fixed part does not fit a per-inhabitant split.
  auto rule = post(kKey, form(csrf, {{"p0_soort", "per_inhabitant"}, {"p0_totaal", "100.000"}}), cookie);
  EXPECT_EQ(rule.status, 400);
  EXPECT_NE(rule.body.find("id=\"p0_fout-"), std::string::npos) << rule.body;
  EXPECT_NE(rule.body.find("<option value=\"per_inhabitant\" selected>"), std::string::npos);
  // A year that is not one.
  auto year = post(std::string(kKey) + "/berekenen", "csrf=" + csrf + "&jaar=twintig", cookie);
  EXPECT_EQ(year.status, 400);
  EXPECT_NE(year.body.find("id=\"fout-jaar\""), std::string::npos) << year.body;
  EXPECT_NE(year.body.find("value=\"twintig\""), std::string::npos);
  EXPECT_EQ(keyState(), before);
}

TEST_F(ContributionsPageTest, ANewKeyWithPartnerAmountsAndAnIdThatIsTaken) {
  std::string cookie = login("secretariaat");
  std::string url = std::string(kList) + "/nieuw";
  std::string csrf = csrfOf(get(url, cookie).body);
  auto taken = post(url, "csrf=" + csrf + "&id=noordrand-werking&titel=X&p0_id=a&p0_soort=fixed_amounts&p0_betalers=&p0_lid_igs-noordrand-23025=100", cookie);
  EXPECT_EQ(taken.status, 400);
  EXPECT_NE(taken.body.find("id=\"fout-id\""), std::string::npos) << taken.body;
  auto made = post(url, "csrf=" + csrf + "&id=noordrand-extra&titel=Extra&p0_id=vast&p0_titel=Vast&p0_soort=fixed_amounts&p0_betalers=&p0_lid_igs-noordrand-23025=2.500&p0_lid_igs-noordrand-23088=1.250,50", cookie);
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_EQ(header(made, "Location"), std::string(kList) + "/noordrand-extra?bewaard=1");
  ASSERT_EQ(post(std::string(kList) + "/noordrand-extra/berekenen", "csrf=" + csrf + "&jaar=2026", cookie).status, 303);
  auto page = get(std::string(kList) + "/noordrand-extra", cookie, "jaar=2026");
  EXPECT_NE(page.body.find("€ 2.500,00"), std::string::npos);
  EXPECT_NE(page.body.find("€ 1.250,50"), std::string::npos);
  EXPECT_NE(page.body.find("€ 3.750,50"), std::string::npos) << "the total";
}

TEST_F(ContributionsPageTest, NoFormsWithoutTheRoleAndForgedPostsAre403) {
  std::string before = keyState();
  std::string auditor = login("auditor");
  auto page = get(kKey, auditor);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("Bewaar de verdeelsleutel"), std::string::npos);
  EXPECT_EQ(page.body.find("Bereken"), std::string::npos);
  EXPECT_EQ(get(kList, auditor).body.find("Nieuwe verdeelsleutel"), std::string::npos);
  std::string csrf = csrfOf(get("/intranet/igs/igs-noordrand/documenten", auditor).body);
  if (csrf.empty()) csrf = csrfOf(get("/intranet/igs/igs-noordrand/bevindingen", auditor).body);
  EXPECT_EQ(post(kKey, form(csrf, {{"p0_tarief", "9"}}), auditor).status, 403);
  EXPECT_EQ(post(std::string(kKey) + "/berekenen", "csrf=" + csrf + "&jaar=2026", auditor).status, 403);
  std::string secretariaat = login("secretariaat");
  EXPECT_EQ(post(kKey, form("", {{"p0_tarief", "9"}}), secretariaat).status, 403) << "no CSRF token";
  EXPECT_EQ(post(kKey, form(std::string(64, 'f'), {{"p0_tarief", "9"}}), secretariaat).status, 403);
  std::string rupel = login("sec-rupel");
  EXPECT_EQ(get(kKey, rupel).status, 403);
  EXPECT_EQ(keyState(), before);
}
