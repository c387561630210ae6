// The WebDAV adapter's listing against an in-process test double
// (FakeDavServer), because none of the Debian servers we test (Apache
// mod_dav, lighttpd, nginx) truncates listings or offers the sync-collection
// REPORT: a truncated PROPFIND is an io error and lists nothing; a server
// offering sync-collection is listed in pages, every entry exactly once, and
// the result equals the PROPFIND listing of the same folder.
#include "FakeDavServer.hpp"

#include "adapters/webdav/PagedListing.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "adapters/webdav/WebDavConfig.hpp"
#include "core/Error.hpp"
#include "core/Json.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

namespace igsgov::adapters::webdav {
namespace {

using testing::FakeDavOptions;
using testing::FakeDavServer;

std::map<std::string, std::string> folderOf(int n) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "f%05d.txt", i);
    files[name] = std::string(static_cast<std::size_t>(i % 97), 'x');
  }
  files["café 1.docx"] = "accent and space";  // href sent as caf%c3%a9%201.docx
  return files;
}

std::unique_ptr<WebDavAdapter> adapterFor(const FakeDavServer& server, int pageSize = 1000) {
  return std::make_unique<WebDavAdapter>(WebDavConfig::fromJson(parseJsonObject(
      R"({"type":"webdav","url":")" + server.url() + R"(","page_size":)" + std::to_string(pageSize) + "}")));
}

using Row = std::tuple<std::string, std::string, std::string, std::string, std::uint64_t, bool, std::int64_t>;
std::vector<Row> rows(const std::vector<Entry>& entries) {
  std::vector<Row> out;
  for (const auto& e : entries) out.emplace_back(e.path, e.name, e.href, e.etag, e.size, e.isDir, e.mtime);
  std::sort(out.begin(), out.end());
  return out;
}

Error listingError(Adapter& a) {
  try {
    a.list("");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "listing a truncated folder did not fail";
  return Error(ErrorCode::internal, "no error");
}

TEST(WebDavPaging, TruncatedPropfindIsAnIoErrorNamingTheUrl) {
  FakeDavServer server(folderOf(2500), FakeDavOptions{.truncateAfter = 1000});
  auto a = adapterFor(server);
  Error e = listingError(*a);
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  const std::string text = e.fullText();
  EXPECT_NE(text.find("onvolledige lijst"), std::string::npos) << text;
  EXPECT_NE(text.find(server.url()), std::string::npos) << text;
  EXPECT_GE(server.counters().propfindDepth1.load(), 1);
  EXPECT_EQ(server.counters().reportPages.load(), 0);
  EXPECT_FALSE(a->pagesListings());
  // Also for a listing asked after connect: the error repeats, nothing is listed.
  EXPECT_EQ(listingError(*a).errorCode(), ErrorCode::io);
}

TEST(WebDavPaging, PropfindAnswered507IsAnIoError) {
  FakeDavServer server(folderOf(10), FakeDavOptions{.propfind507 = true});
  auto a = adapterFor(server, 0);
  Error e = listingError(*a);
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_NE(e.fullText().find("onvolledige lijst"), std::string::npos) << e.fullText();
  EXPECT_EQ(server.counters().supportedReportAsks.load(), 0);  // page_size 0: no detection request
}

TEST(WebDavPaging, SyncCollectionListsEveryEntryOnceOverSeveralPages) {
  auto files = folderOf(2500);
  FakeDavServer server(files, FakeDavOptions{.offerSyncCollection = true, .truncateAfter = 1000});
  auto a = adapterFor(server, 1000);
  auto entries = a->list("");
  EXPECT_TRUE(a->pagesListings());
  // connect: one detection request, then the base folder listed in pages; then list(): pages again.
  EXPECT_EQ(server.counters().supportedReportAsks.load(), 1);
  EXPECT_EQ(server.counters().propfindDepth1.load(), 0);  // the truncating PROPFIND was never used
  EXPECT_EQ(server.counters().reportPages.load(), 2 * 3);  // 2,501 entries in pages of 1,000, twice
  ASSERT_EQ(entries.size(), files.size());
  std::set<std::string> names;
  for (const auto& e : entries) {
    EXPECT_TRUE(names.insert(e.name).second) << "listed twice: " << e.name;
    EXPECT_EQ(e.size, files.at(e.name).size()) << e.name;
    EXPECT_FALSE(e.etag.empty());
  }
  EXPECT_EQ(names.size(), files.size());
  auto cafe = std::find_if(entries.begin(), entries.end(), [](const Entry& e) { return e.name == "café 1.docx"; });
  ASSERT_NE(cafe, entries.end());
  EXPECT_EQ(cafe->href, "/dav/caf%c3%a9%201.docx");  // kept as the server sent it
  // The detection is cached: another listing asks no second time.
  a->listing("", false);
  EXPECT_EQ(server.counters().supportedReportAsks.load(), 1);
  EXPECT_EQ(server.counters().reportPages.load(), 3 * 3);
}

TEST(WebDavPaging, PagedAndPropfindListingsAreIdentical) {
  auto files = folderOf(2500);
  FakeDavServer paged(files, FakeDavOptions{.offerSyncCollection = true});
  FakeDavServer plain(files, FakeDavOptions{});
  auto viaPages = adapterFor(paged, 700)->list("");
  auto viaPropfind = adapterFor(plain, 700)->list("");
  EXPECT_GT(paged.counters().reportPages.load(), 0);
  EXPECT_EQ(plain.counters().reportPages.load(), 0);
  EXPECT_GT(plain.counters().propfindDepth1.load(), 0);
  EXPECT_EQ(rows(viaPages), rows(viaPropfind));
  // page_size 0 on the paging server: PROPFIND, the same rows again, no detection request.
  FakeDavServer unpaged(files, FakeDavOptions{.offerSyncCollection = true});
  EXPECT_EQ(rows(adapterFor(unpaged, 0)->list("")), rows(viaPropfind));
  EXPECT_EQ(unpaged.counters().reportPages.load(), 0);
  EXPECT_EQ(unpaged.counters().supportedReportAsks.load(), 0);
}

TEST(WebDavPaging, AnUnreadableReportSetAnswerMeansPropfind) {
  auto files = folderOf(20);
  FakeDavServer server(files, FakeDavOptions{.offerSyncCollection = true, .brokenReportSet = true});
  auto a = adapterFor(server);
  EXPECT_EQ(a->list("").size(), files.size());
  EXPECT_EQ(server.counters().supportedReportAsks.load(), 1);
  EXPECT_FALSE(a->pagesListings());
  EXPECT_EQ(server.counters().reportPages.load(), 0);
}

TEST(WebDavPaging, ChangesBetweenPagesAreMergedNotDuplicated) {
  auto files = folderOf(2500);
  FakeDavServer server(files, FakeDavOptions{.offerSyncCollection = true, .churnBetweenPages = true});
  auto entries = adapterFor(server, 1000)->list("");
  // The first member (in the server's name order) is re-reported on page 2 with a new etag: listed
  // once, with that etag; the second is reported removed on page 2: gone.
  const std::string firstName = files.begin()->first, secondName = std::next(files.begin())->first;
  EXPECT_EQ(entries.size(), files.size() - 1);
  std::map<std::string, int> seen;
  for (const auto& e : entries) ++seen[e.name];
  for (const auto& [name, n] : seen) EXPECT_EQ(n, 1) << name;
  EXPECT_EQ(seen.count(secondName), 0u);
  auto first = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.name == firstName; });
  ASSERT_NE(first, entries.end());
  EXPECT_EQ(first->etag, "\"changed\"");
}

TEST(WebDavPaging, TruncatedPageWithoutTokenIsAnIoError) {
  FakeDavServer server(folderOf(2500), FakeDavOptions{.offerSyncCollection = true, .dropTokenOnPage2 = true});
  auto a = adapterFor(server, 1000);
  Error e = listingError(*a);
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_NE(e.fullText().find("onvolledige lijst"), std::string::npos) << e.fullText();
  EXPECT_NE(e.fullText().find("sync-token"), std::string::npos) << e.fullText();
}

// A server that forgot the sync-token between two pages (RFC 6578 3.2): the
// listing starts over and is complete; a server that keeps refusing is an io error.
TEST(WebDavPaging, ARefusedSyncTokenStartsTheListingOver) {
  auto files = folderOf(2500);
  FakeDavServer server(files, FakeDavOptions{.offerSyncCollection = true, .refuseTokens = 1});
  auto entries = adapterFor(server, 1000)->list("");
  EXPECT_EQ(server.counters().tokensRefused, 1);
  // connect's listing: page 1, page 2 refused, pages 1-3 again; then list(): 3 pages.
  EXPECT_EQ(server.counters().reportPages, 1 + 3 + 3);
  std::map<std::string, int> seen;
  for (const auto& e : entries) ++seen[e.name];
  EXPECT_EQ(seen.size(), files.size());
  for (const auto& [name, n] : seen) EXPECT_EQ(n, 1) << name;

  FakeDavServer stubborn(files, FakeDavOptions{.offerSyncCollection = true, .refuseTokens = 1000});
  Error e = listingError(*adapterFor(stubborn, 1000));
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_NE(e.fullText().find("sync-token 4 keer geweigerd"), std::string::npos) << e.fullText();
  EXPECT_EQ(stubborn.counters().tokensRefused, maxRestarts + 1);
}

}  // namespace
}  // namespace igsgov::adapters::webdav
