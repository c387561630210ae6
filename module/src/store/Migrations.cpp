#include "store/Migrations.hpp"

#include "core/Embedded.hpp"
#include "core/Error.hpp"

#include <algorithm>

namespace igsgov {
EmbeddedFiles embeddedMigrations();
EmbeddedFiles embeddedPostgresMigrations();
}

namespace igsgov::store {

namespace {

std::vector<Migration> load(EmbeddedFiles files) {
    std::vector<Migration> out;
    for (const auto& f : files) {
      std::string name = f.name;
      out.push_back({std::stoi(name.substr(0, 4)), name.substr(5, name.size() - 9), f.bytes});
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    return out;
}

}  // namespace

const std::vector<Migration>& migrations(Dialect dialect) {
  static const std::vector<Migration> sqlite = load(embeddedMigrations());
  static const std::vector<Migration> postgresql = load(embeddedPostgresMigrations());
  return dialect == Dialect::postgresql ? postgresql : sqlite;
}

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

int schemaVersion(Database& db) { return db.schemaVersion(); }

std::vector<Migration> migrate(Database& db) {
  int current = schemaVersion(db);
  if (current > latestSchemaVersion())
    throw Error(ErrorCode::unsupported,
                "dit register heeft schemaversie " + std::to_string(current) + ", nieuwer dan deze igsgov (" +
                    std::to_string(latestSchemaVersion()) + "); werk igsgov bij",
                Place().set("file", db.path()));
  // Both dialects are numbered in step (SchemaParityTest), so the latest version is the same.
  std::vector<Migration> applied;
  for (const auto& m : migrations(db.dialect())) {
    if (m.version <= current) continue;
    db.exec(std::string(m.sql));
    db.setSchemaVersion(m.version);
    applied.push_back(m);
  }
  return applied;
}

}  // namespace igsgov::store
