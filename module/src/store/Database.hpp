// Database: a thin RAII layer over one connection to the register's database,
// SQLite (a file path, the default) or PostgreSQL (a postgresql:// or
// postgres:// address), chosen by the address (isPostgresAddress). The rest of
// the code uses only this API and ?-parameters; what differs between the two
// engines lives in store/ (Backend.hpp and its two implementations).
//
// Owns the connection; Statement owns one prepared statement. Every engine
// failure is translated at the store's edge into igsgov::Error:
// SQLite BUSY/LOCKED and PostgreSQL serialization failures, deadlocks and lock
// timeouts -> busy; constraint violations (unique, foreign key, check, not
// null) -> conflict; the rest -> io.
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
#include <vector>

namespace igsgov::store {

class Cursor;
class Connection;

enum class Dialect { sqlite, postgresql };

// True for postgresql://... and postgres://... (libpq connection URIs).
bool isPostgresAddress(const std::string& address);
// The address without a password (for messages and logs).
std::string displayAddress(const std::string& address);

// A column value as the register stores it. Blobs are not used by the register.
using Value = std::variant<std::monostate, long long, std::string>;

// The storage class of one stored value (SQLite's; PostgreSQL's column types map
// onto it: integer types -> INTEGER, text types -> TEXT, floating point and
// numeric -> REAL, bytea -> BLOB). The register writes only null, integer and
// text (Value has no other alternative); a real or blob value in a register was
// put there by something else (journal/Verifier reports it).
enum class StorageClass { null, integer, real, text, blob };
const char* storageClassName(StorageClass c);  // "NULL", "INTEGER", "REAL", "TEXT", "BLOB"

// A row whose foreign key names a missing row (the verifier reports it).
struct ForeignKeyProblem {
  std::string table;
  long long rowId;
  std::string parent;
};

// A trigger, view or rule the migrations did not create.
struct SchemaObject {
  std::string type;   // "trigger", "view", "rule"
  std::string name;
  std::string table;
};

// A table of the register and the tables its foreign keys name.
struct TableInfo {
  std::string name;
  std::vector<std::string> parents;
};

class Statement {
public:
  explicit Statement(std::unique_ptr<Cursor> cursor);
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
  std::unique_ptr<Cursor> cursor_;
};

class Database {
public:
  // SQLite: opens (creating when `create`) the file with WAL, foreign keys and a
  // busy timeout. PostgreSQL: connects to the (existing) database; `create`
  // changes nothing there (the migrations create the tables). Throws notFound
  // when a SQLite file does not exist and !create, io when it cannot connect.
  Database(const std::string& address, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const;
  void exec(const std::string& sql);  // one or more statements without results
  Statement prepare(const std::string& sql);
  // A prepared statement kept for the connection's lifetime, reset and ready.
  // Do not hold two uses of the same SQL text at once (the second resets the first).
  Statement& cached(const std::string& sql);
  // Resets every cached statement. A statement left on a row keeps its read
  // snapshot open (WAL), so the Register calls this after every operation.
  void releaseCached() noexcept;
  // The row id (INTEGER PRIMARY KEY / identity column) of the last row inserted.
  long long lastInsertRowId() const;
  int changes() const;
  const std::string& path() const { return path_; }  // the address without a password: for messages
  const std::string& address() const { return address_; }  // as given (may hold a password): for connecting

  // Write transactions take the register's write lock at once: SQLite BEGIN
  // IMMEDIATE; PostgreSQL a transaction-scoped advisory lock (one writer at a
  // time across every process, so the journal stays one chain). A writer that
  // cannot get it within the busy timeout gets Error(busy).
  void begin();
  // Read transactions see one committed state (SQLite BEGIN DEFERRED,
  // PostgreSQL REPEATABLE READ READ ONLY).
  void beginRead();
  void commit();
  void rollback() noexcept;
  bool inTransaction() const;

  // The catalogue, whatever the engine.
  bool tableExists(const std::string& table);
  bool hasColumn(const std::string& table, const std::string& column);
  int schemaVersion();
  void setSchemaVersion(int version);
  // This connection refuses every write (the ReaderPool's connections).
  void setReadOnly();
  // Tuning for one large write (a bulk import); off restores the default.
  void setBulk(bool on);
  std::vector<ForeignKeyProblem> foreignKeyProblems();
  // Triggers, views and rules in the register's schema.
  std::vector<SchemaObject> foreignSchemaObjects();
  // The register's tables (igsgov_schema and the engine's own excluded), every
  // table after the tables its foreign keys name (a cycle keeps catalogue order).
  std::vector<std::string> tables();
  // Appends rows exactly as given, row ids included (register copy): PostgreSQL
  // sends them with one COPY and moves the identity sequence past them; SQLite
  // inserts them one by one with one prepared statement. Inside the caller's
  // transaction; a constraint violation throws conflict.
  void appendRows(const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows);

  // Batched inserts for a bulk write (journal::Journal::insertRow uses them
  // when batchesInserts()): true on PostgreSQL while setBulk(true), never on
  // SQLite (its per-row insert is in-process). reserveRowId hands out the
  // table's next identity value (reserved from its sequence in blocks);
  // queueRow keeps the row (row id included) and the connection sends the
  // queue with one COPY when it is full, before any other statement runs on
  // the connection (except a SELECT naming no table with queued rows: it cannot
  // see them), at commit and at setBulk(false); rollback drops it. So a read
  // inside the write sees every queued row it could read; a constraint violation
  // of a queued row surfaces from the statement that sent the queue (conflict,
  // with the row's tag: setQueueTag).
  bool batchesInserts() const;
  long long reserveRowId(const std::string& table);
  void queueRow(const std::string& table, const std::vector<std::string>& columns, std::vector<Value> values);
  // Tags the rows queued from now on (-1: no tag; rollback clears it). A row the
  // database refuses when the queue goes out is reported with the place field
  // "queued_row" = its tag, so a bulk writer can name the input record it came
  // from (the error surfaces later, from whatever statement sent the queue).
  // Only on PostgreSQL; SQLite inserts each row at once, so the error surfaces
  // at the row itself.
  void setQueueTag(long long tag);
  // How many times this connection has sent its queue (0 on SQLite): what a
  // test or benchmark checks to see that a bulk write's batches stay large.
  long long queueSends() const;

private:
  std::unique_ptr<Connection> conn_;
  std::string address_;
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

// RAII read transaction (Database::beginRead): every statement inside sees the same
// committed state, the snapshot taken at its first read. Ends with ROLLBACK
// (nothing to keep) and resets the connection's cached statements.
class ReadTransaction {
public:
  explicit ReadTransaction(Database& db) : db_(db) { db_.beginRead(); }
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

}  // namespace igsgov::store
