#include "adapters/common/Adapter.hpp"

#include <Poco/Exception.h>
#include <spdlog/logger.h>

#include <chrono>
#include <sstream>

namespace igsgov::adapters {

std::string Capabilities::describe() const {
  std::ostringstream s;
  s << "conditional=" << (conditionalRequests ? "yes" : "no") << " strongEtags=" << (strongEtags ? "yes" : "no")
    << " serverHash=" << (serverHash ? "yes" : "no") << " caseInsensitive=" << (caseInsensitive ? "yes" : "no")
    << " atomicPut=" << (atomicPut ? "yes" : "no") << " maxName=" << maxNameLength
    << " parallel=" << parallelTransfers << " costlyEtags=" << (costlyEtags ? "yes" : "no")
    << " properties=" << (properties ? "yes" : "no");
  return s.str();
}

Adapter::Adapter(std::string label) : label_(std::move(label)) {}
Adapter::~Adapter() = default;

namespace {

// Must be called inside a catch block.
Error normaliseCurrent(const std::string& path) {
  Place where;
  if (!path.empty()) where.set("path", "'" + path + "'");
  try {
    throw;
  } catch (const Error& e) {
    if (e.place().fields.count("path") || path.empty()) return e;
    Place p = e.place();
    p.set("path", "'" + path + "'");
    return Error(e.errorCode(), e.message(), p);
  } catch (const Poco::Exception& e) {
    return Error(ErrorCode::io, "fout in het documentsysteem: " + e.displayText(), where);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return Error(ErrorCode::io, std::string("fout in het documentsysteem: ") + e.what(), where);
  }
}

// Runs one operation with timing, logging and error normalisation.
template <typename Fn>
auto guarded(const std::string& label, const char* op, const std::string& path, Fn&& fn) -> decltype(fn()) {
  auto start = std::chrono::steady_clock::now();
  auto elapsedMs = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      logger()->debug("{} {} '{}' ok {:.1f} ms", label, op, path, elapsedMs());
    } else {
      auto result = fn();
      logger()->debug("{} {} '{}' ok {:.1f} ms", label, op, path, elapsedMs());
      return result;
    }
  } catch (...) {
    Error e = normaliseCurrent(path);
    logger()->warn("{} {} '{}' failed after {:.1f} ms: {} {}", label, op, path, elapsedMs(),
                   errorCodeName(e.errorCode()), e.message());
    throw e;
  }
}

}  // namespace

Error Adapter::currentError(const std::string& path) { return normaliseCurrent(path); }

Capabilities Adapter::capabilities() {
  return guarded(label_, "capabilities", "", [&] { return doCapabilities(); });
}

std::vector<Entry> Adapter::list(std::string_view dir) {
  std::string shown(dir);
  return guarded(label_, "list", shown, [&] { return doList(RelPath::parse(dir)); });
}

Listing Adapter::listing(std::string_view dir, bool withEtags) {
  std::string shown(dir);
  return guarded(label_, "list", shown, [&] { return doListing(RelPath::parse(dir), withEtags); });
}

Listing Adapter::doListing(const RelPath& dir, bool) { return {doList(dir), 0}; }

std::optional<Entry> Adapter::stat(std::string_view path) {
  std::string shown(path);
  return guarded(label_, "stat", shown, [&] { return doStat(RelPath::parse(path)); });
}

std::string Adapter::get(std::string_view path) {
  std::string shown(path);
  return guarded(label_, "get", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
    std::ostringstream out;
    doGet(p, out);
    return std::move(out).str();
  });
}

std::uint64_t Adapter::get(std::string_view path, std::ostream& out) {
  std::string shown(path);
  return guarded(label_, "get", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
    return doGet(p, out);
  });
}

Entry Adapter::put(std::string_view path, std::string_view bytes, const Precondition& pre) {
  return put(path, *Content::view(bytes), pre);
}

Entry Adapter::put(std::string_view path, const Content& content, const Precondition& pre) {
  std::string shown(path);
  return guarded(label_, "put", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
    refuseReserved(p);
    if (pre.kind == Precondition::Kind::ifMatch && pre.etag.empty() && pre.sha256.empty())
      throwInvalid("voorwaarde 'if-match' zonder etag of hash");
    return doPut(p, content, pre);
  });
}

namespace {

bool isXmlName(const std::string& n) {
  if (n.empty()) return false;
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!alpha(n[0])) return false;
  for (char c : n)
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') return false;
  // "xml..." names are reserved by XML.
  return !(n.size() >= 3 && (n[0] | 0x20) == 'x' && (n[1] | 0x20) == 'm' && (n[2] | 0x20) == 'l');
}

void checkPropertyNames(const std::map<std::string, std::string>& props) {
  for (const auto& [name, value] : props)
    if (!isXmlName(name)) throwInvalid("ongeldige naam voor een eigenschap: '" + name + "'");
}

}  // namespace

std::vector<PutOutcome> Adapter::putMany(const std::vector<PutItem>& items) {
  return guarded(label_, "putMany", std::to_string(items.size()) + " items", [&] {
    // Invalid paths fail their own item; invalid property names are the item's
    // propertiesError (it is uploaded without them). The rest goes to the hook.
    std::vector<PutOutcome> out(items.size());
    std::vector<RelPath> paths;
    std::vector<std::size_t> index;
    std::vector<std::optional<Error>> badProperties(items.size());
    bool anyBadProperties = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      out[i].path = items[i].path;
      try {
        RelPath p = RelPath::parse(items[i].path);
        if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
        refuseReserved(p);
        if (!items[i].content) throwInvalid("upload zonder inhoud");
        paths.push_back(p);
        index.push_back(i);
      } catch (...) {
        out[i].error = currentError(items[i].path);
        continue;
      }
      try {
        checkPropertyNames(items[i].properties);
      } catch (...) {
        badProperties[i] = currentError(items[i].path);
        anyBadProperties = true;
      }
    }
    // Usually every item is valid: hand over the caller's items (no copy of their bytes).
    const bool asGiven = index.size() == items.size() && !anyBadProperties;
    std::vector<PutItem> valid;
    if (!asGiven)
      for (std::size_t i : index) {
        valid.push_back(items[i]);
        if (badProperties[i]) valid.back().properties.clear();
      }
    std::vector<PutOutcome> done = doPutMany(paths, asGiven ? items : valid);
    for (std::size_t k = 0; k < done.size(); ++k) {
      const std::size_t i = index[k];
      out[i] = std::move(done[k]);
      out[i].path = items[i].path;
      if (out[i].error)
        logger()->warn("{} put '{}' failed: {} {}", label_, items[i].path, errorCodeName(out[i].error->errorCode()),
                       out[i].error->message());
      if (out[i].ok() && badProperties[i]) {
        out[i].propertiesError = badProperties[i];
        logger()->warn("{} setProperties '{}' failed: {} {}", label_, items[i].path,
                       errorCodeName(badProperties[i]->errorCode()), badProperties[i]->message());
      }
    }
    return out;
  });
}

std::vector<PutOutcome> Adapter::doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items) {
  std::vector<PutOutcome> out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    out[i].path = paths[i].str();
    try {
      out[i].entry = doPut(paths[i], *items[i].content, items[i].pre);
    } catch (...) {
      out[i].error = currentError(paths[i].str());
      continue;
    }
    out[i].propertiesError = propertiesAfterPut(paths[i], items[i].properties);
  }
  return out;
}

std::optional<Error> Adapter::propertiesAfterPut(const RelPath& path, const std::map<std::string, std::string>& props) {
  if (props.empty()) return std::nullopt;
  try {
    guarded(label_, "setProperties", path.str(), [&] { doSetProperties(path, props); });
    return std::nullopt;
  } catch (const Error& e) {
    return e;
  }
}

Entry Adapter::move(std::string_view from, std::string_view to, bool overwrite) {
  std::string shown = std::string(from) + "' -> '" + std::string(to);
  return guarded(label_, "move", shown, [&] {
    RelPath f = RelPath::parse(from);
    RelPath t = RelPath::parse(to);
    if (f.isRoot() || t.isRoot()) throwInvalid("de hoofdmap kan niet verplaatst worden");
    refuseReserved(t);
    if (f == t) throwInvalid("bron en doel van de verplaatsing zijn gelijk");
    if (t.str().rfind(f.str() + "/", 0) == 0) throwInvalid("een map kan niet in zichzelf verplaatst worden");
    return doMove(f, t, overwrite);
  });
}

void Adapter::remove(std::string_view path, const Precondition& pre) {
  std::string shown(path);
  guarded(label_, "remove", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap kan niet verwijderd worden");
    if (pre.kind == Precondition::Kind::createOnly) throwInvalid("voorwaarde 'create-only' past niet bij verwijderen");
    doRemove(p, pre);
  });
}

void Adapter::mkdirs(std::string_view path) {
  std::string shown(path);
  guarded(label_, "mkdirs", shown, [&] { 
    RelPath p = RelPath::parse(path);
    refuseReserved(p);
    doMkdirs(p);
  });
}

void Adapter::setProperties(std::string_view path, const std::map<std::string, std::string>& props) {
  std::string shown(path);
  guarded(label_, "setProperties", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
    checkPropertyNames(props);
    if (props.empty()) return;
    doSetProperties(p, props);
  });
}

std::map<std::string, std::string> Adapter::getProperties(std::string_view path) {
  std::string shown(path);
  return guarded(label_, "getProperties", shown, [&] {
    RelPath p = RelPath::parse(path);
    if (p.isRoot()) throwInvalid("de hoofdmap is geen bestand");
    return doGetProperties(p);
  });
}

void Adapter::doSetProperties(const RelPath&, const std::map<std::string, std::string>&) {
  throw Error(ErrorCode::unsupported, "dit documentsysteem bewaart geen eigenschappen bij bestanden");
}

std::map<std::string, std::string> Adapter::doGetProperties(const RelPath&) {
  throw Error(ErrorCode::unsupported, "dit documentsysteem bewaart geen eigenschappen bij bestanden");
}

}  // namespace igsgov::adapters
