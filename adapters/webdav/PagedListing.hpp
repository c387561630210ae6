// PagedListing: a folder's members read page by page with the WebDAV
// sync-collection REPORT (RFC 6578), and the error every incomplete listing
// becomes.
//
// listBySyncCollection(http, url, pageSize, withEtag, where)
//   Sends REPORT (Depth: 0) with an empty sync-token, sync-level 1 and at most
//   `pageSize` results. While the server marks its answer as truncated (a 507
//   response inside the 207, see Multistatus.hpp) it asks again with the
//   sync-token of that answer. A member reported on several pages is kept
//   once (the last report wins); a member reported 404/410 on a later page
//   (removed meanwhile) is dropped. The result holds the raw PropResponses of
//   the present members, in the order they first came, each exactly once.
//   The folder itself is not among them (sync-collection lists members only).
//   - The first request not answered with 207 (no such report here, a file,
//     a refused limit...) is not an error: `offered` is false, `status` says
//     why, and the caller lists with PROPFIND instead.
//   - A sync-token the server refuses in the middle (403/409 with the
//     DAV:valid-sync-token precondition, RFC 6578 3.2: it forgot the token)
//     starts the listing over from the first page, at most maxRestarts times.
//   - After the first page, anything else but a complete sequence is an
//     incompleteListing error: a non-207 answer, a truncated answer without a
//     new sync-token, more than maxPages pages or maxRestarts restarts.
//   serverNow is the first page's Date (the earliest clock of the listing:
//   the conservative one for "older than" decisions).
//
// incompleteListing(url, detail, where)
//   Error(io), Dutch, naming the folder's URL and saying the server's list
//   is incomplete, so nothing is decided on it.
//
// Thread safety: a function over a thread-safe HttpClient; parsing streams
// each page (SAX) and keeps only the members' properties.
#pragma once

#include "adapters/webdav/HttpClient.hpp"
#include "adapters/webdav/Multistatus.hpp"
#include "core/Error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace igsgov::adapters::webdav {

struct PagedListing {
  bool offered = true;                // false: the first REPORT was refused (see status)
  int status = 0;                     // HTTP status of the refused first REPORT
  std::vector<PropResponse> members;  // present members, each once
  int pages = 0;                      // REPORT requests answered with 207
  std::int64_t serverNow = 0;         // the first page's Date; 0 unknown
};

inline constexpr int maxPages = 100000;
inline constexpr int maxRestarts = 3;

PagedListing listBySyncCollection(HttpClient& http, const std::string& url, std::size_t pageSize, bool withEtag,
                                  const Place& where);

Error incompleteListing(const std::string& url, const std::string& detail, const Place& where);

}  // namespace igsgov::adapters::webdav
