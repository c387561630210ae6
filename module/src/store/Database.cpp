#include "store/Database.hpp"

#include "core/Error.hpp"

#include <sqlite3.h>

namespace igsgov::store {

void throwSqlite(sqlite3* db, int rc, const std::string& context) {
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

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db), stmt_(nullptr), sql_(sql) {
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) throwSqlite(db_, rc, sql.substr(0, 80));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), sql_(std::move(o.sql_)) {
  o.stmt_ = nullptr;
}

Statement& Statement::bind(int i, const Value& v) {
  if (std::holds_alternative<long long>(v)) return bind(i, std::get<long long>(v));
  if (std::holds_alternative<std::string>(v)) return bind(i, std::get<std::string>(v));
  return bindNull(i);
}

Statement& Statement::bind(int i, const std::string& s) {
  sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int i, long long n) {
  sqlite3_bind_int64(stmt_, i, n);
  return *this;
}

Statement& Statement::bind(int i, const std::optional<std::string>& s) {
  return s ? bind(i, *s) : bindNull(i);
}

Statement& Statement::bindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throwSqlite(db_, rc, sql_.substr(0, 80));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
std::string Statement::columnName(int i) const { return sqlite3_column_name(stmt_, i); }
bool Statement::isNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
long long Statement::integer(int i) const { return sqlite3_column_int64(stmt_, i); }

std::string Statement::text(int i) const {
  auto p = sqlite3_column_text(stmt_, i);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, i)) : std::string();
}

std::optional<std::string> Statement::optText(int i) const {
  if (isNull(i)) return std::nullopt;
  return text(i);
}

Value Statement::value(int i) const {
  switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_NULL: return std::monostate{};
    case SQLITE_INTEGER: return integer(i);
    default: return text(i);
  }
}

StorageClass Statement::storageClass(int i) const {
  switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_NULL: return StorageClass::null;
    case SQLITE_INTEGER: return StorageClass::integer;
    case SQLITE_FLOAT: return StorageClass::real;
    case SQLITE_BLOB: return StorageClass::blob;
    default: return StorageClass::text;
  }
}

const char* storageClassName(StorageClass c) {
  switch (c) {
    case StorageClass::null: return "NULL";
    case StorageClass::integer: return "INTEGER";
    case StorageClass::real: return "REAL";
    case StorageClass::text: return "TEXT";
    case StorageClass::blob: return "BLOB";
  }
  return "?";
}

Database::Database(const std::string& path, bool create) : path_(path) {
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

Database::~Database() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

void Database::releaseCached() noexcept {
  for (auto& [sql, st] : cache_) st->reset();
}

Statement& Database::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
  it->second->reset();
  return *it->second;
}

void Database::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    throwSqlite(db_, rc, sql.substr(0, 80));
  }
}

long long Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
void Database::begin() { exec("BEGIN IMMEDIATE"); }
void Database::commit() { exec("COMMIT"); }
void Database::rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace igsgov::store
