#include "adapters/webdav/WebDavAdapter.hpp"

#include "adapters/common/Names.hpp"
#include "adapters/webdav/DigestEtag.hpp"
#include "adapters/webdav/Href.hpp"
#include "adapters/webdav/PagedListing.hpp"
#include "core/Sha256.hpp"

#include <Poco/DateTimeParser.h>
#include <Poco/String.h>
#include <Poco/UUIDGenerator.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <istream>
#include <map>
#include <ostream>
#include <thread>

namespace igsgov::adapters::webdav {
namespace {

Place at(const RelPath& p) { return Place().set("path", "'" + p.str() + "'"); }

std::string randomName(const char* prefix) {
  std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  Poco::removeInPlace(id, '-');
  return std::string(prefix) + id;
}

bool ok2xx(int s) { return s >= 200 && s < 300; }
bool weak(const std::string& etag) { return etag.rfind("W/", 0) == 0; }

std::string basePathOf(const Poco::URI& url) {
  std::string out = "/";
  std::vector<std::string> segs;
  url.getPathSegments(segs);
  for (const auto& s : segs) out += encodeSegment(s) + "/";
  return out;
}

}  // namespace

WebDavAdapter::WebDavAdapter(const WebDavConfig& config)
    : Adapter("webdav " + config.displayUrl()), config_(config), http_(config) {
  basePath_ = basePathOf(config_.url);
  decodedBasePath_ = decodeStrict(basePath_);
}

std::string WebDavAdapter::url(const RelPath& p, bool dir) const { return encodePath(basePath_, p, dir); }

void WebDavAdapter::fail(const HttpResponse& r, const std::string& op, const RelPath& path) const {
  std::string what = op + ": HTTP " + std::to_string(r.status);
  Place where = at(path);
  switch (r.status) {
    case 401: throw Error(ErrorCode::denied, "aanmelden bij de WebDAV-server geweigerd (" + what + ")", where);
    case 403: throw Error(ErrorCode::denied, "geen toegang op de WebDAV-server (" + what + ")", where);
    case 404:
    case 410: throw Error(ErrorCode::notFound, "niet gevonden op de WebDAV-server (" + what + ")", where);
    case 409:
      throw Error(ErrorCode::notFound, "bovenliggende map ontbreekt op de WebDAV-server (" + what + ")", where);
    case 412: throw Error(ErrorCode::conflict, "voorwaarde niet vervuld: het doel is intussen gewijzigd of bestaat al (" + what + ")", where);
    case 423: throw Error(ErrorCode::busy, "vergrendeld op de WebDAV-server (" + what + ")", where);
    case 507: throw Error(ErrorCode::io, "de WebDAV-server is vol (" + what + ")", where);
    default: throw Error(ErrorCode::io, "onverwacht antwoord van de WebDAV-server (" + what + ")", where);
  }
}

Entry WebDavAdapter::toEntry(const RelPath& path, PropResponse&& r) const {
  Entry e;
  e.path = path.str();
  e.name = path.name();
  e.href = std::move(r.href);
  e.isDir = r.isCollection;
  e.size = e.isDir ? 0 : r.contentLength.value_or(0);
  e.etag = std::move(r.etag);
  e.weakEtag = weak(e.etag);
  e.sha256 = std::move(r.sha256);
  if (!r.lastModified.empty()) {
    Poco::DateTime dt;
    int tz = 0;
    if (Poco::DateTimeParser::tryParse(r.lastModified, dt, tz)) e.mtime = dt.timestamp().epochTime() - tz;
  }
  return e;
}

Entry WebDavAdapter::entryOf(PropResponse&& r) const {
  RelPath rel = relativeTo(decodedBasePath_, r.href);
  return toEntry(rel, std::move(r));
}

std::vector<Entry> WebDavAdapter::propfind(const RelPath& path, int depth, bool& found, std::int64_t* serverNow,
                                           bool withEtag) {
  std::vector<Entry> out;
  MultistatusInfo info;
  auto onBody = [&](std::istream& in) {
    info = parseMultistatus(in, [&](PropResponse&& r) {
      if (r.status != 0 && !ok2xx(r.status)) return;
      if (!r.hasProps) return;
      out.push_back(entryOf(std::move(r)));
    });
  };
  const std::string target = url(path, depth > 0 || path.isRoot());
  HttpResponse r = http_.send("PROPFIND", target,
                              {{"Depth", depth == 0 ? "0" : "1"}, {"Content-Type", "application/xml; charset=utf-8"}},
                              propfindBody(withEtag), onBody);
  if (r.status == 404) {
    found = false;
    return {};
  }
  // A server that cannot answer in full says 507, for the request or inside the 207.
  if (r.status == 507) throw incompleteListing(http_.absoluteUrl(target), "PROPFIND: HTTP 507", at(path));
  if (r.status != 207) fail(r, "PROPFIND", path);
  if (info.truncated)
    throw incompleteListing(http_.absoluteUrl(target),
                            info.truncatedHref.empty() ? "PROPFIND: number-of-matches-within-limits"
                                                       : "PROPFIND: 507 voor " + info.truncatedHref,
                            at(path));
  found = true;
  if (serverNow) *serverNow = r.date();
  return out;
}

bool WebDavAdapter::offersSyncCollection() {
  bool offered = false, isDir = false;
  try {
    HttpResponse r = http_.send("PROPFIND", basePath_, {{"Depth", "0"}, {"Content-Type", "application/xml; charset=utf-8"}},
                                propfindReportsBody(), [&](std::istream& in) {
                                  parseMultistatus(in, [&](PropResponse&& pr) {
                                    offered = offered || pr.syncCollectionReport;
                                    isDir = isDir || pr.isCollection;
                                  });
                                });
    return r.status == 207 && offered && isDir;
  } catch (const Error& e) {
    // An answer we cannot read only means no paging; the listing that follows reports real trouble.
    if (e.errorCode() != ErrorCode::io) throw;
    logger()->debug("{}: no sync-collection ({})", label(), e.message());
    return false;
  }
}

std::vector<Entry> WebDavAdapter::listFolder(const RelPath& dir, bool& found, std::int64_t* serverNow, bool withEtag) {
  if (syncCollection_.load()) {
    PagedListing paged = listBySyncCollection(http_, url(dir, true), static_cast<std::size_t>(config_.pageSize),
                                              withEtag, at(dir));
    if (paged.offered) {
      found = true;
      if (serverNow) *serverNow = paged.serverNow;
      std::vector<Entry> out;
      out.reserve(paged.members.size());
      for (auto& m : paged.members) out.push_back(entryOf(std::move(m)));
      logger()->debug("{}: listed '{}' in {} sync-collection page(s)", label(), dir.str(), paged.pages);
      return out;
    }
    // Not implemented at all: stop asking. Anything else (a file, a refused limit): PROPFIND this time.
    if (paged.status == 405 || paged.status == 501) {
      syncCollection_.store(false);
      logger()->info("{}: sync-collection REPORT refused (HTTP {}), listing with PROPFIND from now on", label(),
                     paged.status);
    }
  }
  return propfind(dir, 1, found, serverNow, withEtag);
}

void WebDavAdapter::sweepLeftovers(const std::vector<Entry>& entries, std::int64_t serverNow) {
  if (serverNow == 0) return;  // no server clock: never guess with ours
  for (const auto& e : entries) {
    if (e.isDir || e.mtime == 0 || serverNow - e.mtime < config_.staleSeconds) continue;
    if (e.name.rfind(".igsgov-probe-", 0) != 0 && e.name.rfind(".igsgov-tmp-", 0) != 0) continue;
    logger()->info("{}: removing '{}' left by an interrupted run", label(), e.path);
    deleteQuietly(RelPath::parse(e.path));
  }
}

void WebDavAdapter::connect() {
  std::lock_guard lock(connectMutex_);
  if (connected_) return;
  // Paging: one PROPFIND depth 0 of the base, only when paging is configured.
  syncCollection_.store(config_.pageSize > 0 && offersSyncCollection());
  bool found = false;
  std::int64_t serverNow = 0;
  auto base = listFolder(RelPath(), found, &serverNow, false);  // type and dates suffice
  if (!found) throw Error(ErrorCode::notFound, "de basismap bestaat niet op de WebDAV-server", Place().set("path", config_.displayUrl()));
  // PROPFIND lists the folder itself; sync-collection does not, but it was offered on a collection.
  auto self = std::find_if(base.begin(), base.end(), [](const Entry& e) { return e.path.empty(); });
  if (self == base.end() ? !syncCollection_.load() : !self->isDir)
    throwInvalid("de basis-URL is geen WebDAV-map", Place().set("path", config_.displayUrl()));
  sweepLeftovers(base, serverNow);
  probe();
  connected_ = true;
  logger()->info("{}: connected, {}{}{}", label(), caps_.describe(), digestEtags_ ? ", content-digest etags" : "",
                 syncCollection_.load() ? ", sync-collection paging" : "");
}

void WebDavAdapter::probe() {
  RelPath p = RelPath().child(randomName(".igsgov-probe-"));
  HttpResponse r = http_.send("PUT", url(p), {{"If-None-Match", "*"}, {"Content-Type", "application/octet-stream"}}, "igsgov probe 1\n");
  if (!ok2xx(r.status)) fail(r, "PUT (probe)", p);
  try {
    r = http_.send("PUT", url(p), {{"If-None-Match", "*"}, {"Content-Type", "application/octet-stream"}}, "igsgov probe 2\n");
    bool createOnly = r.status == 412;
    r = http_.send("PUT", url(p), {{"If-Match", "\"igsgov-bogus-etag\""}, {"Content-Type", "application/octet-stream"}},
                   "igsgov probe 3\n");
    bool ifMatch = r.status == 412;
    bool found = false;
    auto props = propfind(p, 0, found);
    bool strong = found && !props.empty() && !props.front().etag.empty() && !props.front().weakEtag;
    caps_.serverHash = found && !props.empty() && !props.front().sha256.empty();
    std::string upper = Poco::toUpper(p.name());
    bool foundUpper = false;
    propfind(RelPath().child(upper), 0, foundUpper);
    caps_.caseInsensitive = foundUpper;
    // Dead properties: kept only if BOTH values set on the probe in one request come back
    // (a server that silently keeps only some of them must not count as supporting them).
    caps_.properties = false;
    try {
      const std::map<std::string, std::string> set{{"probe", "igsgov <&> probe"}, {"probe2", "two"}};
      proppatch(p, set);
      auto back = readProperties(p);
      caps_.properties = back == set;
    } catch (const Error& e) {
      logger()->debug("{}: no dead properties ({})", label(), e.message());
    }
    r = http_.send("DELETE", url(p), {{"If-Match", "\"igsgov-bogus-etag\""}});
    bool deleteChecked = r.status == 412;
    if (deleteChecked) http_.send("DELETE", url(p), {});
    caps_.strongEtags = strong;
    caps_.conditionalRequests = createOnly && ifMatch && deleteChecked && strong;
    // The probe still holds its first content only when both conditional PUTs were refused.
    digestEtags_ = caps_.conditionalRequests && props.front().etag == digestEtag("igsgov probe 1\n");
    caps_.costlyEtags = digestEtags_;
    caps_.atomicPut = true;
    caps_.maxNameLength = 255;
    caps_.parallelTransfers = static_cast<std::size_t>(config_.parallel);
  } catch (...) {
    deleteQuietly(p);
    throw;
  }
}

Capabilities WebDavAdapter::doCapabilities() {
  connect();
  return caps_;
}

std::vector<Entry> WebDavAdapter::doList(const RelPath& dir) { return doListing(dir, true).entries; }

Listing WebDavAdapter::doListing(const RelPath& dir, bool withEtags) {
  connect();
  bool found = false;
  std::int64_t serverNow = 0;
  std::vector<Entry> all;
  try {
    all = listFolder(dir, found, &serverNow, withEtags);
  } catch (const Error& e) {
    // Servers answer a folder URL that names a file in their own ways (Apache 500, lighttpd 403).
    if ((e.errorCode() != ErrorCode::io && e.errorCode() != ErrorCode::denied) || dir.isRoot()) throw;
    auto self = doStat(dir);
    if (self && !self->isDir) throwInvalid("is geen map", at(dir));
    throw;
  }
  if (!found) {
    auto self = dir.isRoot() ? std::nullopt : doStat(dir);
    if (self && !self->isDir) throwInvalid("is geen map", at(dir));
    throw Error(ErrorCode::notFound, "map niet gevonden op de WebDAV-server", at(dir));
  }
  sweepLeftovers(all, serverNow);
  std::vector<Entry> out;
  out.reserve(all.size());
  bool selfSeen = false;
  for (auto& e : all) {
    if (e.path == dir.str()) {
      selfSeen = true;
      if (!e.isDir) throwInvalid("is geen map", at(dir));
      continue;
    }
    RelPath rel = RelPath::parse(e.path);
    if (!(rel.parent() == dir)) continue;  // not a direct child: ignore what depth 1 should not have sent
    if (isReservedName(rel.name())) continue;
    out.push_back(std::move(e));
  }
  if (!selfSeen && !dir.isRoot() && !syncCollection_.load()) logger()->debug("{}: PROPFIND of '{}' did not list the folder itself", label(), dir.str());
  return {std::move(out), serverNow};
}

std::optional<Entry> WebDavAdapter::doStat(const RelPath& path) {
  connect();
  bool found = false;
  auto all = propfind(path, 0, found);
  if (!found) return std::nullopt;
  for (auto& e : all)
    if (e.path == path.str()) return std::move(e);
  if (all.size() == 1) return std::move(all.front());
  throw Error(ErrorCode::io, "WebDAV-server gaf geen eigenschappen voor het pad terug", at(path));
}

std::uint64_t WebDavAdapter::doGet(const RelPath& path, std::ostream& out) {
  connect();
  std::uint64_t total = 0;
  HttpResponse r = http_.send("GET", url(path), {}, {}, [&](std::istream& in) {
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      out.write(buf, in.gcount());
      total += static_cast<std::uint64_t>(in.gcount());
    }
    if (in.bad()) throw Error(ErrorCode::io, "lezen van de WebDAV-server onderbroken", at(path));
  });
  if (r.status == 301 || r.status == 302) throwInvalid("is een map, geen bestand", at(path));
  if (!ok2xx(r.status)) fail(r, "GET", path);
  std::string length = r.header("Content-Length");
  if (!length.empty() && length != std::to_string(total))
    throw Error(ErrorCode::io, "download onvolledig: " + std::to_string(total) + " van " + length + " bytes", at(path));
  if (!out) throw Error(ErrorCode::io, "schrijven naar de uitvoer mislukt", at(path));
  return total;
}

std::string WebDavAdapter::hashOf(const RelPath& path) {
  Sha256 h;
  HttpResponse r = http_.send("GET", url(path), {}, {}, [&](std::istream& in) {
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) h.update(std::string_view(buf, static_cast<std::size_t>(in.gcount())));
  });
  if (r.status == 404) throwConflict("het bestand is intussen verwijderd", at(path));
  if (!ok2xx(r.status)) fail(r, "GET", path);
  return h.hexDigest();
}

std::vector<std::string> WebDavAdapter::childNames(const RelPath& dir) {
  bool found = false;
  auto all = listFolder(dir, found, nullptr, false);  // names only: no etags to compute
  if (!found) throw Error(ErrorCode::notFound, "bovenliggende map ontbreekt op de WebDAV-server", at(dir));
  std::vector<std::string> names;
  for (const auto& e : all) {
    if (e.path == dir.str()) {
      if (!e.isDir) throwInvalid("bovenliggende map is een bestand", at(dir));
      continue;
    }
    if (!isReservedName(e.name)) names.push_back(e.name);
  }
  return names;
}

void WebDavAdapter::checkClash(const RelPath& path, const std::vector<std::string>& names) {
  if (auto other = findClash(names, path.name()))
    throwConflict("naam botst met '" + *other + "' in dezelfde map (hoofdletters of accenten verschillen)", at(path));
}

Entry WebDavAdapter::doPut(const RelPath& path, const Content& content, const Precondition& pre) {
  connect();
  if (pre.kind != Precondition::Kind::ifMatch) checkClash(path, childNames(path.parent()));
  return putChecked(path, content, pre);
}

Entry WebDavAdapter::putChecked(const RelPath& path, const Content& content, const Precondition& pre) {
  bool etagUsable = pre.kind != Precondition::Kind::ifMatch || (!pre.etag.empty() && !weak(pre.etag));
  if (caps_.conditionalRequests && etagUsable) return putConditional(path, content, pre);
  return putViaTemp(path, content, pre);
}

HttpResponse WebDavAdapter::putStreamed(const std::string& target, const Content& content,
                                        const HttpClient::Headers& headers, const RelPath& path, Sent& sent) {
  StreamedBody body{content.size(), [&](const std::function<void(std::string_view)>& out) {
                      // Once per attempt: a retried request reads and hashes again from the start.
                      std::optional<DigestEtagBuilder> etag;
                      if (digestEtags_) etag.emplace();
                      std::function<void(std::string_view)> also;
                      if (etag) also = [&](std::string_view piece) { etag->update(piece); };
                      sent.facts = streamContent(content, out, at(path), also);
                      sent.digestEtag = etag ? etag->finish() : std::string();
                    }};
  return http_.sendStreamed("PUT", target, headers, body);
}

Entry WebDavAdapter::putConditional(const RelPath& path, const Content& content, const Precondition& pre) {
  HttpClient::Headers h{{"Content-Type", "application/octet-stream"}};
  if (pre.kind == Precondition::Kind::createOnly) h.emplace_back("If-None-Match", "*");
  if (pre.kind == Precondition::Kind::ifMatch) h.emplace_back("If-Match", pre.etag);
  Sent sent;
  HttpResponse r = putStreamed(url(path), content, h, path, sent);
  if (r.status == 412) {
    if (pre.kind == Precondition::Kind::createOnly) throwConflict("bestand bestaat al", at(path));
    throwConflict("het bestand is intussen gewijzigd", at(path));
  }
  if (r.status == 405) throwConflict("er staat een map met deze naam", at(path));
  if (!ok2xx(r.status)) fail(r, "PUT", path);
  return verifyAfterPut(path, sent);
}

void WebDavAdapter::verifyMatch(const RelPath& path, const Precondition& pre) {
  auto current = doStat(path);
  if (!current) throwConflict("het bestand is intussen verwijderd", at(path));
  if (current->isDir) throwConflict("er staat een map met deze naam", at(path));
  bool checked = false;
  if (!pre.etag.empty() && !current->etag.empty() && !current->weakEtag && !weak(pre.etag)) {
    if (pre.etag != current->etag) throwConflict("het bestand is intussen gewijzigd (etag)", at(path));
    checked = true;
  }
  if (!pre.sha256.empty()) {
    if (hashOf(path) != pre.sha256) throwConflict("het bestand is intussen gewijzigd (inhoud)", at(path));
    checked = true;
  }
  if (!checked)
    throw Error(ErrorCode::unsupported,
                "de server geeft geen bruikbare etag; geef de SHA-256 van de gekende versie mee", at(path));
}

Entry WebDavAdapter::putViaTemp(const RelPath& path, const Content& content, const Precondition& pre) {
  RelPath tmp = path.parent().child(randomName(".igsgov-tmp-"));
  Sent sent;
  HttpResponse r = putStreamed(url(tmp), content, {{"Content-Type", "application/octet-stream"}}, path, sent);
  if (!ok2xx(r.status)) fail(r, "PUT", path);
  try {
    auto staged = doStat(tmp);
    if (!staged || staged->size != sent.facts.size)
      throw Error(ErrorCode::io, "grootte na upload klopt niet", at(path));
    if (config_.verifyHash && hashOf(tmp) != sent.facts.sha256)
      throw Error(ErrorCode::io, "inhoud na upload klopt niet (SHA-256)", at(path));
    if (pre.kind == Precondition::Kind::createOnly) {
      if (doStat(path)) throwConflict("bestand bestaat al", at(path));
    } else if (pre.kind == Precondition::Kind::ifMatch) {
      verifyMatch(path, pre);
    }
    move(tmp, path, pre.kind != Precondition::Kind::createOnly, false);
  } catch (...) {
    deleteQuietly(tmp);
    throw;
  }
  return verifyAfterPut(path, sent);
}

Entry WebDavAdapter::verifyAfterPut(const RelPath& path, const Sent& sent) {
  const std::uint64_t size = sent.facts.size;
  if (digestEtags_) {
    bool found = false;
    auto all = propfind(path, 0, found, nullptr, config_.verifyHash);
    if (!found || all.size() != 1) throw Error(ErrorCode::io, "bestand na upload niet teruggevonden", at(path));
    Entry e = std::move(all.front());
    if (e.size != size)
      throw Error(ErrorCode::io,
                  "grootte na upload klopt niet: " + std::to_string(e.size) + " in plaats van " + std::to_string(size),
                  at(path));
    if (config_.verifyHash) {
      // The server hashed what it stored: equal digests mean it holds exactly our bytes.
      if (e.etag != sent.digestEtag) throw Error(ErrorCode::io, "inhoud na upload klopt niet (etag)", at(path));
      e.sha256 = sent.facts.sha256;
    }
    e.etag = sent.digestEtag;
    e.weakEtag = false;
    return e;
  }
  auto e = doStat(path);
  if (!e) throw Error(ErrorCode::io, "bestand na upload niet teruggevonden", at(path));
  if (e->size != size)
    throw Error(ErrorCode::io,
                "grootte na upload klopt niet: " + std::to_string(e->size) + " in plaats van " + std::to_string(size),
                at(path));
  if (config_.verifyHash && e->sha256.empty()) {
    if (hashOf(path) != sent.facts.sha256) throw Error(ErrorCode::io, "inhoud na upload klopt niet (SHA-256)", at(path));
    e->sha256 = sent.facts.sha256;
  }
  return *e;
}

std::vector<PutOutcome> WebDavAdapter::doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items) {
  connect();
  std::vector<PutOutcome> out(items.size());
  std::vector<bool> ready(items.size(), false);
  // Clash check: each folder listed once; names in this batch count too.
  std::map<std::string, std::vector<std::string>> names;
  std::map<std::string, std::optional<Error>> folderError;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out[i].path = paths[i].str();
    const std::string parent = paths[i].parent().str();
    try {
      if (!names.count(parent) && !folderError.count(parent)) {
        try {
          names[parent] = childNames(paths[i].parent());
        } catch (...) {
          folderError[parent] = currentError(parent);
        }
      }
      if (folderError.count(parent)) throw *folderError[parent];
      auto& known = names[parent];
      if (items[i].pre.kind != Precondition::Kind::ifMatch) checkClash(paths[i], known);
      known.push_back(paths[i].name());
      ready[i] = true;
    } catch (...) {
      out[i].error = currentError(paths[i].str());
    }
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      if (!ready[i]) continue;
      try {
        out[i].entry = putChecked(paths[i], *items[i].content, items[i].pre);
      } catch (...) {
        out[i].error = currentError(paths[i].str());
        continue;
      }
      // PROPPATCH by the same worker, overlapping with the other transfers.
      out[i].propertiesError = propertiesAfterPut(paths[i], items[i].properties);
    }
  };
  std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(config_.parallel), items.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return out;
}

void WebDavAdapter::move(const RelPath& from, const RelPath& to, bool overwrite, bool isDir) {
  HttpResponse r = http_.send("MOVE", url(from, isDir),
                              {{"Destination", http_.absoluteUrl(url(to, isDir))}, {"Overwrite", overwrite ? "T" : "F"}});
  if (r.status == 412) throwConflict("doel bestaat al", at(to));
  if (!ok2xx(r.status)) fail(r, "MOVE", to);
}

Entry WebDavAdapter::doMove(const RelPath& from, const RelPath& to, bool overwrite) {
  connect();
  auto source = doStat(from);
  if (!source) throw Error(ErrorCode::notFound, "bron niet gevonden", at(from));
  auto names = childNames(to.parent());
  bool targetExists = std::find(names.begin(), names.end(), to.name()) != names.end();
  if (targetExists && !overwrite) throwConflict("doel bestaat al", at(to));
  if (!targetExists) checkClash(to, names);
  move(from, to, overwrite, source->isDir);
  auto e = doStat(to);
  if (!e) throw Error(ErrorCode::io, "verplaatst bestand niet teruggevonden", at(to));
  return *e;
}

void WebDavAdapter::doRemove(const RelPath& path, const Precondition& pre) {
  connect();
  auto current = doStat(path);
  if (!current) throw Error(ErrorCode::notFound, "niet gevonden op de WebDAV-server", at(path));
  HttpClient::Headers h;
  if (pre.kind == Precondition::Kind::ifMatch) {
    if (caps_.conditionalRequests && !pre.etag.empty() && !weak(pre.etag))
      h.emplace_back("If-Match", pre.etag);
    else
      verifyMatch(path, pre);
  }
  HttpResponse r = http_.send("DELETE", url(path, current->isDir), h);
  if (r.status == 412) throwConflict("het bestand is intussen gewijzigd", at(path));
  if (!ok2xx(r.status)) fail(r, "DELETE", path);
}

void WebDavAdapter::deleteQuietly(const RelPath& path) {
  try {
    http_.send("DELETE", url(path), {});
  } catch (...) {
    logger()->warn("{}: could not remove temporary '{}'", label(), path.str());
  }
}

void WebDavAdapter::doMkdirs(const RelPath& path) {
  connect();
  if (path.isRoot()) return;
  if (auto e = doStat(path)) {
    if (!e->isDir) throwConflict("er staat een bestand met deze naam", at(path));
    return;
  }
  RelPath current;
  for (const auto& seg : path.segments()) {
    current = current.child(seg);
    auto names = childNames(current.parent());
    if (std::find(names.begin(), names.end(), seg) != names.end()) {
      auto e = doStat(current);
      if (e && !e->isDir) throwConflict("er staat een bestand met deze naam", at(current));
      continue;
    }
    checkClash(current, names);
    HttpResponse r = http_.send("MKCOL", url(current, true), {});
    if (r.status == 405) {
      auto e = doStat(current);
      if (!e || !e->isDir) throwConflict("er staat een bestand met deze naam", at(current));
      continue;
    }
    if (!ok2xx(r.status)) fail(r, "MKCOL", current);
  }
}

void WebDavAdapter::proppatch(const RelPath& path, const std::map<std::string, std::string>& props) {
  std::vector<int> statuses;
  std::size_t responses = 0;
  HttpResponse r = http_.send(
      "PROPPATCH", url(path), {{"Content-Type", "application/xml; charset=utf-8"}},
      proppatchBody(propertyNamespace, props), [&](std::istream& in) {
        responses = parseMultistatus(in, [&](PropResponse&& pr) {
          statuses.insert(statuses.end(), pr.propstatStatuses.begin(), pr.propstatStatuses.end());
          if (pr.status != 0) statuses.push_back(pr.status);
        }).responses;
      });
  if (r.status == 200 || r.status == 204) return;  // some servers answer success without a body
  if (r.status != 207) fail(r, "PROPPATCH", path);
  if (responses == 0 || statuses.empty())
    throw Error(ErrorCode::io, "WebDAV-server gaf geen resultaat voor PROPPATCH", at(path));
  for (int s : statuses)
    if (!ok2xx(s))
      throw Error(ErrorCode::io, "eigenschappen niet bewaard door de WebDAV-server (PROPPATCH: HTTP " +
                                     std::to_string(s) + ")", at(path));
}

std::map<std::string, std::string> WebDavAdapter::readProperties(const RelPath& path) {
  std::map<std::string, std::string> out;
  bool seen = false;
  HttpResponse r = http_.send("PROPFIND", url(path), {{"Depth", "0"}, {"Content-Type", "application/xml; charset=utf-8"}},
                              propfindAllBody(), [&](std::istream& in) {
                                parseMultistatus(in, [&](PropResponse&& pr) {
                                  if (seen) return;
                                  seen = true;
                                  out = std::move(pr.igsProps);
                                });
                              });
  if (r.status != 207) fail(r, "PROPFIND", path);
  return out;
}

void WebDavAdapter::doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props) {
  connect();
  if (!caps_.properties)
    throw Error(ErrorCode::unsupported, "deze WebDAV-server bewaart geen eigenschappen bij bestanden", at(path));
  proppatch(path, props);
}

std::map<std::string, std::string> WebDavAdapter::doGetProperties(const RelPath& path) {
  connect();
  if (!caps_.properties)
    throw Error(ErrorCode::unsupported, "deze WebDAV-server bewaart geen eigenschappen bij bestanden", at(path));
  return readProperties(path);
}

void registerFactory(Registry& registry) {
  registry.add("webdav", [](const JsonObject& config) -> std::unique_ptr<Adapter> {
    return std::make_unique<WebDavAdapter>(WebDavConfig::fromJson(config));
  });
}

}  // namespace igsgov::adapters::webdav
