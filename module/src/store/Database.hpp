// Database: a thin RAII layer over one SQLite connection (sqlite3 C API).
//
// Owns the connection; Statement owns one prepared statement. Every SQLite
// failure is translated here, at the store's edge, into igsgov::Error:
// SQLITE_BUSY/LOCKED -> busy, constraint violations -> conflict, the rest -> io.
// Not thread-safe: one Database is used by one thread at a time (the Register
// guards its writing connection with a mutex and lends each reader its own
// connection, records/ReaderPool.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace igsgov::store {

// A column value as SQLite stores it. Blobs are not used by the register.
using Value = std::variant<std::monostate, long long, std::string>;

// SQLite's storage class of one stored value. The register writes only null,
// integer and text (Value has no other alternative); a real or blob value in a
// register was put there by something else (journal/Verifier reports it).
enum class StorageClass { null, integer, real, text, blob };
const char* storageClassName(StorageClass c);  // "NULL", "INTEGER", "REAL", "TEXT", "BLOB"

class Statement {
public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, const Value& v);
  Statement& bind(int index, const std::string& s);
  Statement& bind(int index, const char* s) { return bind(index, std::string(s)); }
  Statement& bind(int index, long long n);
  Statement& bind(int index, int n) { return bind(index, static_cast<long long>(n)); }
  Statement& bind(int index, const std::optional<std::string>& s);
  Statement& bindNull(int index);

  bool step();  // true while a row is available
  void run();   // steps to completion (for statements without rows)
  void reset(); // ready to bind and step again

  int columnCount() const;
  std::string columnName(int i) const;
  bool isNull(int i) const;
  long long integer(int i) const;
  std::string text(int i) const;  // "" for NULL
  std::optional<std::string> optText(int i) const;
  // The value as the register reads it: a REAL or BLOB reads as its text (see StorageClass).
  Value value(int i) const;
  StorageClass storageClass(int i) const;

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
};

class Database {
public:
  // Opens (creating when `create`) the file with WAL, foreign keys and a busy timeout.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);  // one or more statements without results
  Statement prepare(const std::string& sql) { return Statement(db_, sql); }
  // A prepared statement kept for the connection's lifetime, reset and ready.
  // Do not hold two uses of the same SQL text at once (the second resets the first).
  Statement& cached(const std::string& sql);
  // Resets every cached statement. A statement left on a row keeps its read
  // snapshot open (WAL), so the Register calls this after every operation.
  void releaseCached() noexcept;
  long long lastInsertRowId() const;
  int changes() const;
  const std::string& path() const { return path_; }

  // Transactions: BEGIN IMMEDIATE takes the write lock at once (no upgrade deadlocks).
  void begin();
  void commit();
  void rollback() noexcept;
  bool inTransaction() const;

private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// RAII write transaction: rolls back unless commit() was called.
// Neither copyable nor movable: one BEGIN has exactly one owner, so exactly one
// COMMIT or ROLLBACK (a copy would roll back twice, the second time undoing
// whatever the connection began after the first).
class Transaction {
public:
  explicit Transaction(Database& db) : db_(db) { db_.begin(); }
  ~Transaction() { if (!done_) db_.rollback(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  void commit() { db_.commit(); done_ = true; }

private:
  Database& db_;
  bool done_ = false;
};

// RAII read transaction (BEGIN DEFERRED): every statement inside sees the same
// committed state, the snapshot taken at its first read. Ends with ROLLBACK
// (nothing to keep) and resets the connection's cached statements.
class ReadTransaction {
public:
  explicit ReadTransaction(Database& db) : db_(db) { db_.exec("BEGIN DEFERRED"); }
  ~ReadTransaction() {
    db_.releaseCached();
    db_.rollback();
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ReadTransaction(ReadTransaction&&) = delete;
  ReadTransaction& operator=(ReadTransaction&&) = delete;

private:
  Database& db_;
};

// Translates a SQLite result code into igsgov::Error and throws it.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const std::string& context);

}  // namespace igsgov::store
