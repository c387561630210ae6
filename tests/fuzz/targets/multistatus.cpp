// Fuzz target "multistatus": the WebDAV multistatus parser
// (adapters/webdav/Multistatus, a SAX parser over Poco/expat) on any bytes
// as a server's 207 body, and the href handling every listed entry goes
// through (adapters/webdav/Href, adapters/common/RelPath).
//
// Checks: the body gives responses or a clean Error (io for malformed XML or
// a DOCTYPE), and parsing it again gives the same (the parser keeps no state
// between calls); the summary counts the responses; an href that maps to a path under the base ("/dav/") maps back to itself
// when encoded again (encodePath then relativeTo), and its path is already
// normal (RelPath::parse keeps it). Seeds: the answers of Apache mod_dav,
// nginx, lighttpd and Nextcloud captured in tests/unit/adapters and
// tests/unit/adapters/FakeDavServer.cpp (PROPFIND, PROPPATCH, sync-collection).
#include "FuzzSupport.hpp"
#include "adapters/webdav/Href.hpp"
#include "adapters/webdav/Multistatus.hpp"

#include <sstream>
#include <vector>

using namespace igsgov;
using namespace igsgov::adapters;
using namespace igsgov::adapters::webdav;

namespace {

std::string describe(const PropResponse& r) {
  std::ostringstream s;
  s << r.href << '|' << r.status << '|' << r.hasProps << r.isCollection << '|'
    << (r.contentLength ? std::to_string(*r.contentLength) : "-") << '|' << r.etag << '|' << r.lastModified << '|'
    << r.sha256 << '|' << r.syncCollectionReport << '|';
  for (int st : r.propstatStatuses) s << st << ',';
  for (const auto& [k, v] : r.igsProps) s << k << '=' << v << ';';
  return s.str();
}

std::optional<std::vector<std::string>> parse(std::istream& in, std::vector<PropResponse>* keep) {
  std::vector<std::string> out;
  MultistatusInfo info;
  bool ok = fuzz::refuse("parseMultistatus", [&] {
    info = parseMultistatus(in, [&](PropResponse&& r) {
      out.push_back(describe(r));
      if (keep) keep->push_back(std::move(r));
    });
  });
  if (!ok) return std::nullopt;
  fuzz::require(info.responses == out.size(), "MultistatusInfo::responses differs from the responses given");
  out.push_back("info " + std::to_string(info.truncated) + '|' + info.truncatedHref + '|' + info.syncToken);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body = fuzz::text(data, size);
  std::vector<PropResponse> responses;
  std::istringstream whole{std::string(body)};
  auto once = parse(whole, &responses);
  std::istringstream second{std::string(body)};
  auto again = parse(second, nullptr);
  fuzz::require(once.has_value() == again.has_value() && (!once || *once == *again),
                "the same body parsed twice gives different results");

  for (const auto& r : responses) {
    std::optional<RelPath> rel;
    if (!fuzz::refuse("relativeTo", [&] { rel = relativeTo("/dav/", r.href); })) continue;
    fuzz::require(RelPath::parse(rel->str()) == *rel, "relativeTo gave a path that is not normal: " + rel->str());
    std::string again = encodePath("/dav/", *rel, r.isCollection);
    RelPath back;
    fuzz::refuse("relativeTo(encodePath)", [&] { back = relativeTo("/dav/", again); });
    fuzz::require(back == *rel, "encodePath/relativeTo do not round-trip: " + r.href + " -> " + again);
  }
  return 0;
}
