// The documents page against a real register (SiteFixture.hpp): a batch for
// all members with a link per file and one ZIP; any earlier document from the
// register; downloads refuse names and files outside the documents folder
// and changed files; a refused form keeps what was typed, shows the Dutch
// message next to its field and leaves nothing; forged or unauthorised POSTs
// get 403 and change nothing.
#include "SiteFixture.hpp"

#include <fstream>
#include <iterator>

#include "core/Sha256.hpp"
#include "docs/ZipPackage.hpp"

#include <fstream>
#include <iterator>
#include <regex>

using namespace igsgov;
using namespace igsgov::web;

namespace {

constexpr const char* kPage = "/intranet/igs/igs-cultuur-va/documenten";

class DocumentsPageTest : public SiteTest {
protected:
  JsonArray registered() {
    auto in = newObject();
    in->set("cooperation", std::string("igs-cultuur-va"));
    return session_->execute("documents.list", in, ops::Caller{})->getArray("documents");
  }
  std::size_t foldersInDocuments() {
    std::size_t n = 0;
    if (std::filesystem::exists(dir_ / "documenten"))
      for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir_ / "documenten")) ++n;
    return n;
  }
  static std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  // Every href="..." of a page that starts with `prefix`.
  static std::vector<std::string> links(const std::string& html, const std::string& prefix) {
    std::vector<std::string> out;
    std::regex href("href=\"(" + prefix + "[^\"]*)\"");
    for (std::sregex_iterator it(html.begin(), html.end(), href), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
  }
};

}  // namespace

TEST_F(DocumentsPageTest, AllMembersGivesOneLinkPerFileAndOneZip) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  auto r = post(kPage, "csrf=" + csrf + "&sjabloon=engagementsverklaring&formaat=docx&deelnemer=*&datum=2025-10-01", cookie);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string location = header(r, "Location");
  ASSERT_EQ(location.rfind(std::string(kPage) + "?aanmaak=", 0), 0u) << location;
  std::string query = location.substr(location.find('?') + 1, location.find('#') - location.find('?') - 1);
  auto page = get(kPage, cookie, query);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("8 documenten gemaakt"), std::string::npos);
  EXPECT_NE(page.body.find("Kluisbergen"), std::string::npos) << "members by name";
  auto docs = registered();
  ASSERT_EQ(docs->size(), 8u);
  auto files = links(page.body, std::string(kPage) + "/gen-");
  EXPECT_EQ(files.size(), 16u) << "each file in the result and in the register";
  for (const auto& link : files) {
    auto one = get(link, cookie);
    ASSERT_EQ(one.status, 200) << link;
    EXPECT_EQ(one.contentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(header(one, "Content-Disposition").rfind("attachment; filename=\"engagementsverklaring_igs-cultuur-va_", 0), 0u);
  }
  auto zips = links(page.body, std::string(kPage) + "/aanmaak/");
  ASSERT_EQ(zips.size(), 1u);
  auto zip = get(zips[0], cookie);
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.contentType, "application/zip");
  EXPECT_EQ(header(zip, "Content-Disposition").rfind("attachment; filename=\"engagementsverklaring_igs-cultuur-va_", 0), 0u);
  docs::ZipReader reader(zip.body, {}, "zip");
  ASSERT_EQ(reader.entries().size(), 8u);
  std::set<std::string> shas;
  for (std::size_t i = 0; i < docs->size(); ++i) shas.insert(docs->getObject(static_cast<unsigned>(i))->getValue<std::string>("sha256"));
  for (const auto& e : reader.entries()) {
    EXPECT_EQ(e.name.find('/'), std::string::npos);
    EXPECT_TRUE(shas.count(sha256Hex(reader.read(e)))) << e.name << " is not a registered document";
  }
  // The register: who (the account), when (Brussels, not UTC), template title, member name.
  auto again = get(kPage, cookie);
  EXPECT_NE(again.body.find("<td>a-secretariaat</td>"), std::string::npos);
  EXPECT_EQ(again.body.find("UTC"), std::string::npos);
  EXPECT_NE(again.body.find("Engagementsverklaring"), std::string::npos);
}

TEST_F(DocumentsPageTest, AnEarlierDocumentDownloadsWithItsOwnBytes) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  auto first = post(kPage, "csrf=" + csrf + "&sjabloon=engagementsverklaring&formaat=odt&deelnemer=igs-cultuur-va-45060&datum=2025-10-01", cookie);
  ASSERT_EQ(first.status, 200) << first.body;
  post(kPage, "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2025-10-01", cookie);
  auto docs = registered();
  ASSERT_EQ(docs->size(), 2u);
  auto older = docs->getObject(1);
  auto r = get(std::string(kPage) + "/" + older->getValue<std::string>("id"), cookie);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, first.body);
  EXPECT_EQ(r.contentType, "application/vnd.oasis.opendocument.text");
  // Another IGS's page does not serve it; an unknown id is 404.
  EXPECT_EQ(get("/intranet/igs/igs-rupel/documenten/" + older->getValue<std::string>("id"), cookie).status, 404);
  EXPECT_EQ(get(std::string(kPage) + "/gen-999-1", cookie).status, 404);
  EXPECT_EQ(get(std::string(kPage) + "/aanmaak/999", cookie).status, 404);
  EXPECT_EQ(get(std::string(kPage) + "/aanmaak/..%2F..", cookie).status, 404);
}

TEST_F(DocumentsPageTest, StoredPathsOutsideTheDocumentsFolderAndChangedFilesAreNotServed) {
  std::string cookie = login("secretariaat");
  // A document written elsewhere (CLI --out): registered, but not served here.
  auto in = parseJsonObject(R"({"template":"engagementsverklaring","cooperation":"igs-cultuur-va",
      "member":"igs-cultuur-va-45060","format":"docx","as_of":"2025-10-01"})");
  in->set("out", (dir_ / "elders").string());
  session_->execute("documents.generate", in, ops::Caller{});
  std::string outside = registered()->getObject(0)->getValue<std::string>("id");
  auto page = get(kPage, cookie);
  EXPECT_NE(page.body.find("niet via het intranet"), std::string::npos);
  EXPECT_EQ(get(std::string(kPage) + "/" + outside, cookie).status, 404);

  // Inside the folder, but the file is replaced by a link out of it, or changed.
  std::string csrf = csrfOf(page.body);
  ASSERT_EQ(post(kPage, "csrf=" + csrf + "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2025-10-01", cookie).status, 200);
  auto d = registered()->getObject(0);
  std::filesystem::path file = d->getValue<std::string>("path");
  std::string url = std::string(kPage) + "/" + d->getValue<std::string>("id");
  ASSERT_EQ(get(url, cookie).status, 200);
  std::filesystem::path secret = dir_ / "geheim.txt";
  std::ofstream(secret) << "geheim";
  std::filesystem::rename(file, dir_ / "bewaard.html");
  std::filesystem::create_symlink(secret, file);
  auto viaLink = get(url, cookie);
  EXPECT_EQ(viaLink.status, 404);
  EXPECT_EQ(viaLink.body.find("geheim"), std::string::npos);
  std::filesystem::remove(file);
  std::string changed = slurp(dir_ / "bewaard.html");
  changed[changed.size() / 2] ^= 1;
  std::ofstream(file, std::ios::binary) << changed;
  auto tampered = get(url, cookie);
  EXPECT_GE(tampered.status, 400);
  EXPECT_NE(tampered.body.find("gewijzigd"), std::string::npos);
  EXPECT_EQ(tampered.body.find(changed.substr(0, 40)), std::string::npos);
}

TEST_F(DocumentsPageTest, ARefusedFormKeepsWhatWasTypedAndLeavesNothing) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  // A per-member template without a member: the message is next to "Voor wie".
  auto r = post(kPage, "csrf=" + csrf + "&sjabloon=engagementsverklaring&formaat=odt&deelnemer=&datum=2025-10-01", cookie);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("id=\"fout-deelnemer\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("één document per deelnemer"), std::string::npos);
  EXPECT_NE(r.body.find("<option value=\"odt\" selected>"), std::string::npos) << "the format typed stays";
  EXPECT_NE(r.body.find("value=\"2025-10-01\""), std::string::npos) << "the date typed stays";
  // A date that does not exist: next to the date.
  auto d = post(kPage, "csrf=" + csrf + "&sjabloon=engagementsverklaring&formaat=pdf&deelnemer=*&datum=2025-02-30", cookie);
  EXPECT_EQ(d.status, 400);
  EXPECT_NE(d.body.find("id=\"fout-datum\""), std::string::npos) << d.body;
  EXPECT_NE(d.body.find("value=\"2025-02-30\""), std::string::npos);
  EXPECT_NE(d.body.find("value=\"*\" selected"), std::string::npos);
  EXPECT_EQ(registered()->size(), 0u);
  EXPECT_EQ(foldersInDocuments(), 0u) << "a refused generation leaves no folder";
}

TEST_F(DocumentsPageTest, ForgedAndUnauthorisedPostsAre403AndChangeNothing) {
  std::string form = "&sjabloon=engagementsverklaring&formaat=docx&deelnemer=*&datum=2025-10-01";
  std::string cookie = login("secretariaat");
  EXPECT_EQ(post(kPage, "csrf=" + std::string(64, 'a') + form, cookie).status, 403);
  EXPECT_EQ(post(kPage, form.substr(1), cookie).status, 403);
  std::string auditor = login("auditor");
  auto page = get(kPage, auditor);
  EXPECT_EQ(page.body.find("Maak en download"), std::string::npos) << "no form for an auditor";
  auto r = post(kPage, "csrf=" + csrfOf(page.body) + form, auditor);
  EXPECT_EQ(r.status, 403);
  // A secretariaat of another IGS: no form, and the POST is refused.
  std::string rupel = login("sec-rupel");
  EXPECT_EQ(get(kPage, rupel).status, 403);
  EXPECT_EQ(post(kPage, "csrf=" + csrfOf(get("/intranet/igs/igs-rupel/documenten", rupel).body) + form, rupel).status, 403);
  EXPECT_EQ(registered()->size(), 0u);
  EXPECT_EQ(foldersInDocuments(), 0u);
}
