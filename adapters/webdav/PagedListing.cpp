#include "adapters/webdav/PagedListing.hpp"

#include <istream>
#include <optional>
#include <unordered_map>

namespace igsgov::adapters::webdav {
namespace {

// The member's identity across pages: its href without a trailing '/'.
std::string keyOf(const std::string& href) {
  if (href.size() > 1 && href.back() == '/') return href.substr(0, href.size() - 1);
  return href;
}

// 403 or 409 with the DAV:valid-sync-token precondition in the body.
bool refusedToken(const HttpResponse& r) {
  return (r.status == 403 || r.status == 409) && r.body.find("valid-sync-token") != std::string::npos;
}

}  // namespace

Error incompleteListing(const std::string& url, const std::string& detail, const Place& where) {
  return Error(ErrorCode::io,
               "onvolledige lijst van de WebDAV-server voor " + url + " (" + detail +
                   "); er wordt niets beslist op een onvolledige lijst",
               where);
}

PagedListing listBySyncCollection(HttpClient& http, const std::string& url, std::size_t pageSize, bool withEtag,
                                  const Place& where) {
  PagedListing out;
  std::vector<std::optional<PropResponse>> found;  // slots in first-seen order; nullopt = removed meanwhile
  std::unordered_map<std::string, std::size_t> slot;
  const std::string shown = http.absoluteUrl(url);
  std::string token;
  int restarts = 0;
  for (int page = 0;; ++page) {
    if (page >= maxPages)
      throw incompleteListing(shown, "meer dan " + std::to_string(maxPages) + " pagina's", where);
    MultistatusInfo info;
    auto onBody = [&](std::istream& in) {
      info = parseMultistatus(in, [&](PropResponse&& r) {
        if (r.status == 507) return;  // the truncation marker for the collection itself
        const std::string key = keyOf(r.href);
        auto it = slot.find(key);
        if (r.status == 404 || r.status == 410) {
          if (it != slot.end()) found[it->second].reset();
          return;
        }
        if ((r.status != 0 && (r.status < 200 || r.status >= 300)) || !r.hasProps) return;
        if (it == slot.end()) {
          slot.emplace(key, found.size());
          found.emplace_back(std::move(r));
        } else {
          found[it->second] = std::move(r);
        }
      });
    };
    HttpResponse r = http.send("REPORT", url, {{"Depth", "0"}, {"Content-Type", "application/xml; charset=utf-8"}},
                               syncCollectionBody(token, pageSize, withEtag), onBody);
    if (r.status != 207) {
      if (out.pages == 0 && restarts == 0) {
        out.offered = false;
        out.status = r.status;
        return out;
      }
      if (refusedToken(r)) {
        // The server no longer knows the token (RFC 6578 3.2): start over from the first page.
        if (++restarts > maxRestarts)
          throw incompleteListing(shown, "sync-token " + std::to_string(restarts) + " keer geweigerd", where);
        found.clear();
        slot.clear();
        token.clear();
        page = -1;
        continue;
      }
      throw incompleteListing(shown, "HTTP " + std::to_string(r.status) + " op pagina " + std::to_string(page + 1), where);
    }
    if (out.pages == 0) out.serverNow = r.date();
    ++out.pages;
    if (!info.truncated) break;
    if (info.syncToken.empty() || info.syncToken == token)
      throw incompleteListing(shown, "afgekapt zonder nieuw sync-token op pagina " + std::to_string(page + 1), where);
    token = info.syncToken;
  }
  out.members.reserve(slot.size());
  for (auto& m : found)
    if (m) out.members.push_back(std::move(*m));
  return out;
}

}  // namespace igsgov::adapters::webdav
