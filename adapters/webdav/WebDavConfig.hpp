// WebDavConfig: the JSON configuration of one WebDAV target.
//
//   {"type": "webdav", "url": "https://host/dav/folder/", "user": "svc",
//    "password_env": "IGSGOV_DAV_PASSWORD" | "password_file": "/etc/igsgov/dav.pw",
//    "ca_file": "/etc/ssl/my-ca.pem", "parallel": 4, "verify_hash": false,
//    "timeout_seconds": 60, "stale_seconds": 600, "page_size": 1000}
//
// Passwords are never in the configuration itself: a "password" field is
// refused, as is a URL with user info. password_file is read once (first
// line, trailing newline removed). TLS certificate verification is always on;
// ca_file adds a CA file, otherwise the system's CAs are used.
// Failure: Error(invalid) naming the field (Dutch message).
#pragma once

#include "core/Json.hpp"

#include <Poco/URI.h>

#include <string>

namespace igsgov::adapters::webdav {

struct WebDavConfig {
  Poco::URI url;            // scheme http or https, path ending in '/'
  std::string user;         // "" for no authentication
  std::string password;     // resolved from password_env / password_file; never logged
  std::string caFile;       // "" -> system CAs
  int parallel = 4;         // 1..32 connections / transfers
  bool verifyHash = false;  // GET after upload and compare SHA-256 when the server gives no hash
  int timeoutSeconds = 60;
  // The adapter's own probe and temporary files (".igsgov-probe-*", ".igsgov-tmp-*")
  // older than this by the server's clock were left by a killed process and are removed.
  int staleSeconds = 600;
  // Results per sync-collection REPORT page on servers that offer it (RFC 6578);
  // 0 = never page (PROPFIND depth 1 only, and no detection request at connect).
  int pageSize = 1000;

  static WebDavConfig fromJson(const JsonObject& config);
  // Scheme, host, port and path only (no user info): safe to log.
  std::string displayUrl() const;
};

}  // namespace igsgov::adapters::webdav
