// igsgovd's configuration: a JSON file (config/igsgovd.json is the default)
// with command-line overrides. Every field is optional; defaults listen on
// 127.0.0.1:8080 without TLS.
//
//   {"listen": {"host": "127.0.0.1", "port": 8080},
//    "register": "/var/lib/igsgov/register.db",
//    "tls": {"certificate": "cert.pem", "private_key": "key.pem"},
//    "limits": {"max_body_bytes": 1048576, "max_threads": 16, "max_queued": 64,
//               "keep_alive_seconds": 15, "request_timeout_seconds": 30,
//               "shutdown_grace_seconds": 30},
//    "intranet": {"session_idle_minutes": 30, "session_max_hours": 8,
//                 "documents_dir": "/var/lib/igsgov/documenten"},
//    "files": {"sync_config": "sync.json", "sparql_config": "sparql.json",
//              "calendar_dir": "kalender", "rules_dir": "regels"},
//    "log": {"level": "info"}}
//
// "files" names the server files an operation uses for a remote caller, who
// can never name one (ops/ServerPaths.hpp); each must exist at start.
// Relative paths are taken relative to the configuration file's folder.
// Failure: igsgov::Error(invalid) with a Dutch message naming file and field;
// unknown fields are refused (typos must not pass silently).
#pragma once

#include <map>
#include <string>

namespace igsgov::httpd {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string registerPath;
  std::string tlsCertificate;  // both empty: plain HTTP
  std::string tlsPrivateKey;
  long long maxBodyBytes = 1 << 20;
  int maxThreads = 16;
  int maxQueued = 64;
  int keepAliveSeconds = 15;
  int requestTimeoutSeconds = 30;
  int shutdownGraceSeconds = 30;
  int sessionIdleMinutes = 30;  // intranet login sessions (web/Sessions.hpp)
  int sessionMaxHours = 8;
  // Where documents generated on the intranet are kept (the register points at
  // them and sync pushes them from there); empty: "documenten" beside the register.
  std::string documentsDir;
  std::string logLevel = "info";  // trace debug info warn error off
  // "files": setting (ops::kServerSettings) -> path; absent: the operation's own default.
  std::map<std::string, std::string> files;

  bool tls() const { return !tlsCertificate.empty(); }
};

// Reads a configuration file; throws igsgov::Error (invalid, io).
Config loadConfig(const std::string& path);
// The documents folder in effect: documentsDir, else "documenten" in the register's folder.
std::string documentsFolder(const Config& c);
// Checks the combination (register set, TLS pair complete, ranges); throws invalid.
void validate(const Config& c, const std::string& source);

}  // namespace igsgov::httpd
