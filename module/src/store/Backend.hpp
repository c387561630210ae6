// Backend: the interface one database engine implements below store::Database
// (SqliteBackend.cpp, PostgresBackend.cpp). Internal to the store area: the rest
// of the code sees only Database and Statement, whatever the engine.
//
// A Connection is one open connection; a Cursor one statement on it, written
// with ?-parameters (the PostgreSQL backend translates them). Every engine
// error is translated at this edge into igsgov::Error: busy (another writer
// holds the register), conflict (a constraint), integrity, io.
// Not thread-safe, like Database: one thread at a time per Connection.
#pragma once

#include "store/Database.hpp"

#include <memory>
#include <string>
#include <vector>

namespace igsgov::store {

class Cursor {
public:
  virtual ~Cursor() = default;
  virtual void bindNull(int index) = 0;
  virtual void bindText(int index, const std::string& s) = 0;
  virtual void bindInteger(int index, long long n) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual int columnCount() const = 0;
  virtual std::string columnName(int i) const = 0;
  virtual StorageClass storageClass(int i) const = 0;
  virtual long long integer(int i) const = 0;
  virtual std::string text(int i) const = 0;
};

class Connection {
public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual std::unique_ptr<Cursor> prepare(const std::string& sql) = 0;
  virtual void exec(const std::string& sql) = 0;
  virtual long long lastInsertRowId() const = 0;
  virtual int changes() const = 0;
  virtual void beginWrite() = 0;
  virtual void beginRead() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual bool inTransaction() const = 0;
  virtual bool tableExists(const std::string& table) = 0;
  virtual bool hasColumn(const std::string& table, const std::string& column) = 0;
  virtual int schemaVersion() = 0;
  virtual void setSchemaVersion(int version) = 0;
  virtual void setReadOnly() = 0;
  virtual void setBulk(bool on) = 0;
  virtual std::vector<ForeignKeyProblem> foreignKeyProblems() = 0;
  virtual std::vector<SchemaObject> foreignSchemaObjects() = 0;
  // The register's tables (not the engine's own, nor igsgov_schema), each with
  // the tables its foreign keys name.
  virtual std::vector<TableInfo> tables() = 0;
  // Appends rows with every value given (row ids included): SQLite one prepared
  // INSERT per row, PostgreSQL one COPY for all, after which the table's identity
  // sequence continues after the largest row id.
  virtual void appendRows(const std::string& table, const std::vector<std::string>& columns,
                          const std::vector<std::vector<Value>>& rows) = 0;
  // Batched inserts while setBulk(true) (Database::batchesInserts).
  virtual bool batchesInserts() const = 0;
  virtual long long reserveRowId(const std::string& table) = 0;
  virtual void queueRow(const std::string& table, const std::vector<std::string>& columns,
                        std::vector<Value> values) = 0;
  virtual void setQueueTag(long long tag) = 0;
  virtual long long queueSends() const = 0;
};

std::unique_ptr<Connection> openSqlite(const std::string& path, bool create);
std::unique_ptr<Connection> openPostgres(const std::string& url, bool create);

}  // namespace igsgov::store
