#include "store/Migrations.hpp"

#include "core/Embedded.hpp"
#include "core/Error.hpp"

#include <algorithm>

namespace igsgov {
EmbeddedFiles embeddedMigrations();
}

namespace igsgov::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> out;
    for (const auto& f : embeddedMigrations()) {
      std::string name = f.name;
      out.push_back({std::stoi(name.substr(0, 4)), name.substr(5, name.size() - 9), f.bytes});
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    return out;
  }();
  return all;
}

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

int schemaVersion(Database& db) {
  auto st = db.prepare("PRAGMA user_version");
  st.step();
  return static_cast<int>(st.integer(0));
}

std::vector<Migration> migrate(Database& db) {
  int current = schemaVersion(db);
  if (current > latestSchemaVersion())
    throw Error(ErrorCode::unsupported,
                "dit register heeft schemaversie " + std::to_string(current) + ", nieuwer dan deze igsgov (" +
                    std::to_string(latestSchemaVersion()) + "); werk igsgov bij",
                Place().set("file", db.path()));
  std::vector<Migration> applied;
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    db.exec(std::string(m.sql));
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    applied.push_back(m);
  }
  return applied;
}

}  // namespace igsgov::store
