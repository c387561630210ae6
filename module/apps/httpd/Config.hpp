// igsgovd's configuration: a JSON file (config/igsgovd.json is the default)
// with command-line overrides. Every field is optional; defaults listen on
// 127.0.0.1:8080 without TLS.
//
//   {"listen": {"host": "127.0.0.1", "port": 8080},
//    "register": "/var/lib/igsgov/register.db",
//    (or "database": {"url": "postgresql://igsgov@db.example/igsgov"}: a register
//     on PostgreSQL, docs/dev/store.md; then intranet.documents_dir is required)
//    "tls": {"certificate": "cert.pem", "private_key": "key.pem"},
//    "journal": {"signing_key": "/etc/igsgov/journal.key"},
//    "limits": {"max_body_bytes": 1048576, "max_buffered_body_bytes": 67108864,
//               "max_response_bytes": 33554432, "max_header_bytes": 16384,
//               "max_threads": 16, "max_queued": 64,
//               "max_connections": 512, "max_connections_per_address": 64,
//               "header_timeout_seconds": 10, "body_timeout_seconds": 30, "response_timeout_seconds": 60,
//               "keep_alive_seconds": 15, "shutdown_grace_seconds": 30,
//               "failed_login_burst": 10, "failed_login_refill_seconds": 60},
//    "intranet": {"session_idle_minutes": 30, "session_max_hours": 8,
//                 "max_sessions": 10000, "sessions_per_user": 10,
//                 "documents_dir": "/var/lib/igsgov/documenten"},
//    "files": {"sync_config": "sync.json", "sparql_config": "sparql.json",
//              "calendar_dir": "kalender", "rules_dir": "regels"},
//    "linked_data": {"base_uri": "https://data.voorbeeld.be/id/"},
//    "oidc": {"providers": {"gemeente": {"label": "Gemeente Voorbeeld",
//              "issuer": "https://login.voorbeeld.be/realms/igs", "client_id": "igsgov",
//              "client_secret_file": "/etc/igsgov/oidc-gemeente.secret",
//              "redirect_uri": "https://igsgov.voorbeeld.be/intranet/aanmelden/terug",
//              "scopes": ["openid", "email", "profile"], "timeout_seconds": 10}}},
//    "log": {"level": "info"}}
//
// "files" names the server files an operation uses for a remote caller, who
// can never name one (ops/ServerPaths.hpp); each must exist at start.
// What each limit does: docs/igsgovd.md and docs/dev/security.md; the defaults
// below are safe for one municipality's staff on one machine.
// Relative paths are taken relative to the configuration file's folder.
// Failure: igsgov::Error(invalid) with a Dutch message naming file and field;
// unknown fields are refused (typos must not pass silently). The former
// limits.request_timeout_seconds is accepted for one release as an alias that
// sets both header_timeout_seconds and body_timeout_seconds (a warning is logged).
#pragma once

#include "web/OidcSignIn.hpp"

#include <map>
#include <string>
#include <vector>

namespace igsgov::httpd {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string registerPath;
  std::string tlsCertificate;  // both empty: plain HTTP
  std::string tlsPrivateKey;
  // The Ed25519 private key that signs every journal entry (journal/Signing.hpp); empty: unsigned.
  std::string signingKey;
  long long maxBodyBytes = 1 << 20;       // 413 beyond
  long long maxBufferedBodyBytes = 64 << 20;  // bodies the gate holds at once (then it stops reading them)
  long long maxResponseBytes = 32 << 20;  // 422 beyond
  int maxHeaderBytes = 16384;             // 431 beyond
  int maxThreads = 16;                    // workers serving requests
  int maxQueued = 64;                     // complete requests waiting for a worker; 503 beyond
  int maxConnections = 512;               // open connections in all; 503 beyond
  int maxConnectionsPerAddress = 64;      // open connections of one client (service/ClientKey.hpp); 503 beyond
  int headerTimeoutSeconds = 10;          // the whole request header (and TLS handshake); 408 beyond
  int bodyTimeoutSeconds = 30;            // the whole body, from the end of the header; 408 beyond
  int responseTimeoutSeconds = 60;        // writing the whole answer
  int keepAliveSeconds = 15;              // idle between requests (0: one request per connection)
  int shutdownGraceSeconds = 30;
  int failedLoginBurst = 10;              // failed logins per client address before the wait (429)
  int failedLoginRefillSeconds = 60;      // one more attempt per this time
  int sessionIdleMinutes = 30;  // intranet login sessions (web/Sessions.hpp)
  int sessionMaxHours = 8;
  int maxSessions = 10000;
  std::vector<std::string> warnings;      // deprecated fields seen while loading; logged at start
  int sessionsPerUser = 10;
  // Where documents generated on the intranet are kept (the register points at
  // them and sync pushes them from there); empty: "documenten" beside the register.
  std::string documentsDir;
  std::string logLevel = "info";  // trace debug info warn error off
  // "files": setting (ops::kServerSettings) -> path; absent: the operation's own default.
  std::map<std::string, std::string> files;
  // Service values (ops::kServiceValues) filled into an operation's string
  // parameter when the caller leaves it out: "linked_data.base_uri", the base of
  // the IRIs register.export publishes (checked at start, linkeddata/Iris.hpp).
  std::map<std::string, std::string> values;
  // "oidc.providers": sign-in with OpenID Connect (web/OidcSignIn.hpp), in name order;
  // each client secret read from its file at start.
  std::vector<web::OidcProvider> oidcProviders;

  bool tls() const { return !tlsCertificate.empty(); }
};

// Reads a configuration file; throws igsgov::Error (invalid, io).
Config loadConfig(const std::string& path);
// The documents folder in effect: documentsDir, else "documenten" in the register's folder.
std::string documentsFolder(const Config& c);
// Checks the combination (register set, TLS pair complete, ranges); throws invalid.
void validate(const Config& c, const std::string& source);

}  // namespace igsgov::httpd
