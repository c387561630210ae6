// The PostgreSQL backend (libpq). See Backend.hpp and docs/dev/store.md,
// "PostgreSQL".
//
// - Statements are sent with PQexecParams: ?-parameters become $n, integers go
//   as int8, text and NULL untyped (the server takes the column's type).
// - An INSERT into a table with an identity column (row_id) gets RETURNING row_id,
//   which is what lastInsertRowId() reports: one round trip per row.
// - A write transaction takes a transaction-scoped advisory lock first (the
//   register's write lock: one writer at a time across all processes, so the
//   journal's chain cannot fork); lock_timeout bounds the wait like SQLite's busy
//   timeout. Reads run on REPEATABLE READ snapshots.
// - A lost connection fails the statement with busy; the next transaction
//   reconnects (PQreset).
// - Bulk writes (setBulk(true)): rows get their row id from the identity
//   sequence in reserved blocks and are queued; the queue goes out with one COPY
//   when full and before any other statement on the connection (flushQueue),
//   except a SELECT that names no table with queued rows (a lookup of what the
//   rows refer to), so the batches stay large. Each queued row keeps the tag set
//   by setQueueTag; a row the COPY refuses is reported with its tag (the
//   "queued_row" place field), found from the line COPY names.
#include "store/Backend.hpp"
#include "store/PostgresSql.hpp"

#include "core/Error.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>

namespace igsgov::store {

namespace {

// The advisory lock key of the register's write lock ("igsgov" in ASCII).
constexpr const char* kWriteLockKey = "113723101463414";
constexpr const char* kLockTimeout = "5s";

constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

[[noreturn]] void throwPg(PGconn* conn, const PGresult* res, const std::string& context) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  std::string detail = res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  Place p;
  p.set("database", context);
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" || sqlstate == "57014")
    throw Error(ErrorCode::busy, "het register is vergrendeld door een andere schrijver; probeer opnieuw", p);
  if (sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0 || PQstatus(conn) != CONNECTION_OK)
    throw Error(ErrorCode::busy, "de databank is even niet bereikbaar; probeer opnieuw (" + detail + ")", p);
  if (sqlstate.rfind("23", 0) == 0)
    throw Error(ErrorCode::conflict, "de wijziging botst met een bestaande registratie: " + detail, p);
  if (sqlstate.rfind("XX", 0) == 0)
    throw Error(ErrorCode::integrity, "de databank is beschadigd: " + detail, p);
  throw Error(ErrorCode::io, "databankfout: " + detail, p);
}

struct Result {
  PGresult* r = nullptr;
  Result() = default;
  explicit Result(PGresult* p) : r(p) {}
  ~Result() { PQclear(r); }
  Result(const Result&) = delete;
  Result& operator=(Result&& o) noexcept {
    std::swap(r, o.r);
    return *this;
  }
};

class PostgresConnection;

class PostgresCursor final : public Cursor {
public:
  PostgresCursor(PostgresConnection& conn, const std::string& sql);

  void bindNull(int i) override { slot(i) = {false, {}, 0}; }
  void bindText(int i, const std::string& s) override { slot(i) = {true, s, 0}; }
  void bindInteger(int i, long long n) override { slot(i) = {true, std::to_string(n), kInt8}; }

  bool step() override;
  void reset() override {
    result_ = Result();
    row_ = -1;
    for (auto& p : params_) p = {};
  }

  int columnCount() const override;
  std::string columnName(int i) const override {
    const char* name = PQfname(shape(), i);
    return name ? name : "";
  }
  StorageClass storageClass(int i) const override {
    if (PQgetisnull(result_.r, row_, i)) return StorageClass::null;
    switch (PQftype(result_.r, i)) {
      case kBool:
      case kInt2:
      case kInt4:
      case kInt8:
      case kOid: return StorageClass::integer;
      case kNumeric: {
        std::string v = PQgetvalue(result_.r, row_, i);
        return v.find_first_of(".eE") == std::string::npos ? StorageClass::integer : StorageClass::real;
      }
      case kFloat4:
      case kFloat8: return StorageClass::real;
      case kBytea: return StorageClass::blob;
      default: return StorageClass::text;
    }
  }
  long long integer(int i) const override {
    if (PQgetisnull(result_.r, row_, i)) return 0;
    const char* v = PQgetvalue(result_.r, row_, i);
    if (PQftype(result_.r, i) == kBool) return v[0] == 't' ? 1 : 0;
    if (PQftype(result_.r, i) == kFloat4 || PQftype(result_.r, i) == kFloat8)
      return static_cast<long long>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
  }
  std::string text(int i) const override {
    if (PQgetisnull(result_.r, row_, i)) return "";
    if (PQftype(result_.r, i) == kBool) return PQgetvalue(result_.r, row_, i)[0] == 't' ? "1" : "0";
    return std::string(PQgetvalue(result_.r, row_, i), PQgetlength(result_.r, row_, i));
  }

private:
  struct Param {
    bool set = false;
    std::string value;
    Oid type = 0;
  };
  Param& slot(int i) {
    if (i < 1 || i > static_cast<int>(params_.size()))
      throw Error(ErrorCode::internal, "parameter " + std::to_string(i) + " bestaat niet",
                  Place().set("database", sql_.substr(0, 80)));
    return params_[i - 1];
  }

  // The result, or before the first step the statement's description (the
  // verifier asks for column names first, as SQLite allows).
  const PGresult* shape() const;

  PostgresConnection& conn_;
  mutable Result described_;
  std::string sql_;
  std::string table_;  // an INSERT's table (for RETURNING its identity column)
  std::vector<Param> params_;
  Result result_;
  int row_ = -1;
  bool returning_ = false;  // the result's one row is the inserted row id, not a row for the caller
};

class PostgresConnection final : public Connection {
public:
  PostgresConnection(const std::string& url, bool create) : url_(url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      while (!msg.empty() && msg.back() == '\n') msg.pop_back();
      PQfinish(conn_);
      conn_ = nullptr;
      throw Error(ErrorCode::io, "de PostgreSQL-databank is niet bereikbaar: " + msg,
                  Place().set("database", displayAddress(url)));
    }
    configure();
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  PGconn* raw() { return conn_; }
  // Sends the queued bulk rows (before any other statement on the connection).
  // Parents before children (a key table before its versions, as the foreign
  // keys need), otherwise in the order of their first queued row.
  void flushQueue() {
    if (queue_.empty()) return;
    auto queued = std::move(queue_);
    queue_.clear();
    queuedRows_ = 0;
    ++queueSends_;
    if (parents_.empty())
      for (auto& t : tables()) parents_[t.name] = t.parents;
    while (!queued.empty()) {
      auto waits = [&](const Queued& q) {
        for (const auto& parent : parents_[q.table])
          for (const auto& other : queued)
            if (parent != q.table && other.table == parent) return true;
        return false;
      };
      auto next = std::find_if(queued.begin(), queued.end(), [&](const Queued& q) { return !waits(q); });
      if (next == queued.end()) next = queued.begin();  // a cycle: the constraint reports it
      copyRows(next->table, next->columns, next->rows, &next->tags);
      queued.erase(next);
    }
  }
  // Sends the queue before `sql` runs, unless `sql` cannot see the queued rows
  // (a SELECT naming none of their tables).
  void flushQueueBefore(const std::string& sql) {
    if (queue_.empty()) return;
    std::vector<std::string> tables;
    for (const auto& q : queue_) tables.push_back(q.table);
    if (!selectsNoneOf(sql, tables)) flushQueue();
  }
  void setLastInsert(long long id) { lastInsert_ = id; }
  void setChanges(int n) { changes_ = n; }

  // The identity column of `table` ("" when it has none), looked up once per
  // table (only once the table exists).
  const std::string& identityColumn(const std::string& table) {
    auto it = identity_.find(table);
    if (it != identity_.end()) return it->second;
    flushQueue();
    const char* values[] = {table.c_str()};
    Result r(PQexecParams(conn_,
                          "SELECT to_regclass($1) IS NOT NULL, (SELECT attname FROM pg_attribute WHERE attrelid = "
                          "to_regclass($1) AND attidentity <> '' AND NOT attisdropped LIMIT 1)",
                          1, nullptr, values, nullptr, nullptr, 0));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "identity " + table);
    static const std::string none;
    if (PQgetvalue(r.r, 0, 0)[0] != 't') return none;
    std::string column = PQgetisnull(r.r, 0, 1) ? "" : PQgetvalue(r.r, 0, 1);
    return identity_.emplace(table, column).first->second;
  }

  Dialect dialect() const override { return Dialect::postgresql; }
  std::unique_ptr<Cursor> prepare(const std::string& sql) override {
    return std::make_unique<PostgresCursor>(*this, sql);
  }
  void exec(const std::string& sql) override {
    flushQueue();
    Result r(PQexec(conn_, sql.c_str()));
    auto s = PQresultStatus(r.r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) throwPg(conn_, r.r, sql.substr(0, 80));
    const char* n = PQcmdTuples(r.r);
    changes_ = n && *n ? std::atoi(n) : 0;
  }
  long long lastInsertRowId() const override { return lastInsert_; }
  int changes() const override { return changes_; }

  void beginWrite() override {
    begin(std::string("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '") + kLockTimeout +
          "'; SELECT pg_advisory_xact_lock(" + kWriteLockKey + ")");
  }
  void beginRead() override { begin("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  void commit() override {
    exec("COMMIT");
    reserved_.clear();
  }
  void rollback() noexcept override {
    queue_.clear();
    queuedRows_ = 0;
    queueTag_ = -1;
    reserved_.clear();
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    PQclear(PQexec(conn_, "ROLLBACK"));
  }
  bool inTransaction() const override {
    auto s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
  }

  bool tableExists(const std::string& table) override {
    return one("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE n.nspname = current_schema() AND c.relname = $1 AND c.relkind IN ('r', 'p')",
               {table});
  }
  bool hasColumn(const std::string& table, const std::string& column) override {
    return one("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
               "AND table_name = $1 AND column_name = $2",
               {table, column});
  }
  // The schema version lives in a one-row table outside the register's tables
  // (SQLite keeps it in PRAGMA user_version).
  int schemaVersion() override {
    if (!tableExists("igsgov_schema")) return 0;
    flushQueue();
    Result r(PQexec(conn_, "SELECT version FROM igsgov_schema"));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "igsgov_schema");
    return PQntuples(r.r) ? std::atoi(PQgetvalue(r.r, 0, 0)) : 0;
  }
  void setSchemaVersion(int version) override {
    exec("CREATE TABLE IF NOT EXISTS igsgov_schema (version INTEGER NOT NULL); DELETE FROM igsgov_schema; "
         "INSERT INTO igsgov_schema VALUES (" +
         std::to_string(version) + ")");
    identity_.clear();  // a migration may have made tables
    parents_.clear();
  }
  void setReadOnly() override {
    exec("SET default_transaction_read_only = on");
    readOnly_ = true;
  }
  void setBulk(bool on) override {
    if (!on) flushQueue();
    bulk_ = on;
  }
  bool batchesInserts() const override { return bulk_; }
  void setQueueTag(long long tag) override { queueTag_ = tag; }
  long long queueSends() const override { return queueSends_; }
  long long reserveRowId(const std::string& table) override;
  void queueRow(const std::string& table, const std::vector<std::string>& columns, std::vector<Value> values) override {
    auto find = [&] {
      return std::find_if(queue_.begin(), queue_.end(), [&](const Queued& q) { return q.table == table; });
    };
    auto it = find();
    if (it != queue_.end() && it->columns != columns) {
      flushQueue();
      it = queue_.end();
    }
    if (it == queue_.end()) it = queue_.insert(queue_.end(), Queued{table, columns, {}, {}});
    it->rows.push_back(std::move(values));
    it->tags.push_back(queueTag_);
    if (++queuedRows_ >= kQueueRows) flushQueue();
  }
  std::vector<ForeignKeyProblem> foreignKeyProblems() override;
  std::vector<SchemaObject> foreignSchemaObjects() override;
  std::vector<TableInfo> tables() override;
  void appendRows(const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows) override;

private:
  // Rows sent with COPY exactly as given (no identity sequence change).
  // `tags` (optional, one per row): a refused row's tag goes into the error's
  // place as "queued_row".
  void copyRows(const std::string& table, const std::vector<std::string>& columns,
                const std::vector<std::vector<Value>>& rows, const std::vector<long long>* tags = nullptr);

  bool one(const char* sql, const std::vector<std::string>& params) {
    flushQueue();
    std::vector<const char*> values;
    for (auto& p : params) values.push_back(p.c_str());
    Result r(PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, std::string(sql).substr(0, 80));
    return PQntuples(r.r) > 0;
  }

  void configure() {
    exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning");
    if (readOnly_) exec("SET default_transaction_read_only = on");
    // Text must sort and compare byte by byte, as in SQLite (ids, record times).
    Result r(PQexec(conn_, "SELECT datcollate FROM pg_database WHERE datname = current_database()"));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "pg_database");
    std::string collate = PQntuples(r.r) ? PQgetvalue(r.r, 0, 0) : "";
    if (collate != "C" && collate != "POSIX")
      throw Error(ErrorCode::unsupported,
                  "de PostgreSQL-databank sorteert tekst volgens '" + collate +
                      "'; het register heeft de sortering C nodig (CREATE DATABASE ... TEMPLATE template0 "
                      "LC_COLLATE 'C' LC_CTYPE 'C')",
                  Place().set("database", displayAddress(url_)));
  }

  // A BEGIN that fails (the lock not had in time) leaves no transaction behind,
  // as SQLite's: the caller's Transaction was never made, so nothing else
  // would roll it back.
  //
  // A connection the server closed while it was idle (PostgreSQL restarted, an
  // idle timeout, a failover) is only noticed by this BEGIN; nothing of the
  // operation ran yet, so it reconnects and begins once more instead of failing
  // a request that arrived after the server was back.
  void begin(const std::string& sql) {
    reconnectIfLost();
    try {
      exec(sql);
    } catch (...) {
      rollback();
      if (PQstatus(conn_) == CONNECTION_OK) throw;
      reconnectIfLost();
      try {
        exec(sql);
      } catch (...) {
        rollback();
        throw;
      }
    }
  }

  void reconnectIfLost() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) throwPg(conn_, nullptr, "verbinding");
    identity_.clear();
    configure();
  }

  std::string url_;
  PGconn* conn_ = nullptr;
  long long lastInsert_ = 0;
  int changes_ = 0;
  bool readOnly_ = false;
  std::map<std::string, std::string> identity_;
  bool bulk_ = false;
  static constexpr std::size_t kQueueRows = 4096;
  static constexpr int kReserveBlock = 1024;
  struct Queued {
    std::string table;
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    std::vector<long long> tags;  // per row: the tag set when it was queued (-1: none)
  };
  long long queueTag_ = -1;
  long long queueSends_ = 0;
  std::vector<Queued> queue_;
  std::size_t queuedRows_ = 0;
  std::map<std::string, std::vector<std::string>> parents_;  // foreign-key parents per table, read once
  std::map<std::string, std::deque<long long>> reserved_;  // identity values taken from the sequence, unused
};

PostgresCursor::PostgresCursor(PostgresConnection& conn, const std::string& sql) : conn_(conn) {
  int count = 0;
  sql_ = numberParameters(sql, count);
  params_.resize(count);
  table_ = insertTarget(sql);
}

const PGresult* PostgresCursor::shape() const {
  if (result_.r) return result_.r;
  if (!described_.r) {
    conn_.flushQueueBefore(sql_);
    Result prepared(PQprepare(conn_.raw(), "", sql_.c_str(), static_cast<int>(params_.size()), nullptr));
    if (PQresultStatus(prepared.r) != PGRES_COMMAND_OK) throwPg(conn_.raw(), prepared.r, sql_.substr(0, 80));
    described_ = Result(PQdescribePrepared(conn_.raw(), ""));
    if (PQresultStatus(described_.r) != PGRES_COMMAND_OK) {
      Result failed;
      std::swap(failed.r, described_.r);
      throwPg(conn_.raw(), failed.r, sql_.substr(0, 80));
    }
  }
  return described_.r;
}

int PostgresCursor::columnCount() const { return PQnfields(shape()); }

bool PostgresCursor::step() {
  if (!result_.r) {
    conn_.flushQueueBefore(sql_);
    std::string sql = sql_;
    returning_ = false;
    if (!table_.empty()) {
      const std::string& column = conn_.identityColumn(table_);
      if (!column.empty()) {
        sql += " RETURNING " + column;
        returning_ = true;
      }
    }
    std::vector<const char*> values;
    std::vector<Oid> types;
    for (auto& p : params_) {
      values.push_back(p.set ? p.value.c_str() : nullptr);
      types.push_back(p.type);
    }
    result_ = Result(PQexecParams(conn_.raw(), sql.c_str(), static_cast<int>(values.size()), types.data(),
                                  values.data(), nullptr, nullptr, 0));
    auto s = PQresultStatus(result_.r);
    if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
      Result failed;
      std::swap(failed.r, result_.r);
      throwPg(conn_.raw(), failed.r, sql_.substr(0, 80));
    }
    const char* n = PQcmdTuples(result_.r);
    conn_.setChanges(n && *n ? std::atoi(n) : 0);
    if (returning_) {
      if (PQntuples(result_.r) == 1) conn_.setLastInsert(std::strtoll(PQgetvalue(result_.r, 0, 0), nullptr, 10));
      return false;
    }
    row_ = -1;
  }
  if (returning_) return false;
  ++row_;
  return row_ < PQntuples(result_.r);
}

std::vector<ForeignKeyProblem> PostgresConnection::foreignKeyProblems() {
  flushQueue();
  // PostgreSQL enforces foreign keys, unless someone switched the triggers off
  // (ALTER TABLE ... DISABLE TRIGGER ALL, session_replication_role): checked
  // constraint by constraint, as SQLite's PRAGMA foreign_key_check does.
  Result fks(PQexec(conn_,
                    "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, a.attname, f.attname "
                    "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                    "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                    "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] "
                    "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 3"));
  if (PQresultStatus(fks.r) != PGRES_TUPLES_OK) throwPg(conn_, fks.r, "pg_constraint");
  std::vector<ForeignKeyProblem> out;
  for (int i = 0; i < PQntuples(fks.r); ++i) {
    std::string child = PQgetvalue(fks.r, i, 0), parent = PQgetvalue(fks.r, i, 1);
    std::string column = PQgetvalue(fks.r, i, 2), key = PQgetvalue(fks.r, i, 3);
    std::string rowId = hasColumn(child, "row_id") ? "c.row_id" : "0";
    Result r(PQexec(conn_, ("SELECT " + rowId + " FROM " + child + " c WHERE c." + column +
                            " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE p." + key + " = c." +
                            column + ") ORDER BY 1 LIMIT 1")
                               .c_str()));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "foreign key " + child);
    if (PQntuples(r.r)) out.push_back({child, std::strtoll(PQgetvalue(r.r, 0, 0), nullptr, 10), parent});
  }
  return out;
}

std::vector<SchemaObject> PostgresConnection::foreignSchemaObjects() {
  flushQueue();
  Result r(PQexec(conn_,
                  "SELECT 'trigger', t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                  "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = "
                  "current_schema() "
                  "UNION ALL SELECT 'view', viewname, viewname FROM pg_views WHERE schemaname = current_schema() "
                  "UNION ALL SELECT 'rule', rulename, tablename FROM pg_rules WHERE schemaname = current_schema() "
                  "ORDER BY 1, 2"));
  if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "pg_trigger");
  std::vector<SchemaObject> out;
  for (int i = 0; i < PQntuples(r.r); ++i)
    out.push_back({PQgetvalue(r.r, i, 0), PQgetvalue(r.r, i, 1), PQgetvalue(r.r, i, 2)});
  return out;
}

std::vector<TableInfo> PostgresConnection::tables() {
  flushQueue();
  Result r(PQexec(conn_,
                  "SELECT c.relname, (SELECT string_agg(DISTINCT p.relname, ' ') FROM pg_constraint k "
                  "JOIN pg_class p ON p.oid = k.confrelid WHERE k.conrelid = c.oid AND k.contype = 'f') "
                  "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                  "AND c.relkind IN ('r', 'p') AND c.relname <> 'igsgov_schema' ORDER BY c.oid"));
  if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, "pg_class");
  std::vector<TableInfo> out;
  for (int i = 0; i < PQntuples(r.r); ++i) {
    TableInfo t{PQgetvalue(r.r, i, 0), {}};
    std::string parents = PQgetvalue(r.r, i, 1);
    for (std::size_t at = 0; at < parents.size();) {
      auto end = parents.find(' ', at);
      if (end == std::string::npos) end = parents.size();
      t.parents.push_back(parents.substr(at, end - at));
      at = end + 1;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// One value in COPY's text format: \N for NULL, backslash escapes for the
// characters that separate fields and rows.
void appendCopyValue(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
    return;
  }
  if (auto* n = std::get_if<long long>(&v)) {
    out += std::to_string(*n);
    return;
  }
  for (char c : std::get<std::string>(v)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

void PostgresConnection::appendRows(const std::string& table, const std::vector<std::string>& columns,
                                    const std::vector<std::vector<Value>>& rows) {
  flushQueue();
  copyRows(table, columns, rows);
  // Rows given their identity value explicitly leave the sequence where it was.
  const std::string& identity = identityColumn(table);
  if (!identity.empty())
    exec("SELECT setval(pg_get_serial_sequence('" + table + "', '" + identity + "'), (SELECT max(" + identity +
         ") FROM " + table + "))");
}

long long PostgresConnection::reserveRowId(const std::string& table) {
  auto& ids = reserved_[table];
  if (ids.empty()) {
    const std::string& identity = identityColumn(table);
    if (identity.empty())
      throw Error(ErrorCode::internal, "tabel zonder identiteitskolom", Place().set("database", table));
    flushQueue();
    std::string sql = "SELECT nextval(pg_get_serial_sequence('" + table + "', '" + identity +
                      "')) FROM generate_series(1, " + std::to_string(kReserveBlock) + ")";
    Result r(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throwPg(conn_, r.r, sql.substr(0, 80));
    for (int i = 0; i < PQntuples(r.r); ++i) ids.push_back(std::strtoll(PQgetvalue(r.r, i, 0), nullptr, 10));
  }
  long long id = ids.front();
  ids.pop_front();
  return id;
}

void PostgresConnection::copyRows(const std::string& table, const std::vector<std::string>& columns,
                                  const std::vector<std::vector<Value>>& rows, const std::vector<long long>* tags) {
  std::string sql = "COPY " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += ") FROM STDIN";
  Result start(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(start.r) != PGRES_COPY_IN) throwPg(conn_, start.r, sql.substr(0, 80));
  std::string data;
  auto send = [&] {
    if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) throwPg(conn_, nullptr, sql.substr(0, 80));
    data.clear();
  };
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) data += '\t';
      appendCopyValue(data, row[i]);
    }
    data += '\n';
    if (data.size() > (1 << 20)) send();
  }
  if (!data.empty()) send();
  if (PQputCopyEnd(conn_, nullptr) != 1) throwPg(conn_, nullptr, sql.substr(0, 80));
  Result done(PQgetResult(conn_));
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
  if (PQresultStatus(done.r) == PGRES_COMMAND_OK) return;
  // The server names the refused row by its line in the COPY data ("COPY t, line 7[, column c]: ...").
  long long tag = -1;
  if (const char* context = PQresultErrorField(done.r, PG_DIAG_CONTEXT); context && tags) {
    std::string text = context;
    auto at = text.find(", line ");
    std::size_t line = at == std::string::npos ? 0 : std::strtoull(text.c_str() + at + 7, nullptr, 10);
    if (line >= 1 && line <= tags->size()) tag = (*tags)[line - 1];
  }
  try {
    throwPg(conn_, done.r, sql.substr(0, 80));
  } catch (const Error& e) {
    if (tag < 0) throw;
    Place p = e.place();
    p.set("queued_row", std::to_string(tag));
    throw Error(e.errorCode(), e.message(), p);
  }
}

}  // namespace

std::unique_ptr<Connection> openPostgres(const std::string& url, bool) {
  return std::make_unique<PostgresConnection>(url, false);
}

}  // namespace igsgov::store
