// Schema migrations: numbered SQL files compiled into the library
// (module/src/store/migrations/NNNN_name.sql). The applied version is kept in
// PRAGMA user_version; each migration runs inside the caller's transaction so a
// failed migration leaves the file unchanged. The caller journals what was applied.
#pragma once

#include "store/Database.hpp"

#include <string>
#include <vector>

namespace igsgov::store {

struct Migration {
  int version;
  std::string name;
  std::string_view sql;
};

const std::vector<Migration>& migrations();  // ordered by version
int latestSchemaVersion();
int schemaVersion(Database& db);

// Applies every migration newer than the file's version; returns those applied.
// Throws Error(unsupported) when the file is newer than this build.
std::vector<Migration> migrate(Database& db);

}  // namespace igsgov::store
