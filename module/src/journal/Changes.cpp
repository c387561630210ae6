#include "journal/Changes.hpp"

#include <map>

namespace igsgov::journal {
namespace {

// Whether a register table has an `id` column (record tables do; link tables may not).
bool hasIdColumn(store::Database& db, const std::string& table, std::map<std::string, bool>& known) {
  if (auto k = known.find(table); k != known.end()) return k->second;
  auto probe = db.prepare("SELECT * FROM \"" + table + "\" LIMIT 0");
  bool has = false;
  for (int i = 0; i < probe.columnCount(); ++i) has = has || probe.columnName(i) == "id";
  return known[table] = has;
}

JsonArray recordsOf(store::Database& db, long long seq, std::map<std::string, bool>& known, bool& truncated) {
  auto records = newArray();
  long long listed = 0;
  auto effects = db.prepare("SELECT tbl, first_row, last_row, action FROM journal_effect WHERE seq = ? ORDER BY n");
  effects.bind(1, seq);
  while (effects.step()) {
    std::string table = effects.text(0);
    long long first = effects.integer(1), last = effects.integer(2);
    auto r = newObject();
    r->set("table", table);
    r->set("action", effects.text(3));
    if (!hasIdColumn(db, table, known)) {
      r->set("rows", last - first + 1);
    } else {
      auto ids = newArray();
      auto st = db.prepare("SELECT id FROM \"" + table + "\" WHERE row_id BETWEEN ? AND ? ORDER BY row_id");
      st.bind(1, first).bind(2, last);
      while (st.step()) {
        if (listed == kMaxIdsPerEntry) {
          truncated = true;
          break;
        }
        ids->add(st.text(0));
        ++listed;
      }
      r->set("ids", ids);
    }
    records->add(r);
  }
  return records;
}

}  // namespace

JsonObject changesAfter(store::Database& db, long long after, long long limit) {
  auto st = db.prepare("SELECT seq, at, actor, operation, reason, hash FROM journal WHERE seq > ? ORDER BY seq LIMIT ?");
  st.bind(1, after).bind(2, limit + 1);
  std::map<std::string, bool> known;
  auto entries = newArray();
  bool more = false;
  long long next = 0;
  while (st.step()) {
    if (static_cast<long long>(entries->size()) == limit) {
      more = true;
      break;
    }
    auto e = newObject();
    next = st.integer(0);
    e->set("seq", next);
    e->set("at", st.text(1));
    e->set("actor", st.text(2));
    e->set("operation", st.text(3));
    if (!st.isNull(4) && !st.text(4).empty()) e->set("reason", st.text(4));
    e->set("hash", st.text(5));
    bool truncated = false;
    e->set("records", recordsOf(db, next, known, truncated));
    if (truncated) e->set("ids_truncated", true);
    entries->add(e);
  }
  auto out = newObject();
  out->set("entries", entries);
  out->set("more", more);
  out->set("next", entries->size() ? Poco::Dynamic::Var(next) : Poco::Dynamic::Var());
  return out;
}

long long headSeq(store::Database& db) {
  auto& st = db.cached("SELECT coalesce(max(seq), 0) FROM journal");
  long long head = st.step() ? st.integer(0) : 0;
  st.reset();
  return head;
}

}  // namespace igsgov::journal
