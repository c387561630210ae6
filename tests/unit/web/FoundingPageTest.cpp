// The founding page (/intranet/igs/:igs/oprichting) against a real register
// (SiteFixture.hpp): the eleven steps with their evidence per gemeente and the
// blockers in Dutch; a beheerder checks a condition off with a reason (one
// founding.check-off) and retracts it; refused input stays on the form and
// changes nothing; an auditor reads without forms and gets 403 on a POST.
#include "SiteFixture.hpp"

using namespace igsgov;
using namespace igsgov::web;

namespace {

constexpr const char* kPage = "/intranet/igs/igs-va-nieuw/oprichting";

class FoundingPageTest : public SiteTest {
protected:
  void SetUp() override {
    SiteTest::SetUp();
    execute("cooperation.create", R"({"id": "igs-va-nieuw", "name": "IGS cultuur Vlaamse Ardennen", "domain": "cultuur"})");
    execute("member.add", R"({"id": "van-zwalm", "cooperation": "igs-va-nieuw", "kind": "gemeente", "nis": "45065", "from": "2025-01-01"})");
    execute("member.add", R"({"id": "van-horebeke", "cooperation": "igs-va-nieuw", "kind": "gemeente", "nis": "45062", "from": "2025-01-01"})");
  }
  std::string journal() {
    auto in = newObject();
    in->set("limit", 1000000);
    return std::to_string(session_->execute("audit.journal", in, ops::Caller{})->getArray("entries")->size());
  }
};

}  // namespace

TEST_F(FoundingPageTest, TheStepsTheirEvidenceAndACheckOffByABeheerder) {
  std::string cookie = login("beheerder");
  auto page = get(kPage, cookie, "datum=2026-03-01");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("0 van 11 stappen klaar"), std::string::npos);
  EXPECT_NE(page.body.find("Stap 4. Maak afspraken"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>Zwalm</strong>: engagementsverklaring nog niet goedgekeurd door het college"), std::string::npos);
  EXPECT_NE(page.body.find("ten laatste <time datetime=\"2026-04-01\">1 april 2026</time>"), std::string::npos);
  EXPECT_NE(page.body.find("in oprichting"), std::string::npos);
  std::string csrf = csrfOf(page.body);
  // Refused: no reason. The form keeps its choice, the register is unchanged.
  std::string before = journal();
  auto refused = post(kPage, "csrf=" + csrf + "&actie=afvinken&afv_item=draagvlak%7Cafvinken%7Cvan-zwalm&afv_datum=2025-02-03", cookie);
  EXPECT_EQ(refused.status, 400) << refused.body.substr(0, 400);
  EXPECT_NE(refused.body.find("id=\"fout-afv_reden\""), std::string::npos);
  EXPECT_EQ(journal(), before);
  auto done = post(kPage, "csrf=" + csrf + "&actie=afvinken&afv_item=draagvlak%7Cafvinken%7Cvan-zwalm&afv_datum=2025-02-03&afv_reden=MT+akkoord", cookie);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 400);
  EXPECT_EQ(journal(), std::to_string(std::stoi(before) + 1));
  page = get(kPage, cookie, "datum=2026-03-01");
  EXPECT_NE(page.body.find("afgevinkt op 3 februari 2025: MT akkoord"), std::string::npos);
  EXPECT_NE(page.body.find("Horebeke</strong>: ‘Zorg voor draagvlak’ nog niet afgevinkt"), std::string::npos);
  // Retract it, with a reason.
  auto retracted = post(kPage, "csrf=" + csrf + "&actie=intrekken&intr_id=igs-va-nieuw%3Adraagvlak%3Aafvinken%3Avan-zwalm&intr_reden=vergissing", cookie);
  ASSERT_EQ(retracted.status, 303) << retracted.body.substr(0, 400);
  EXPECT_EQ(get(kPage, cookie, "datum=2026-03-01").body.find("afgevinkt op 3 februari 2025"), std::string::npos);
}

TEST_F(FoundingPageTest, AnAuditorReadsWithoutFormsAndAPostIs403) {
  std::string auditor = login("auditor");
  auto page = get(kPage, auditor);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("name=\"afv_reden\""), std::string::npos);
  std::string csrf = csrfOf(get("/intranet/igs/igs-va-nieuw/bevindingen", auditor).body);
  std::string before = journal();
  EXPECT_EQ(post(kPage, "csrf=" + csrf + "&actie=afvinken&afv_item=gebied%7Cafvinken%7C&afv_reden=x", auditor).status, 403);
  std::string beheerder = login("beheerder");
  EXPECT_EQ(post(kPage, "csrf=&actie=afvinken&afv_item=gebied%7Cafvinken%7C&afv_reden=x", beheerder).status, 403) << "no CSRF token";
  EXPECT_EQ(get(kPage, login("sec-rupel")).status, 403);
  EXPECT_EQ(journal(), before);
}
