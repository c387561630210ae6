// Multistatus: a streaming (SAX) parser for WebDAV 207 responses (PROPFIND,
// PROPPATCH, sync-collection REPORT) and the request bodies that ask for them.
//
// Reads the response body from an std::istream as it arrives and calls the
// callback once per <D:response>, so a folder of 100,000 entries is never
// held as a DOM. Security: a document with a DOCTYPE is refused (no DTD, so
// no entity expansion bombs), external general and parameter entities are
// switched off.
//
// Also used for PROPPATCH answers: every propstat's status is kept.
// Only properties in a <D:propstat> whose status is 2xx are taken. Values are
// raw (the href undecoded; see Href.hpp).
//
// Truncation: a server that could not send every result says so inside the
// 207 (a <D:response> whose own status is 507, normally for the requested
// collection, and/or a <D:number-of-matches-within-limits/> condition). The
// parser reports that in MultistatusInfo::truncated; deciding what it means
// (an incomplete listing, or the next page of a sync-collection) is the
// caller's job. The multistatus-level <D:sync-token> is kept for paging.
// Failure: malformed XML or a DOCTYPE -> Error(io) naming the line.
// Thread safety: a function; independent calls may run in parallel.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <vector>
#include <optional>
#include <string>

namespace igsgov::adapters::webdav {

struct PropResponse {
  std::string href;
  int status = 0;               // from <D:status> of the response itself, if any
  bool hasProps = false;        // a 2xx propstat was seen
  bool isCollection = false;
  std::optional<std::uint64_t> contentLength;
  std::string etag;             // "" when absent
  std::string lastModified;     // RFC 1123 text, "" when absent
  std::string sha256;           // from oc:checksums "SHA256:<hex>" when the server offers it
  std::vector<int> propstatStatuses;  // the status of every <D:propstat>, in order (PROPPATCH results)
  std::map<std::string, std::string> igsProps;  // 2xx properties in igsgov's namespace (local name -> text)
  bool syncCollectionReport = false;  // a 2xx DAV:supported-report-set names DAV:sync-collection
};

struct MultistatusInfo {
  std::size_t responses = 0;  // <D:response> elements seen
  bool truncated = false;     // a response with status 507 or a number-of-matches-within-limits condition
  std::string truncatedHref;  // href of the (first) 507 response, "" when the condition came alone
  std::string syncToken;      // the multistatus-level <D:sync-token>, "" when absent
};

// Calls `onResponse` for every response (507 ones included).
MultistatusInfo parseMultistatus(std::istream& in, const std::function<void(PropResponse&&)>& onResponse);

// The PROPFIND request body asking for the properties above. Without etags
// (withEtag false: names, type, size, date only) for callers that need no
// etag: a server with content-digest etags (Apache FileETag Digest) reads and
// hashes every file of the folder to answer getetag.
const std::string& propfindBody(bool withEtag = true);

// A PROPFIND body asking every property (allprop: live and dead ones).
const std::string& propfindAllBody();

// A PROPFIND body asking the resource type and DAV:supported-report-set
// (depth 0 on a collection: does it offer the sync-collection REPORT?).
const std::string& propfindReportsBody();

// A sync-collection REPORT body: `token` "" for the first request, sync-level 1,
// at most `limit` results (0: no DAV:limit), the same properties as propfindBody(withEtag).
std::string syncCollectionBody(const std::string& token, std::size_t limit, bool withEtag);

// A DAV:propertyupdate body setting `props` in `ns` (names must be XML names;
// values are XML-escaped), one DAV:set per property (lighttpd 1.4.69 keeps
// only the first property of a multi-property DAV:set and still answers 2xx);
// a property with an empty value gets a DAV:remove instead (one per property).
std::string proppatchBody(const std::string& ns, const std::map<std::string, std::string>& props);

}  // namespace igsgov::adapters::webdav
