#include "ops/RegisterCopy.hpp"

#include "core/Error.hpp"
#include "journal/Verifier.hpp"
#include "store/Migrations.hpp"

#include <Poco/File.h>

namespace igsgov::ops {

namespace {

constexpr std::size_t kBatchRows = 2000;

Place at(const std::string& address) { return Place().set("database", store::displayAddress(address)); }

// Copies one table in row order, in batches; returns the number of rows.
long long copyTable(store::Database& from, store::Database& to, const std::string& table) {
  if (!to.tableExists(table))
    throw Error(ErrorCode::unsupported,
                "de tabel '" + table + "' van het bronregister bestaat niet in het doel (andere schemaversie?)",
                at(to.address()));
  auto st = from.prepare("SELECT * FROM " + table + " ORDER BY " + (from.hasColumn(table, "row_id") ? "row_id" : "1"));
  std::vector<std::string> columns;
  for (int i = 0; i < st.columnCount(); ++i) columns.push_back(st.columnName(i));
  std::vector<std::vector<store::Value>> batch;
  long long rows = 0;
  while (st.step()) {
    std::vector<store::Value> row;
    row.reserve(columns.size());
    for (int i = 0; i < static_cast<int>(columns.size()); ++i) row.push_back(st.value(i));
    batch.push_back(std::move(row));
    if (batch.size() == kBatchRows) {
      to.appendRows(table, columns, batch);
      rows += static_cast<long long>(batch.size());
      batch.clear();
    }
  }
  to.appendRows(table, columns, batch);
  return rows + static_cast<long long>(batch.size());
}

JsonObject copyInto(store::Database& from, store::Database& to) {
  store::ReadTransaction snapshot(from);
  int version = store::schemaVersion(from);
  if (version == 0 || !from.tableExists("journal"))
    throwNotFound("de bron is geen igsgov-register (geen tabellen)", at(from.address()));
  if (version != store::latestSchemaVersion())
    throw Error(ErrorCode::unsupported,
                "het bronregister heeft schemaversie " + std::to_string(version) + ", deze igsgov " +
                    std::to_string(store::latestSchemaVersion()) +
                    "; open het bronregister eerst eenmaal met deze igsgov (die werkt het bij) en kopieer dan",
                at(from.address()));
  if (store::schemaVersion(to) != 0 || !to.tables().empty())
    throw Error(ErrorCode::conflict, "het doel is niet leeg; kopiëren kan alleen naar een lege databank",
                at(to.address()));

  store::Transaction tx(to);
  store::migrate(to);
  auto tables = from.tables();
  long long rows = 0;
  for (const auto& table : tables) rows += copyTable(from, to, table);
  auto report = journal::verify(to);
  if (!report.ok) {
    const auto& p = report.problems.front();
    Place place = at(to.address());
    if (p.seq) place.set("journal", std::to_string(p.seq));
    if (!p.table.empty()) place.set("table", p.table);
    throw Error(ErrorCode::integrity,
                "het gekopieerde register verifieert niet; er is niets gekopieerd: " + p.message, place);
  }
  tx.commit();
  auto out = newObject();
  out->set("from", from.path());
  out->set("to", to.path());
  out->set("tables", static_cast<long long>(tables.size()));
  out->set("rows", rows);
  auto j = newObject();
  j->set("seq", report.headSeq);
  j->set("hash", report.headHash);
  out->set("journal", j);
  out->set("verified", true);
  return out;
}

}  // namespace

JsonObject copyRegister(const std::string& from, const std::string& to) {
  if (from == to) throwInvalid("bron en doel zijn dezelfde databank", at(to).set("field", "'to'"));
  store::Database source(from, false);
  bool created = !store::isPostgresAddress(to) && !Poco::File(to).exists();
  try {
    store::Database target(to, true);
    return copyInto(source, target);
  } catch (...) {
    if (created)
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        try {
          Poco::File(to + suffix).remove();
        } catch (...) {
        }
      }
    throw;
  }
}

}  // namespace igsgov::ops
