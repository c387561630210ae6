// The two dialects' migrations (store/migrations and store/migrations/postgresql)
// make the same schema: the same tables, columns (INTEGER ~ bigint, TEXT ~ text),
// NOT NULL, primary keys, unique keys, indexes (columns, unique, partial) and
// foreign keys. Runs under tests/support/postgres.sh (ctest label postgresql);
// without IGSGOV_TEST_DB it fails.
#include "store/Database.hpp"
#include "store/Migrations.hpp"

#include "WorkDir.hpp"
#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace igsgov::store {
namespace {

using Schema = std::set<std::string>;  // one line per fact, sorted

std::string kind(const std::string& declared) {
  if (declared == "INTEGER" || declared == "bigint") return "integer";
  if (declared == "TEXT" || declared == "text") return "text";
  return "other:" + declared;
}

std::vector<std::string> strings(Database& db, const std::string& sql, const std::string& param = "") {
  auto st = db.prepare(sql);
  if (!param.empty()) st.bind(1, param);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

Schema sqliteSchema(Database& db) {
  Schema s;
  for (const auto& t : strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
    s.insert("table " + t);
    auto cols = db.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
    cols.bind(1, t);
    std::string pk;
    while (cols.step()) {
      bool key = cols.integer(3) > 0;
      s.insert("column " + t + "." + cols.text(0) + " " + kind(cols.text(1)) +
               (cols.integer(2) || key ? " not null" : ""));
      if (key) pk += (pk.empty() ? "" : ",") + cols.text(0);
    }
    s.insert("primary key " + t + "(" + pk + ")");
    auto idx = db.prepare("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)");
    idx.bind(1, t);
    while (idx.step()) {
      if (idx.text(2) == "pk") continue;
      std::string columns;
      for (const auto& c : strings(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", idx.text(0)))
        columns += (columns.empty() ? "" : ",") + c;
      std::string name = idx.text(2) == "c" ? idx.text(0) : "(constraint)";
      s.insert(std::string(idx.integer(1) ? "unique " : "") + "index " + name + " on " + t + "(" + columns + ")" +
               (idx.integer(3) ? " partial" : ""));
    }
    auto fk = db.prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)");
    fk.bind(1, t);
    while (fk.step()) s.insert("foreign key " + t + "." + fk.text(0) + " -> " + fk.text(1) + "(" + fk.text(2) + ")");
  }
  return s;
}

Schema postgresSchema(Database& db) {
  Schema s;
  auto tables = strings(db,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        "AND table_type = 'BASE TABLE' AND table_name <> 'igsgov_schema'");
  for (const auto& t : tables) {
    s.insert("table " + t);
    auto cols = db.prepare(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?");
    cols.bind(1, t);
    while (cols.step())
      s.insert("column " + t + "." + cols.text(0) + " " + kind(cols.text(1)) +
               (cols.text(2) == "NO" ? " not null" : ""));
    auto idx = db.prepare(
        "SELECT ic.relname, i.indisunique, i.indisprimary, i.indpred IS NOT NULL, "
        "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) "
        " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum), "
        "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'u') "
        "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = to_regclass(?)");
    idx.bind(1, t);
    while (idx.step()) {
      if (idx.integer(2)) {
        s.insert("primary key " + t + "(" + idx.text(4) + ")");
        continue;
      }
      std::string name = idx.integer(5) ? "(constraint)" : idx.text(0);
      s.insert(std::string(idx.integer(1) ? "unique " : "") + "index " + name + " on " + t + "(" + idx.text(4) + ")" +
               (idx.integer(3) ? " partial" : ""));
    }
    auto fk = db.prepare(
        "SELECT a.attname, c.confrelid::regclass::text, f.attname FROM pg_constraint c "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] "
        "WHERE c.contype = 'f' AND c.conrelid = to_regclass(?)");
    fk.bind(1, t);
    while (fk.step()) s.insert("foreign key " + t + "." + fk.text(0) + " -> " + fk.text(1) + "(" + fk.text(2) + ")");
  }
  return s;
}

class SchemaParityTest : public igsgov::testing::WorkDir {
protected:
  SchemaParityTest() : WorkDir("schema-parity") {}
};

TEST_F(SchemaParityTest, BothDialectsAreNumberedInStep) {
  const auto& lite = migrations(Dialect::sqlite);
  const auto& pg = migrations(Dialect::postgresql);
  ASSERT_EQ(lite.size(), pg.size());
  for (size_t i = 0; i < lite.size(); ++i) {
    EXPECT_EQ(lite[i].version, pg[i].version);
    EXPECT_EQ(lite[i].name, pg[i].name);
  }
}

TEST_F(SchemaParityTest, BothDialectsMakeTheSameSchema) {
  ASSERT_TRUE(igsgov::testing::onPostgres()) << "IGSGOV_TEST_DB is not set: run under tests/support/postgres.sh";
  Database lite((dir_ / "parity.db").string(), true);
  Database pg(igsgov::testing::freshPostgresDatabase(), true);
  for (Database* db : {&lite, &pg}) {
    Transaction tx(*db);
    migrate(*db);
    tx.commit();
    EXPECT_EQ(db->schemaVersion(), latestSchemaVersion());
  }
  Schema a = sqliteSchema(lite), b = postgresSchema(pg);
  EXPECT_GT(a.size(), 300u);
  for (const auto& line : a)
    if (!b.count(line)) ADD_FAILURE() << "only in SQLite: " << line;
  for (const auto& line : b)
    if (!a.count(line)) ADD_FAILURE() << "only in PostgreSQL: " << line;
}

}  // namespace
}  // namespace igsgov::store
