// The founding page (/intranet/igs/:igs/oprichting) against a real register
// (SiteFixture.hpp): the eleven steps with their evidence per gemeente and the
// blockers in Dutch; a beheerder checks a condition off with a reason (one
// founding.check-off) and retracts it; refused input stays on the form and
// changes nothing; an attached document is uploaded with the check-off (size
// cap, kind from the bytes, Dutch error at the field, nothing written on
// error) and downloaded from the page; an auditor reads without forms and gets
// 403 on a POST.
#include "MultipartBody.hpp"
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
    SiteOptions options{false, "test", {}, (dir_ / "documenten").string()};
    options.maxUploadBytes = 64 * 1024;  // a small cap, so the test of it stays cheap
    site_ = std::make_unique<Site>(*session_, options);
  }
  Response postMultipart(const std::vector<igsgov::testing::Part>& parts, const std::string& cookie) {
    return site_->handle(Request{"POST", kPage, "", cookie, igsgov::testing::multipartType(), igsgov::testing::multipart(parts)});
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

TEST_F(FoundingPageTest, ACheckOffTakesAnAttachedDocumentThatThePageOffersForDownload) {
  std::string cookie = login("beheerder");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  auto checkOff = [&](const std::string& bytes, const std::string& name) {
    return postMultipart({{"csrf", csrf}, {"actie", "afvinken"}, {"afv_item", "draagvlak|afvinken|van-zwalm"},
                          {"afv_datum", "2025-02-03"}, {"afv_reden", "MT akkoord"}, {"afv_bijlage", bytes, name, true}},
                         cookie);
  };
  std::string before = journal();
  auto files = [&] { return session_->execute("document.verify-files", newObject(), ops::Caller{})->getValue<long long>("files"); };
  long long filesBefore = files();
  // Not a PDF although it is named so: refused at the field, the reason typed stays, nothing written.
  auto wrong = checkOff("dit is geen pdf", "verslag.pdf");
  EXPECT_EQ(wrong.status, 400) << wrong.body.substr(0, 400);
  EXPECT_NE(wrong.body.find("id=\"fout-afv_bijlage\">Het bestand &#39;verslag.pdf&#39; is geen DOCX, ODT of PDF"), std::string::npos)
      << wrong.body.substr(wrong.body.find("afv_bijlage"), 600);
  EXPECT_NE(wrong.body.find(">MT akkoord</textarea>"), std::string::npos);
  // Over the cap: said with the sizes.
  auto large = checkOff("%PDF-1.4\n" + std::string(70 * 1024, 'x'), "groot.pdf");
  EXPECT_EQ(large.status, 400);
  EXPECT_NE(large.body.find("Het bestand is te groot (0,1 MiB); hoogstens 0,1 MiB per bestand."), std::string::npos)
      << large.body.substr(large.body.find("afv_bijlage"), 600);
  EXPECT_EQ(journal(), before);
  EXPECT_EQ(files(), filesBefore);

  std::string pdf = "%PDF-1.4\n% verslag MT\n%%EOF\n";
  auto done = checkOff(pdf, "verslag.pdf");
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 400);
  EXPECT_EQ(journal(), std::to_string(std::stoi(before) + 1));
  auto page = get(kPage, cookie);
  const std::string link = "/intranet/igs/igs-va-nieuw/oprichting/bijlage/igs-va-nieuw%3Adraagvlak%3Aafvinken%3Avan-zwalm";
  EXPECT_NE(page.body.find("<a href=\"" + link + "\" class=\"attachment\">bijlage downloaden</a>"), std::string::npos)
      << page.body.substr(page.body.find("MT akkoord") - 200, 600);
  auto file = get(link, cookie);
  ASSERT_EQ(file.status, 200) << file.body.substr(0, 300);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.contentType, "application/pdf");
  EXPECT_NE(header(file, "Content-Disposition").find("bijlage-draagvlak.pdf"), std::string::npos);
  // The auditor may download it too; someone of another cooperation may not.
  EXPECT_EQ(get(link, login("auditor")).status, 200);
  EXPECT_EQ(get(link, login("sec-rupel")).status, 403);
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
