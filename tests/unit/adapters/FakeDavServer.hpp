// FakeDavServer: an in-process WebDAV test double (Poco::Net::HTTPServer on
// 127.0.0.1, ephemeral port) serving ONE folder, /dav/, for the unit tests of
// the WebDAV adapter's listing paths that no Debian server offers:
//   - PROPFIND depth 1 cut after `truncateAfter` members (a 507 response for
//     the folder inside the 207), or answered 507 as a whole;
//   - the sync-collection REPORT (RFC 6578), advertised in
//     DAV:supported-report-set, paging by DAV:limit/nresults with sync-tokens
//     "tok-<offset>", optionally with a change between pages (the first
//     member re-reported with a new etag, the second reported removed) or a
//     truncated page without a token, or refusing the first N sync-tokens
//     (403 with the DAV:valid-sync-token precondition, RFC 6578 3.2).
// Enough of the rest for the adapter's connect probe: PUT / DELETE with
// If-None-Match / If-Match (412), PROPFIND depth 0 of a file, PROPPATCH 405.
// Members are served in name order with strong etags, sizes and a fixed date;
// their hrefs are the names encoded with lower-case hex (as Apache does).
// Thread safety: the server's threads share the state under a mutex; the
// counters may be read from the test at any time.
#pragma once

#include <Poco/Net/HTTPServer.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace igsgov::adapters::webdav::testing {

struct FakeDavOptions {
  bool offerSyncCollection = false;
  int truncateAfter = -1;        // PROPFIND depth 1: members served before the 507 marker; -1 = all
  bool propfind507 = false;      // PROPFIND depth 1 answered with HTTP 507 as a whole
  bool churnBetweenPages = false;  // page 2 re-reports member 0 (new etag) and reports member 1 removed
  bool dropTokenOnPage2 = false;   // page 2 is truncated but carries no sync-token
  bool brokenReportSet = false;    // the supported-report-set answer is malformed XML
  int refuseTokens = 0;            // this many REPORTs with a sync-token get 403 DAV:valid-sync-token
};

struct FakeDavCounters {
  std::atomic<int> requests{0};
  std::atomic<int> propfindDepth1{0};
  std::atomic<int> reportPages{0};          // REPORT requests answered 207
  std::atomic<int> supportedReportAsks{0};  // PROPFIND asking DAV:supported-report-set
  std::atomic<int> tokensRefused{0};        // REPORTs answered 403 DAV:valid-sync-token
};

class FakeDavServer {
public:
  FakeDavServer(std::map<std::string, std::string> files, FakeDavOptions options);
  ~FakeDavServer();

  std::string url() const;  // "http://127.0.0.1:<port>/dav/"
  const FakeDavCounters& counters() const;

  struct State;

private:
  std::shared_ptr<State> state_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  int port_ = 0;
};

}  // namespace igsgov::adapters::webdav::testing
