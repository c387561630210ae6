#include "store/Database.hpp"

#include "store/Backend.hpp"

#include <algorithm>
#include <set>

namespace igsgov::store {

bool isPostgresAddress(const std::string& a) {
  return a.rfind("postgresql://", 0) == 0 || a.rfind("postgres://", 0) == 0;
}

std::string displayAddress(const std::string& a) {
  if (!isPostgresAddress(a)) return a;
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  auto scheme = a.find("://") + 3;
  auto at = a.find('@', scheme);
  if (at == std::string::npos) return a;
  auto colon = a.find(':', scheme);
  if (colon == std::string::npos || colon > at) return a;
  return a.substr(0, colon) + a.substr(at);
}

Statement::Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}
Statement::~Statement() = default;
Statement::Statement(Statement&& o) noexcept = default;

Statement& Statement::bind(int i, const Value& v) {
  if (std::holds_alternative<long long>(v)) return bind(i, std::get<long long>(v));
  if (std::holds_alternative<std::string>(v)) return bind(i, std::get<std::string>(v));
  return bindNull(i);
}

Statement& Statement::bind(int i, const std::string& s) {
  cursor_->bindText(i, s);
  return *this;
}

Statement& Statement::bind(int i, long long n) {
  cursor_->bindInteger(i, n);
  return *this;
}

Statement& Statement::bind(int i, const std::optional<std::string>& s) { return s ? bind(i, *s) : bindNull(i); }

Statement& Statement::bindNull(int i) {
  cursor_->bindNull(i);
  return *this;
}

bool Statement::step() { return cursor_->step(); }

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  if (cursor_) cursor_->reset();
}

int Statement::columnCount() const { return cursor_->columnCount(); }
std::string Statement::columnName(int i) const { return cursor_->columnName(i); }
bool Statement::isNull(int i) const { return cursor_->storageClass(i) == StorageClass::null; }
long long Statement::integer(int i) const { return cursor_->integer(i); }
std::string Statement::text(int i) const { return cursor_->text(i); }

std::optional<std::string> Statement::optText(int i) const {
  if (isNull(i)) return std::nullopt;
  return text(i);
}

Value Statement::value(int i) const {
  switch (cursor_->storageClass(i)) {
    case StorageClass::null: return std::monostate{};
    case StorageClass::integer: return integer(i);
    default: return text(i);
  }
}

StorageClass Statement::storageClass(int i) const { return cursor_->storageClass(i); }

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

Database::Database(const std::string& address, bool create)
    : conn_(isPostgresAddress(address) ? openPostgres(address, create) : openSqlite(address, create)),
      address_(address),
      path_(displayAddress(address)) {}

Database::~Database() {
  cache_.clear();
  conn_.reset();
}

Dialect Database::dialect() const { return conn_->dialect(); }
Statement Database::prepare(const std::string& sql) { return Statement(conn_->prepare(sql)); }

void Database::releaseCached() noexcept {
  for (auto& [sql, st] : cache_) st->reset();
}

Statement& Database::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(conn_->prepare(sql))).first;
  it->second->reset();
  return *it->second;
}

void Database::exec(const std::string& sql) { conn_->exec(sql); }
long long Database::lastInsertRowId() const { return conn_->lastInsertRowId(); }
int Database::changes() const { return conn_->changes(); }
void Database::begin() { conn_->beginWrite(); }
void Database::beginRead() { conn_->beginRead(); }
void Database::commit() { conn_->commit(); }
void Database::rollback() noexcept { conn_->rollback(); }
bool Database::inTransaction() const { return conn_->inTransaction(); }
bool Database::tableExists(const std::string& t) { return conn_->tableExists(t); }
bool Database::hasColumn(const std::string& t, const std::string& c) { return conn_->hasColumn(t, c); }
int Database::schemaVersion() { return conn_->schemaVersion(); }
void Database::setSchemaVersion(int v) { conn_->setSchemaVersion(v); }
void Database::setReadOnly() { conn_->setReadOnly(); }
void Database::setBulk(bool on) { conn_->setBulk(on); }
std::vector<ForeignKeyProblem> Database::foreignKeyProblems() { return conn_->foreignKeyProblems(); }
std::vector<SchemaObject> Database::foreignSchemaObjects() { return conn_->foreignSchemaObjects(); }

void Database::appendRows(const std::string& table, const std::vector<std::string>& columns,
                          const std::vector<std::vector<Value>>& rows) {
  if (!rows.empty()) conn_->appendRows(table, columns, rows);
}

bool Database::batchesInserts() const { return conn_->batchesInserts(); }
long long Database::reserveRowId(const std::string& table) { return conn_->reserveRowId(table); }
void Database::setQueueTag(long long tag) { conn_->setQueueTag(tag); }
long long Database::queueSends() const { return conn_->queueSends(); }
void Database::queueRow(const std::string& table, const std::vector<std::string>& columns, std::vector<Value> values) {
  conn_->queueRow(table, columns, std::move(values));
}

std::vector<std::string> Database::tables() {
  auto all = conn_->tables();
  std::vector<std::string> out;
  std::set<std::string> placed;
  // Repeatedly place every table whose parents are placed (itself excepted); a
  // round that places nothing means a cycle: the rest keep catalogue order.
  while (out.size() < all.size()) {
    bool progress = false;
    for (const auto& t : all) {
      if (placed.count(t.name)) continue;
      bool ready = std::all_of(t.parents.begin(), t.parents.end(),
                               [&](const std::string& p) { return p == t.name || placed.count(p); });
      if (!ready) continue;
      out.push_back(t.name);
      placed.insert(t.name);
      progress = true;
    }
    if (!progress)
      for (const auto& t : all)
        if (placed.insert(t.name).second) out.push_back(t.name);
  }
  return out;
}

}  // namespace igsgov::store
