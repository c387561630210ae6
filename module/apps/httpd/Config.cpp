#include "Config.hpp"

#include <set>

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "linkeddata/Iris.hpp"
#include "ops/ServerPaths.hpp"
#include "store/Database.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <fstream>
#include <sstream>

namespace igsgov::httpd {

namespace {

// Runs fn; an Error gets the file added to its place.
template <class F>
void inFile(const std::string& file, F fn) {
  try {
    fn();
  } catch (const Error& e) {
    Place p = e.place();
    p.set("file", file);
    throw Error(e.errorCode(), e.message(), p);
  }
}

std::string resolve(const std::string& base, const std::string& path) {
  if (path.empty()) return path;
  Poco::Path p(path);
  if (p.isAbsolute()) return path;
  return Poco::Path(Poco::Path(base).makeParent(), p).toString();
}

int intIn(const Reader& r, const std::string& field, int current, long long lo, long long hi) {
  auto v = r.optInteger(field);
  if (!v) return current;
  if (*v < lo || *v > hi)
    r.fail(field, "moet tussen " + std::to_string(lo) + " en " + std::to_string(hi) + " liggen");
  return static_cast<int>(*v);
}

// "oidc": {"providers": {"<name>": {label, issuer, client_id, client_secret_file,
// redirect_uri, scopes, timeout_seconds}}}. The secret is read here (trailing
// white space dropped) so a missing or empty file stops the start.
std::vector<web::OidcProvider> readOidc(const std::string& path, const JsonObject& oidc) {
  Reader r(oidc, "configuratie", "oidc");
  r.rejectUnknown({"providers"});
  auto providers = r.optObject("providers");
  if (providers.isNull() || providers->size() == 0) r.fail("providers", "geef minstens één aanmelddienst");
  std::vector<std::string> names;
  providers->getNames(names);
  std::vector<web::OidcProvider> out;
  for (const auto& name : names) {
    web::OidcProvider p;
    p.name = name;
    if (!providers->isObject(name)) r.fail("providers." + name, "moet een object zijn");
    Reader pr(providers->getObject(name), "configuratie", "oidc.providers." + name);
    pr.rejectUnknown({"label", "issuer", "client_id", "client_secret_file", "redirect_uri", "scopes", "timeout_seconds"});
    p.label = pr.str("label");
    p.issuer = pr.str("issuer");
    p.clientId = pr.str("client_id");
    p.redirectUri = pr.str("redirect_uri");
    std::string secretFile = resolve(path, pr.str("client_secret_file"));
    std::ifstream in(secretFile, std::ios::binary);
    if (!in) pr.fail("client_secret_file", "kan het bestand met het geheim niet lezen: " + secretFile);
    std::stringstream secret;
    secret << in.rdbuf();
    p.clientSecret = secret.str();
    while (!p.clientSecret.empty() && std::isspace(static_cast<unsigned char>(p.clientSecret.back())))
      p.clientSecret.pop_back();
    if (auto scopes = pr.optArray("scopes")) {
      p.scopes.clear();
      for (std::size_t i = 0; i < scopes->size(); ++i) {
        if (!scopes->get(static_cast<unsigned>(i)).isString()) pr.fail("scopes", "moet een lijst van teksten zijn");
        p.scopes.push_back(scopes->getElement<std::string>(static_cast<unsigned>(i)));
      }
    } else {
      p.scopes = {"openid", "email", "profile"};
    }
    p.timeoutSeconds = intIn(pr, "timeout_seconds", p.timeoutSeconds, 1, 120);
    web::checkProvider(p);
    out.push_back(p);
  }
  return out;
}

}  // namespace

Config loadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "kan het configuratiebestand niet lezen", Place().set("file", path));
  std::stringstream text;
  text << in.rdbuf();
  Config c;
  inFile(path, [&] {
    Reader root(parseJsonObject(text.str(), "configuratie"), "configuratie");
    root.rejectUnknown({"listen", "register", "database", "tls", "journal", "limits", "log", "intranet", "files", "linked_data", "oidc"});
    if (auto listen = root.optObject("listen"); !listen.isNull()) {
      Reader r(listen, "configuratie", "listen");
      r.rejectUnknown({"host", "port"});
      c.host = r.optStr("host").value_or(c.host);
      c.port = intIn(r, "port", c.port, 0, 65535);
    }
    std::string reg = root.optStr("register").value_or("");
    c.registerPath = store::isPostgresAddress(reg) ? reg : resolve(path, reg);
    if (auto database = root.optObject("database"); !database.isNull()) {
      Reader r(database, "configuratie", "database");
      r.rejectUnknown({"url"});
      std::string url = r.optStr("url").value_or("");
      if (!store::isPostgresAddress(url))
        r.fail("url", "geef een PostgreSQL-adres (postgresql://gebruiker@host/databank)");
      if (!c.registerPath.empty()) r.fail("url", "geef 'register' of 'database.url', niet beide");
      c.registerPath = url;
    }
    if (auto tls = root.optObject("tls"); !tls.isNull()) {
      Reader r(tls, "configuratie", "tls");
      r.rejectUnknown({"certificate", "private_key"});
      c.tlsCertificate = resolve(path, r.optStr("certificate").value_or(""));
      c.tlsPrivateKey = resolve(path, r.optStr("private_key").value_or(""));
    }
    if (auto journal = root.optObject("journal"); !journal.isNull()) {
      Reader r(journal, "configuratie", "journal");
      r.rejectUnknown({"signing_key"});
      if (auto key = r.optStr("signing_key")) {
        if (key->empty()) r.fail("signing_key", "geef het sleutelbestand, of laat het veld weg");
        c.signingKey = resolve(path, *key);
      }
    }
    if (auto limits = root.optObject("limits"); !limits.isNull()) {
      Reader r(limits, "configuratie", "limits");
      r.rejectUnknown({"request_timeout_seconds", "max_body_bytes", "max_buffered_body_bytes", "max_response_bytes", "max_header_bytes", "max_threads", "max_queued",
                       "max_connections", "max_connections_per_address", "header_timeout_seconds",
                       "body_timeout_seconds", "response_timeout_seconds", "keep_alive_seconds",
                       "shutdown_grace_seconds", "failed_login_burst", "failed_login_refill_seconds"});
      auto bytesIn = [&](const std::string& field, long long current, long long lo, long long hi) {
        auto v = r.optInteger(field);
        if (!v) return current;
        if (*v < lo || *v > hi) r.fail(field, "moet tussen " + std::to_string(lo) + " en " + std::to_string(hi) + " liggen");
        return static_cast<long long>(*v);
      };
      c.maxBodyBytes = bytesIn("max_body_bytes", c.maxBodyBytes, 1024, 1LL << 30);
      c.maxBufferedBodyBytes = bytesIn("max_buffered_body_bytes", c.maxBufferedBodyBytes, 1024, 1LL << 40);
      c.maxResponseBytes = bytesIn("max_response_bytes", c.maxResponseBytes, 4096, 1LL << 32);
      c.maxHeaderBytes = intIn(r, "max_header_bytes", c.maxHeaderBytes, 1024, 1 << 20);
      c.maxThreads = intIn(r, "max_threads", c.maxThreads, 1, 1024);
      c.maxQueued = intIn(r, "max_queued", c.maxQueued, 1, 100000);
      c.maxConnections = intIn(r, "max_connections", c.maxConnections, 1, 1000000);
      c.maxConnectionsPerAddress = intIn(r, "max_connections_per_address", c.maxConnectionsPerAddress, 1, 1000000);
      // The former per-read timeout, kept as an alias for one release: it now
      // bounds header and body as a whole (never looser than before).
      if (r.has("request_timeout_seconds")) {
        int old = intIn(r, "request_timeout_seconds", c.headerTimeoutSeconds, 1, 3600);
        c.headerTimeoutSeconds = c.bodyTimeoutSeconds = old;
        c.warnings.push_back("limits.request_timeout_seconds is deprecated (removed in the next release); it now sets "
                             "header_timeout_seconds and body_timeout_seconds to " + std::to_string(old));
      }
      c.headerTimeoutSeconds = intIn(r, "header_timeout_seconds", c.headerTimeoutSeconds, 1, 3600);
      c.bodyTimeoutSeconds = intIn(r, "body_timeout_seconds", c.bodyTimeoutSeconds, 1, 3600);
      c.responseTimeoutSeconds = intIn(r, "response_timeout_seconds", c.responseTimeoutSeconds, 1, 3600);
      c.keepAliveSeconds = intIn(r, "keep_alive_seconds", c.keepAliveSeconds, 0, 3600);
      c.shutdownGraceSeconds = intIn(r, "shutdown_grace_seconds", c.shutdownGraceSeconds, 0, 3600);
      c.failedLoginBurst = intIn(r, "failed_login_burst", c.failedLoginBurst, 1, 1000);
      c.failedLoginRefillSeconds = intIn(r, "failed_login_refill_seconds", c.failedLoginRefillSeconds, 1, 86400);
    }
    if (auto intranet = root.optObject("intranet"); !intranet.isNull()) {
      Reader r(intranet, "configuratie", "intranet");
      r.rejectUnknown({"session_idle_minutes", "session_max_hours", "max_sessions", "sessions_per_user", "documents_dir"});
      c.sessionIdleMinutes = intIn(r, "session_idle_minutes", c.sessionIdleMinutes, 1, 24 * 60);
      c.sessionMaxHours = intIn(r, "session_max_hours", c.sessionMaxHours, 1, 24 * 7);
      c.maxSessions = intIn(r, "max_sessions", c.maxSessions, 1, 1000000);
      c.sessionsPerUser = intIn(r, "sessions_per_user", c.sessionsPerUser, 1, 1000);
      if (auto dir = r.optStr("documents_dir")) {
        if (dir->empty()) r.fail("documents_dir", "geef een map, of laat het veld weg");
        c.documentsDir = resolve(path, *dir);
      }
    }
    if (auto files = root.optObject("files"); !files.isNull()) {
      Reader r(files, "configuratie", "files");
      // A setting with a '.' has its own field elsewhere (intranet.documents_dir).
      std::set<std::string> names;
      for (const auto& setting : ops::kServerSettings)
        if (setting.find('.') == std::string::npos) names.insert(setting);
      r.rejectUnknown(names);
      for (const auto& setting : names)
        if (auto file = r.optStr(setting)) {
          if (file->empty()) r.fail(setting, "geef een pad, of laat het veld weg");
          c.files[setting] = resolve(path, *file);
        }
    }
    if (auto ld = root.optObject("linked_data"); !ld.isNull()) {
      Reader r(ld, "configuratie", "linked_data");
      r.rejectUnknown({"base_uri"});
      if (auto base = r.optStr("base_uri"))
        c.values["linked_data.base_uri"] = linkeddata::checkBaseUri(*base, r.place("base_uri"));
    }
    if (auto oidc = root.optObject("oidc"); !oidc.isNull()) c.oidcProviders = readOidc(path, oidc);
    if (auto log = root.optObject("log"); !log.isNull()) {
      Reader r(log, "configuratie", "log");
      r.rejectUnknown({"level"});
      c.logLevel = r.optOneOf("level", {"trace", "debug", "info", "warn", "error", "off"}).value_or(c.logLevel);
    }
  });
  validate(c, path);
  return c;
}

std::string documentsFolder(const Config& c) {
  if (!c.documentsDir.empty()) return c.documentsDir;
  return Poco::Path(Poco::Path(c.registerPath).makeParent(), "documenten").toString();
}

void validate(const Config& c, const std::string& source) {
  auto fail = [&](const std::string& field, const std::string& message) {
    throwInvalid(message, Place().set("file", source).set("field", "'" + field + "'"));
  };
  if (c.registerPath.empty()) fail("register", "geen register opgegeven (veld 'register' of --register)");
  if (store::isPostgresAddress(c.registerPath) && c.documentsDir.empty())
    fail("intranet.documents_dir", "een register in PostgreSQL heeft geen map naast zich: geef de map voor documenten op");
  if (c.tlsCertificate.empty() != c.tlsPrivateKey.empty())
    fail("tls", "geef zowel 'certificate' als 'private_key' op, of geen van beide");
  if (c.maxBufferedBodyBytes < c.maxBodyBytes)
    fail("max_buffered_body_bytes", "moet minstens zo groot zijn als 'max_body_bytes' (" + std::to_string(c.maxBodyBytes) + ")");
  for (const auto& [field, file] : {std::pair{"tls.certificate", c.tlsCertificate}, {"tls.private_key", c.tlsPrivateKey},
                                    {"journal.signing_key", c.signingKey}})
    if (!file.empty() && !Poco::File(file).exists()) fail(field, "bestand bestaat niet: " + file);
  for (const auto& [setting, file] : c.files) {
    bool folder = setting.size() > 4 && setting.compare(setting.size() - 4, 4, "_dir") == 0;
    Poco::File f(file);
    if (!f.exists() || (folder ? !f.isDirectory() : !f.isFile()))
      fail("files." + setting, std::string(folder ? "map" : "bestand") + " bestaat niet: " + file);
  }
}

}  // namespace igsgov::httpd
