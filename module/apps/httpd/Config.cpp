#include "Config.hpp"

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "ops/ServerPaths.hpp"

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

}  // namespace

Config loadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "kan het configuratiebestand niet lezen", Place().set("file", path));
  std::stringstream text;
  text << in.rdbuf();
  Config c;
  inFile(path, [&] {
    Reader root(parseJsonObject(text.str(), "configuratie"), "configuratie");
    root.rejectUnknown({"listen", "register", "tls", "limits", "log", "intranet", "files"});
    if (auto listen = root.optObject("listen"); !listen.isNull()) {
      Reader r(listen, "configuratie", "listen");
      r.rejectUnknown({"host", "port"});
      c.host = r.optStr("host").value_or(c.host);
      c.port = intIn(r, "port", c.port, 0, 65535);
    }
    c.registerPath = resolve(path, root.optStr("register").value_or(""));
    if (auto tls = root.optObject("tls"); !tls.isNull()) {
      Reader r(tls, "configuratie", "tls");
      r.rejectUnknown({"certificate", "private_key"});
      c.tlsCertificate = resolve(path, r.optStr("certificate").value_or(""));
      c.tlsPrivateKey = resolve(path, r.optStr("private_key").value_or(""));
    }
    if (auto limits = root.optObject("limits"); !limits.isNull()) {
      Reader r(limits, "configuratie", "limits");
      r.rejectUnknown({"max_body_bytes", "max_threads", "max_queued", "keep_alive_seconds", "request_timeout_seconds",
                       "shutdown_grace_seconds"});
      if (auto v = r.optInteger("max_body_bytes")) {
        if (*v < 1024 || *v > (1LL << 30)) r.fail("max_body_bytes", "moet tussen 1024 en 1073741824 liggen");
        c.maxBodyBytes = *v;
      }
      c.maxThreads = intIn(r, "max_threads", c.maxThreads, 1, 1024);
      c.maxQueued = intIn(r, "max_queued", c.maxQueued, 1, 100000);
      c.keepAliveSeconds = intIn(r, "keep_alive_seconds", c.keepAliveSeconds, 0, 3600);
      c.requestTimeoutSeconds = intIn(r, "request_timeout_seconds", c.requestTimeoutSeconds, 1, 3600);
      c.shutdownGraceSeconds = intIn(r, "shutdown_grace_seconds", c.shutdownGraceSeconds, 0, 3600);
    }
    if (auto intranet = root.optObject("intranet"); !intranet.isNull()) {
      Reader r(intranet, "configuratie", "intranet");
      r.rejectUnknown({"session_idle_minutes", "session_max_hours", "documents_dir"});
      c.sessionIdleMinutes = intIn(r, "session_idle_minutes", c.sessionIdleMinutes, 1, 24 * 60);
      c.sessionMaxHours = intIn(r, "session_max_hours", c.sessionMaxHours, 1, 24 * 7);
      if (auto dir = r.optStr("documents_dir")) {
        if (dir->empty()) r.fail("documents_dir", "geef een map, of laat het veld weg");
        c.documentsDir = resolve(path, *dir);
      }
    }
    if (auto files = root.optObject("files"); !files.isNull()) {
      Reader r(files, "configuratie", "files");
      r.rejectUnknown(ops::kServerSettings);
      for (const auto& setting : ops::kServerSettings)
        if (auto file = r.optStr(setting)) {
          if (file->empty()) r.fail(setting, "geef een pad, of laat het veld weg");
          c.files[setting] = resolve(path, *file);
        }
    }
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
  if (c.tlsCertificate.empty() != c.tlsPrivateKey.empty())
    fail("tls", "geef zowel 'certificate' als 'private_key' op, of geen van beide");
  for (const auto& [field, file] : {std::pair{"tls.certificate", c.tlsCertificate}, {"tls.private_key", c.tlsPrivateKey}})
    if (!file.empty() && !Poco::File(file).exists()) fail(field, "bestand bestaat niet: " + file);
  for (const auto& [setting, file] : c.files) {
    bool folder = setting.size() > 4 && setting.compare(setting.size() - 4, 4, "_dir") == 0;
    Poco::File f(file);
    if (!f.exists() || (folder ? !f.isDirectory() : !f.isFile()))
      fail("files." + setting, std::string(folder ? "map" : "bestand") + " bestaat niet: " + file);
  }
}

}  // namespace igsgov::httpd
