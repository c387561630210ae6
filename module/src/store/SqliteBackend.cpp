// The SQLite backend (the default): one register file, WAL, foreign keys on,
// BEGIN IMMEDIATE per write. See Backend.hpp.
#include "store/Backend.hpp"

#include "core/Error.hpp"

#include <sqlite3.h>

namespace igsgov::store {

namespace {

[[noreturn]] void throwSqlite(sqlite3* db, int rc, const std::string& context) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  Place p;
  p.set("database", context);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw Error(ErrorCode::busy, "het register is vergrendeld door een andere schrijver; probeer opnieuw", p);
  if (primary == SQLITE_CONSTRAINT)
    throw Error(ErrorCode::conflict, "de wijziging botst met een bestaande registratie: " + detail, p);
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    throw Error(ErrorCode::integrity, "het registerbestand is beschadigd of geen register: " + detail, p);
  if (primary == SQLITE_CANTOPEN)
    throw Error(ErrorCode::io, "het registerbestand kan niet geopend worden: " + detail, p);
  throw Error(ErrorCode::io, "databankfout: " + detail, p);
}

class SqliteCursor final : public Cursor {
public:
  SqliteCursor(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throwSqlite(db_, rc, sql.substr(0, 80));
  }
  ~SqliteCursor() override { sqlite3_finalize(stmt_); }

  void bindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  void bindText(int i, const std::string& s) override {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bindInteger(int i, long long n) override { sqlite3_bind_int64(stmt_, i, n); }

  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throwSqlite(db_, rc, sql_.substr(0, 80));
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int columnCount() const override { return sqlite3_column_count(stmt_); }
  std::string columnName(int i) const override { return sqlite3_column_name(stmt_, i); }
  long long integer(int i) const override { return sqlite3_column_int64(stmt_, i); }
  std::string text(int i) const override {
    auto p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, i)) : std::string();
  }
  StorageClass storageClass(int i) const override {
    switch (sqlite3_column_type(stmt_, i)) {
      case SQLITE_NULL: return StorageClass::null;
      case SQLITE_INTEGER: return StorageClass::integer;
      case SQLITE_FLOAT: return StorageClass::real;
      case SQLITE_BLOB: return StorageClass::blob;
      default: return StorageClass::text;
    }
  }

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class SqliteConnection final : public Connection {
public:
  SqliteConnection(const std::string& path, bool create) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      Place p;
      p.set("file", path);
      if (!create && (rc & 0xff) == SQLITE_CANTOPEN)
        throw Error(ErrorCode::notFound, "geen register gevonden; maak er een met 'igsgov init'", p);
      throw Error(ErrorCode::io, "het registerbestand kan niet geopend worden: " + msg, p);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  Dialect dialect() const override { return Dialect::sqlite; }
  std::unique_ptr<Cursor> prepare(const std::string& sql) override { return std::make_unique<SqliteCursor>(db_, sql); }
  void exec(const std::string& sql) override {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      sqlite3_free(err);
      throwSqlite(db_, rc, sql.substr(0, 80));
    }
  }
  long long lastInsertRowId() const override { return sqlite3_last_insert_rowid(db_); }
  int changes() const override { return sqlite3_changes(db_); }
  void beginWrite() override { exec("BEGIN IMMEDIATE"); }
  void beginRead() override { exec("BEGIN DEFERRED"); }
  void commit() override { exec("COMMIT"); }
  void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  bool inTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }

  bool tableExists(const std::string& table) override {
    SqliteCursor st(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bindText(1, table);
    return st.step();
  }
  bool hasColumn(const std::string& table, const std::string& column) override {
    SqliteCursor st(db_, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bindText(1, table);
    st.bindText(2, column);
    return st.step();
  }
  int schemaVersion() override {
    SqliteCursor st(db_, "PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
  }
  void setSchemaVersion(int version) override { exec("PRAGMA user_version = " + std::to_string(version)); }
  void setReadOnly() override { exec("PRAGMA query_only = ON"); }
  // A larger page cache for the bulk write (the default 2 MB makes every index
  // insert of a large import evict pages).
  void setBulk(bool on) override { exec(on ? "PRAGMA cache_size = -262144" : "PRAGMA cache_size = -2000"); }
  std::vector<ForeignKeyProblem> foreignKeyProblems() override {
    // The sqlite3 shell does not enforce foreign keys by default.
    std::vector<ForeignKeyProblem> out;
    SqliteCursor fk(db_, "PRAGMA foreign_key_check");
    while (fk.step()) out.push_back({fk.text(0), fk.integer(1), fk.text(2)});
    return out;
  }
  std::vector<SchemaObject> foreignSchemaObjects() override {
    std::vector<SchemaObject> out;
    SqliteCursor st(db_,
                    "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
  }

  std::vector<TableInfo> tables() override {
    std::vector<TableInfo> out;
    SqliteCursor st(db_, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                         "ORDER BY rowid");
    while (st.step()) out.push_back({st.text(0), {}});
    for (auto& t : out) {
      SqliteCursor fk(db_, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
      fk.bindText(1, t.name);
      while (fk.step()) t.parents.push_back(fk.text(0));
    }
    return out;
  }
  void appendRows(const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows) override {
    std::string sql = "INSERT INTO " + table + " (", marks;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    Statement st(prepare(sql + ") VALUES (" + marks + ")"));
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) st.bind(static_cast<int>(i + 1), row[i]);
      st.run();
    }
  }

  bool batchesInserts() const override { return false; }
  long long reserveRowId(const std::string&) override {
    throw Error(ErrorCode::internal, "SQLite reserveert geen rij-id's");
  }
  long long queueSends() const override { return 0; }
  void setQueueTag(long long) override {}  // rows are inserted at once: an error names its row
  void queueRow(const std::string& table, const std::vector<std::string>& columns, std::vector<Value> values) override {
    appendRows(table, columns, {std::move(values)});
  }

private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Connection> openSqlite(const std::string& path, bool create) {
  return std::make_unique<SqliteConnection>(path, create);
}

}  // namespace igsgov::store
