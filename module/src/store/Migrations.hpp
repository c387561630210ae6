// Schema migrations: numbered SQL files compiled into the library, one set per
// dialect: module/src/store/migrations/NNNN_name.sql (SQLite) and
// migrations/postgresql/NNNN_name.sql, numbered in step (tests/unit/store
// SchemaParityTest compares the schemas they make). The applied version is kept
// by the Database (SQLite: PRAGMA user_version; PostgreSQL: table igsgov_schema);
// each migration runs inside the caller's transaction so a failed migration
// leaves the register unchanged. The caller journals what was applied.
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

// Ordered by version.
const std::vector<Migration>& migrations(Dialect dialect = Dialect::sqlite);
int latestSchemaVersion();
int schemaVersion(Database& db);

// Applies every migration newer than the file's version; returns those applied.
// Throws Error(unsupported) when the file is newer than this build.
std::vector<Migration> migrate(Database& db);

}  // namespace igsgov::store
