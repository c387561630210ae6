// WebDavAdapter: a WebDAV server (Apache mod_dav, lighttpd, nginx dav-ext,
// SharePoint, Nextcloud, Alfresco...) as a document system.
//
// Contract (on top of Adapter's):
//   - Connect (lazily, on the first operation, retried after a failure):
//     (page_size > 0: one PROPFIND depth 0 of the base URL asking whether it
//     offers sync-collection), the base folder's listing (it must be a
//     collection), then a probe file
//     ".igsgov-probe-<random>" decides whether the server HONOURS conditional
//     requests: a second PUT with "If-None-Match: *" and a PUT with a bogus
//     "If-Match" must both answer 412, and a DELETE with a bogus If-Match too.
//     The probe is deleted afterwards. capabilities() reports the result.
//   - Leftovers: a killed process can leave its probe (at the base URL) or a
//     temporary upload (".igsgov-tmp-*", next to its target). Connect lists
//     the base folder and list() each folder; such files older than
//     stale_seconds by the SERVER's clock (its Date header against the file's
//     getlastmodified) are deleted, younger ones (maybe another process's) kept.
//   - listing(dir, false) asks no getetag; capabilities().costlyEtags is set
//     on digest-etag servers (where that saves reading every file).
//   - list(): PROPFIND depth 1 (never infinity), parsed as a stream (SAX,
//     no DTD), or, where the server offers it, the sync-collection REPORT
//     in pages of `page_size` (PagedListing.hpp). Offer is detected once per
//     connect (one PROPFIND depth 0 of the base asking
//     DAV:supported-report-set; none with page_size 0); a REPORT answered
//     405/501 switches paging off for the adapter's life, any other refusal
//     falls back to PROPFIND for that folder. Both paths give the same
//     entries (hrefs, etags, sizes, names).
//   - Incomplete listings: a PROPFIND answered 507, or a 207 carrying a 507
//     response or DAV:number-of-matches-within-limits (a server that cut its
//     list), and a sync-collection sequence that ends early, are Error(io)
//     naming the folder's URL ("onvolledige lijst"): nothing is listed, so
//     the sync engine never plans on a partial view. Connect lists the base
//     folder, so a truncating server fails at connect.
//   - Entries keep the server's href (undecoded) as identity; names are the
//     strictly percent-decoded last segments (a bad %-escape is Error(io)).
//   - put(): never sends Content-Range. New names are checked against the
//     folder's names in NFC + lower case first (a clash is Error(conflict)).
//     The body is streamed from the Content (Content.hpp: 256 KiB pieces,
//     SHA-256 and the digest etag computed on the way); when the bytes turn
//     out not to match what was announced, the last piece is never sent and
//     the connection is dropped, so the server holds an incomplete body,
//     which Apache, lighttpd and nginx discard (conformance suite:
//     ContentChangedSinceListedIsNotStored). On the temporary-file path the
//     MOVE does not happen either.
//       With conditional requests: one PUT with If-None-Match: * (createOnly)
//       or If-Match: <etag> (ifMatch); 412 -> conflict.
//       Without: PUT to ".igsgov-tmp-*" in the same folder, verify its size,
//       re-check the target (createOnly: still absent; ifMatch: same etag if
//       the server gives strong etags, and same SHA-256 by GET when the caller
//       passed one), then MOVE with "Overwrite: F" (createOnly) or T. A
//       change that lands between the re-check and the MOVE (milliseconds)
//       cannot be caught on such servers.
//     Afterwards the size is verified by PROPFIND, and with verify_hash the
//     content by GET + SHA-256. The returned entry is the server's state.
//     On a server whose etags are content digests (DigestEtag.hpp, detected
//     on the probe) that PROPFIND asks no etag (the server would re-read and
//     hash the whole file): the entry's etag is the digest of the bytes sent,
//     so a change by someone else right after the PUT shows as a different
//     etag later instead of being taken for ours; with verify_hash the
//     server's etag is fetched and compared instead of a GET.
//   - putMany(): up to `parallel` transfers at once on keep-alive connections;
//     each folder is listed once for the clash check. An item's properties
//     are PROPPATCHed by the worker that uploaded it, right after its PUT
//     (a PROPPATCH costs Apache a full read of the file for its digest etag:
//     ~29 ms for 5 MiB, so they must overlap with other transfers).
//   - Properties (setProperties/getProperties): PROPPATCH with a
//     DAV:propertyupdate body in igsgov's namespace (values XML-escaped; an
//     empty value is a DAV:remove of that property); the
//     207 multistatus must report 2xx for every propstat, anything else is
//     Error(io) (403/409/424 per property included). getProperties is a
//     PROPFIND allprop, depth 0. Connect decides support on the probe file:
//     a PROPPATCH of two properties and a PROPFIND that returns both values
//     mean capabilities().properties (Apache mod_dav_fs, lighttpd with its
//     property database; each property goes in its own DAV:set because
//     lighttpd 1.4.69 keeps only the first of a DAV:set); otherwise (nginx
//     dav-ext: 405) the capability is off and setProperties fails with
//     Error(unsupported) without any request.
//   - HTTP status mapping: 401/403 -> denied, 404 -> notFound, 409 on
//     PUT/MKCOL/MOVE -> notFound (parent missing), 412 -> conflict,
//     423 -> busy, other 4xx/5xx -> io.
// Thread safety: all operations are thread-safe.
#pragma once

#include "adapters/common/Adapter.hpp"
#include "adapters/common/Registry.hpp"
#include "adapters/webdav/HttpClient.hpp"
#include "adapters/webdav/Multistatus.hpp"
#include "adapters/webdav/WebDavConfig.hpp"

#include <atomic>
#include <mutex>

namespace igsgov::adapters::webdav {

class WebDavAdapter : public Adapter {
public:
  explicit WebDavAdapter(const WebDavConfig& config);

  // For tests and diagnostics: TCP connections opened so far.
  int connectionsOpened() const { return http_.connectionsOpened(); }
  // For tests and diagnostics: listings use sync-collection pages (decided at connect).
  bool pagesListings() const { return syncCollection_.load(); }

protected:
  Capabilities doCapabilities() override;
  std::vector<Entry> doList(const RelPath& dir) override;
  Listing doListing(const RelPath& dir, bool withEtags) override;
  std::optional<Entry> doStat(const RelPath& path) override;
  std::uint64_t doGet(const RelPath& path, std::ostream& out) override;
  Entry doPut(const RelPath& path, const Content& content, const Precondition& pre) override;
  std::vector<PutOutcome> doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items) override;
  Entry doMove(const RelPath& from, const RelPath& to, bool overwrite) override;
  void doRemove(const RelPath& path, const Precondition& pre) override;
  void doMkdirs(const RelPath& path) override;
  void doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props) override;
  std::map<std::string, std::string> doGetProperties(const RelPath& path) override;

private:
  void proppatch(const RelPath& path, const std::map<std::string, std::string>& props);
  std::map<std::string, std::string> readProperties(const RelPath& path);
  void connect();
  void probe();
  std::string url(const RelPath& p, bool dir = false) const;
  Entry toEntry(const RelPath& path, PropResponse&& r) const;
  Entry entryOf(PropResponse&& r) const;  // toEntry at the href's RelPath
  // Does the base collection offer the sync-collection REPORT? One PROPFIND depth 0.
  bool offersSyncCollection();
  // The folder's entries (depth 1): sync-collection pages when offered, else PROPFIND.
  // Same arguments and results as propfind(dir, 1, ...), except that the
  // sync-collection path does not include the folder itself.
  std::vector<Entry> listFolder(const RelPath& dir, bool& found, std::int64_t* serverNow, bool withEtag);
  // serverNow (optional): the server's clock from the Date header, 0 when unknown.
  // withEtag false: entries without etags (names, type, size, date), cheap on
  // servers that compute etags from the content (Apache FileETag Digest).
  std::vector<Entry> propfind(const RelPath& path, int depth, bool& found, std::int64_t* serverNow = nullptr,
                              bool withEtag = true);
  // Deletes the adapter's own leftovers among `entries` (see the contract above).
  void sweepLeftovers(const std::vector<Entry>& entries, std::int64_t serverNow);
  // Raw names of the folder's children (for clash checks); throws notFound if the folder is missing.
  std::vector<std::string> childNames(const RelPath& dir);
  void checkClash(const RelPath& path, const std::vector<std::string>& names);
  // What one streamed PUT sent: size and SHA-256, and the digest etag when the server makes those.
  struct Sent {
    Streamed facts;
    std::string digestEtag;
  };
  // PUT of `content` to `target` (an encoded URL path), read while it is sent and checked
  // by streamContent: a mismatch drops the connection before the body is complete.
  HttpResponse putStreamed(const std::string& target, const Content& content, const HttpClient::Headers& headers,
                           const RelPath& path, Sent& sent);
  Entry putChecked(const RelPath& path, const Content& content, const Precondition& pre);
  Entry putConditional(const RelPath& path, const Content& content, const Precondition& pre);
  Entry putViaTemp(const RelPath& path, const Content& content, const Precondition& pre);
  void verifyMatch(const RelPath& path, const Precondition& pre);
  Entry verifyAfterPut(const RelPath& path, const Sent& sent);
  void move(const RelPath& from, const RelPath& to, bool overwrite, bool isDir);
  void deleteQuietly(const RelPath& path);
  std::string hashOf(const RelPath& path);
  [[noreturn]] void fail(const HttpResponse& r, const std::string& op, const RelPath& path) const;

  WebDavConfig config_;
  HttpClient http_;
  std::string basePath_;         // encoded, ends with '/'
  std::string decodedBasePath_;  // decoded, ends with '/'
  std::mutex connectMutex_;
  bool connected_ = false;
  Capabilities caps_;
  // The server's etags are digestEtag(content) (Apache FileETag Digest), seen on the probe.
  bool digestEtags_ = false;
  // The server offers the sync-collection REPORT (and page_size > 0): listings page.
  std::atomic<bool> syncCollection_{false};
};

// Registers type "webdav" (see WebDavConfig for the fields).
void registerFactory(Registry& registry);

}  // namespace igsgov::adapters::webdav
