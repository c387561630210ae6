// TargetConfig: one named sync target from the sync configuration file
// (config/sync.json shows every field):
//
//   {"targets": {
//      "archief": {
//        "adapter": {"type": "folder", "root": "/srv/igsgov/archief"},
//        "root": "igsgov",                      optional folder inside the adapter
//        "sources": ["governance", "documents"], optional; default: every source built in
//        "mapping": {"statuten": "{igs}/statuten/{label}.{ext}"},  optional per kind
//        "sidecar": true,                        optional, default true
//        "inbox": "inbox",                       optional: pull folder (relative to root)
//        "max_delete": 20,                       optional, default 20
//        "batch": 200                            optional: actions per journal entry
//      }}}
//
// No passwords in this file: adapters read them from an environment variable
// or a file (e.g. webdav "password_env"); a "password" field anywhere in a
// target is refused here already. Mapping patterns use {var} placeholders
// filled from the item's variables; an unknown placeholder is an error naming
// the target and kind.
// Value types; thread-safe. Failure: Error(invalid) with the file, target and
// field in the place; Error(notFound) for a missing file or target.
#pragma once

#include "core/Json.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::sync {

struct TargetConfig {
  std::string name;
  JsonObject adapter;                         // handed to adapters::Registry::create
  std::string root;                           // "" = the adapter's root
  std::vector<std::string> sources;           // empty = all
  std::map<std::string, std::string> mapping; // kind -> pattern
  bool sidecar = true;
  std::string inbox;                          // "" = no pull
  long long maxDelete = 20;
  long long batch = 200;
  std::string configFile;                     // where it was read from (for messages)

  static TargetConfig fromJson(const std::string& name, const JsonObject& obj, const std::string& file);
};

struct SyncConfig {
  std::string file;
  std::map<std::string, TargetConfig> targets;

  static SyncConfig load(const std::string& file);
  static SyncConfig parse(const std::string& text, const std::string& file);
  const TargetConfig& target(const std::string& name) const;  // Error(notFound) listing the known names
};

// Fills {var} placeholders; throws Error(invalid) naming `where` for an unknown one.
std::string expandPattern(const std::string& pattern, const std::map<std::string, std::string>& vars,
                          const std::string& where);

// The configuration file to use: `explicitPath`, else $IGSGOV_SYNC_CONFIG,
// else "sync.json" next to the register file.
std::string configPath(const std::optional<std::string>& explicitPath, const std::string& registerPath);
// The same rule for any configuration file kept beside the register:
// `explicitPath`, else the environment variable `env`, else `fileName` in the register's folder.
std::string configBesideRegister(const std::optional<std::string>& explicitPath, const char* env,
                                 const std::string& fileName, const std::string& registerPath);

}  // namespace igsgov::sync
