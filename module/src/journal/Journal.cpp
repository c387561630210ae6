#include "journal/Journal.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"

namespace igsgov::journal {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

Journal::Journal(store::Database& db) : db_(db) {}

Head Journal::head() {
  Head h;
  h.hash = kGenesisHash;
  auto st = db_.prepare("SELECT seq, hash, at FROM journal ORDER BY seq DESC LIMIT 1");
  if (st.step()) {
    h.seq = st.integer(0);
    h.hash = st.text(1);
    h.at = st.text(2);
  }
  return h;
}

std::string Journal::headKeyId() {
  // Registers older than migration 0010 have no signature columns (and no signatures).
  if (!db_.hasColumn("journal", "key_id")) return "";
  auto& st = db_.cached("SELECT key_id FROM journal ORDER BY seq DESC LIMIT 1");
  std::string id = st.step() ? st.text(0) : "";
  // Reset at once: a statement left stepping keeps SQLite from dropping a table
  // in the same write (migration 0012 rebuilds `cooperation` on open).
  st.reset();
  return id;
}

void Journal::begin(const std::string& actor, const std::string& operation, const std::string& reason, Micros at) {
  if (active_) throw Error(ErrorCode::internal, "journaalregel al geopend");
  // A register being created has no journal table until its first migration ran.
  bool exists = db_.tableExists("journal");
  if (exists && !signingKey_) {
    if (std::string keyId = headKeyId(); !keyId.empty())
      throw Error(ErrorCode::denied,
                  "dit register wordt ondertekend (sleutel " + keyId +
                      "): schrijven kan alleen met de privésleutel (--signing-key of IGSGOV_SIGNING_KEY; "
                      "'journal.signing_key' voor igsgovd)",
                  Place().set("file", db_.path()));
  }
  active_ = true;
  seq_ = exists ? head().seq + 1 : 1;
  atText_ = formatTimestamp(at);
  actor_ = actor;
  operation_ = operation;
  reason_ = reason;
  effects_.clear();
  openInsert_.clear();
}

Journal::Insert& Journal::insertStatement(const std::string& table, const Columns& columns) {
  // Looked up by table, then by column names, without building a key: a bulk
  // import calls this once per row.
  auto& forTable = insertCache_[table];
  for (auto& insert : forTable) {
    const auto& names = insert.names;
    if (names.size() != columns.size()) continue;
    bool same = true;
    for (size_t i = 0; same && i < names.size(); ++i) same = names[i] == columns[i].first;
    if (same) return insert;
  }
  Insert insert;
  std::string sql = "INSERT INTO " + table + " (";
  std::string vals;
  for (size_t i = 0; i < columns.size(); ++i) {
    insert.names.push_back(columns[i].first);
    sql += (i ? ", " : "") + columns[i].first;
    vals += i ? ", ?" : "?";
  }
  sql += ") VALUES (" + vals + ")";
  insert.statement = std::make_unique<store::Statement>(db_.prepare(sql));
  insert.names.push_back("row_id");
  insert.digestOrder = digestOrder(insert.names);
  insert.names.pop_back();
  forTable.push_back(std::move(insert));
  return forTable.back();
}

long long Journal::insertRow(const std::string& table, Columns columns) {
  if (!active_) throw Error(ErrorCode::internal, "schrijven buiten een journaalregel");
  auto& insert = insertStatement(table, columns);
  long long rowId = 0;
  if (db_.batchesInserts()) {
    // A bulk write on PostgreSQL: the row id is known before the row is sent
    // (Database::queueRow), so the digest and the effect line need no round trip.
    rowId = db_.reserveRowId(table);
    std::vector<store::Value> values;
    values.reserve(columns.size() + 1);
    for (const auto& c : columns) values.push_back(c.second);
    values.emplace_back(rowId);  // in place: push_back(variant temporary) trips GCC 12's -Wmaybe-uninitialized
    if (insert.queuedNames.empty()) {
      insert.queuedNames = insert.names;
      insert.queuedNames.push_back("row_id");
    }
    db_.queueRow(table, insert.queuedNames, std::move(values));
  } else {
    auto& st = *insert.statement;
    for (size_t i = 0; i < columns.size(); ++i) st.bind(static_cast<int>(i + 1), columns[i].second);
    st.run();
    rowId = db_.lastInsertRowId();
  }
  columns.emplace_back("row_id", rowId);
  std::string digest = insertDigest(table, columns, insert.digestOrder);
  auto open = openInsert_.find(table);
  if (open != openInsert_.end()) {
    Effect& e = effects_[open->second];
    if (e.last + 1 == rowId && e.last - e.first + 1 < kMaxRowsPerEffect) {
      e.last = rowId;
      e.digests += digest;
      return rowId;
    }
  }
  openInsert_[table] = effects_.size();
  effects_.push_back({table, rowId, rowId, "insert", std::move(digest)});
  return rowId;
}

void Journal::closeRow(const std::string& table, long long rowId) {
  if (!active_) throw Error(ErrorCode::internal, "schrijven buiten een journaalregel");
  auto st = db_.prepare("UPDATE " + table + " SET rec_to = ? WHERE row_id = ? AND rec_to IS NULL");
  st.bind(1, atText_).bind(2, rowId).run();
  if (db_.changes() != 1)
    throw Error(ErrorCode::conflict, "deze versie werd intussen al vervangen",
                Place().set("record", table + " rij " + std::to_string(rowId)));
  effects_.push_back({table, rowId, rowId, "close", closeDigest(table, rowId, atText_)});
}

std::string effectLine(const Effect& e) {
  return e.table + "|" + std::to_string(e.first) + "|" + std::to_string(e.last) + "|" + e.action + "|" + e.digests +
         "\n";
}

std::string entryCanonical(long long seq, const std::string& at, const std::string& actor,
                           const std::string& operation, const std::string& reason, const std::string& inputCanonical,
                           long long effectCount, const std::string& effectsDigest) {
  // Built by hand in canonical key order (actor, at, effect_count, effects_digest,
  // input, operation, reason, seq) so the input is embedded verbatim.
  std::string out = "{\"actor\":";
  appendJsonString(out, actor);
  out += ",\"at\":";
  appendJsonString(out, at);
  out += ",\"effect_count\":" + std::to_string(effectCount);
  out += ",\"effects_digest\":";
  appendJsonString(out, effectsDigest);
  out += ",\"input\":" + inputCanonical;
  out += ",\"operation\":";
  appendJsonString(out, operation);
  out += ",\"reason\":";
  appendJsonString(out, reason);
  out += ",\"seq\":" + std::to_string(seq) + "}";
  return out;
}

std::string entryHash(const std::string& prevHash, const std::string& canonical) {
  return Sha256().update(prevHash).update(canonical).hexDigest();
}

std::string Journal::finish(const Poco::Dynamic::Var& input) {
  if (!active_) throw Error(ErrorCode::internal, "geen open journaalregel");
  Sha256 effectsHash;
  long long rows = 0;
  for (const auto& e : effects_) {
    effectsHash.update(effectLine(e));
    rows += e.last - e.first + 1;
  }
  std::string effectsDigest = effectsHash.hexDigest();
  std::string inputCanonical = canonicalJson(input);
  Head prev = head();
  std::string hash = entryHash(prev.hash, entryCanonical(seq_, atText_, actor_, operation_, reason_, inputCanonical,
                                                         rows, effectsDigest));
  auto st = db_.prepare(
      "INSERT INTO journal (seq, at, actor, operation, reason, input, effect_count, effects_digest, prev_hash, hash, "
      "key_id, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  st.bind(1, seq_).bind(2, atText_).bind(3, actor_).bind(4, operation_).bind(5, reason_).bind(6, inputCanonical);
  st.bind(7, rows).bind(8, effectsDigest).bind(9, prev.hash).bind(10, hash);
  if (signingKey_) {
    st.bind(11, signingKey_->keyId()).bind(12, signingKey_->sign(entryMessage(seq_, atText_, hash)));
  } else {
    st.bindNull(11).bindNull(12);
  }
  st.run();
  auto& eff = db_.cached(
      "INSERT INTO journal_effect (seq, n, tbl, first_row, last_row, action, digests) VALUES (?,?,?,?,?,?,?)");
  long long n = 0;
  for (const auto& e : effects_) {
    eff.bind(1, seq_).bind(2, ++n).bind(3, e.table).bind(4, e.first).bind(5, e.last).bind(6, e.action).bind(7, e.digests);
    eff.run();
  }
  active_ = false;
  effects_.clear();
  openInsert_.clear();
  return hash;
}

void Journal::abandon() {
  active_ = false;
  effects_.clear();
  openInsert_.clear();
}

}  // namespace igsgov::journal
