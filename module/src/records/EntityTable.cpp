#include "records/EntityTable.hpp"

#include "core/Error.hpp"
#include "model/Identifiers.hpp"

namespace igsgov::records {
namespace {

std::string selectColumns(const EntitySpec& spec) {
  std::string cols = "row_id, id, rec_from, rec_to, change_kind, reason, jseq";
  for (const auto& f : spec.fields) cols += ", " + f.column;
  return cols;
}

Version readVersion(const EntitySpec& spec, const store::Statement& st) {
  Version v;
  v.rowId = st.integer(0);
  v.id = st.text(1);
  v.recFrom = st.text(2);
  v.recTo = st.optText(3);
  v.changeKind = st.text(4);
  v.reason = st.text(5);
  v.jseq = st.integer(6);
  v.data = newObject();
  v.data->set("id", v.id);
  int i = 7;
  for (const auto& f : spec.fields) {
    if (!st.isNull(i)) {
      switch (f.type) {
        case FieldType::integer: v.data->set(f.json, st.integer(i)); break;
        case FieldType::boolean: v.data->set(f.json, st.integer(i) != 0); break;
        default: v.data->set(f.json, st.text(i));
      }
    }
    ++i;
  }
  return v;
}

journal::Columns toColumns(const EntitySpec& spec, const std::string& id, const JsonObject& data) {
  journal::Columns cols;
  cols.emplace_back("id", id);
  cols.reserve(spec.fields.size() + 5);  // + id and the four versioning columns create()/revise() add
  for (const auto& f : spec.fields) {
    const Poco::Dynamic::Var& v = data->get(f.json);  // one lookup; absent and null are both empty
    if (v.isEmpty()) {
      cols.emplace_back(f.column, store::Value{});
      continue;
    }
    switch (f.type) {
      case FieldType::integer: cols.emplace_back(f.column, v.convert<long long>()); break;
      case FieldType::boolean: cols.emplace_back(f.column, static_cast<long long>(v.convert<bool>())); break;
      default: cols.emplace_back(f.column, v.convert<std::string>());
    }
  }
  return cols;
}

// A record's flag is JSON true or false. Reader::optBoolean also takes the
// words a command line types ("ja", "true"); a record written as text is a
// mistake in the file or the call, refused with the same words as a parameter.
std::optional<bool> flagOf(const Reader& in, const std::string& field) {
  if (!in.has(field)) return std::nullopt;
  const Poco::Dynamic::Var& v = in.object()->get(field);
  if (v.type() != typeid(bool)) in.fail(field, "true of false verwacht");
  return v.extract<bool>();
}

}  // namespace

JsonObject readFields(const EntitySpec& spec, const Reader& in, const std::set<std::string>& extraAllowed,
                      bool enforceRequired) {
  // Unknown fields, first in the object's order (as Reader::rejectUnknown), without building a set per call.
  std::vector<std::string> names;
  in.object()->getNames(names);
  for (const auto& n : names) {
    bool known = n == "id" || extraAllowed.count(n);
    for (std::size_t i = 0; !known && i < spec.fields.size(); ++i) known = spec.fields[i].json == n;
    if (!known) in.fail(n, "onbekend veld");
  }
  auto out = newObject();
  for (const auto& f : spec.fields) {
    bool required = f.required && enforceRequired;
    switch (f.type) {
      case FieldType::text:
        if (auto s = in.optStr(f.json); s && !s->empty()) out->set(f.json, *s);
        else if (required) in.fail(f.json, "verplicht veld ontbreekt");
        break;
      case FieldType::date:
        if (auto d = in.optDate(f.json)) out->set(f.json, d->iso());
        else if (required) in.fail(f.json, "verplichte datum ontbreekt");
        break;
      case FieldType::integer:
        if (auto n = in.optInteger(f.json)) out->set(f.json, *n);
        else if (required) in.fail(f.json, "verplicht getal ontbreekt");
        break;
      case FieldType::boolean:
        if (auto b = flagOf(in, f.json)) out->set(f.json, *b);
        else if (required) in.fail(f.json, "verplicht veld ontbreekt");
        break;
    }
  }
  return out;
}

bool exists(store::Database& db, const EntitySpec& spec, const std::string& id) {
  auto& st = db.cached(spec.keyTable ? "SELECT 1 FROM " + spec.table + "_key WHERE id = ?"
                                      : "SELECT 1 FROM " + spec.table + " WHERE id = ? LIMIT 1");
  st.bind(1, id);
  return st.step();
}

std::optional<Version> current(store::Database& db, const EntitySpec& spec, const std::string& id) {
  auto& st = db.cached("SELECT " + selectColumns(spec) + " FROM " + spec.table + " WHERE id = ? AND rec_to IS NULL");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readVersion(spec, st);
}

std::optional<Version> knownAt(store::Database& db, const EntitySpec& spec, const std::string& id,
                               const std::string& t) {
  auto& st = db.cached("SELECT " + selectColumns(spec) + " FROM " + spec.table +
                       " WHERE id = ? AND rec_from <= ? AND (rec_to IS NULL OR rec_to > ?)");
  st.bind(1, id).bind(2, t).bind(3, t);
  if (!st.step()) return std::nullopt;
  return readVersion(spec, st);
}

std::vector<Version> history(store::Database& db, const EntitySpec& spec, const std::string& id) {
  std::vector<Version> out;
  auto st = db.prepare("SELECT " + selectColumns(spec) + " FROM " + spec.table + " WHERE id = ? ORDER BY rec_from, row_id");
  st.bind(1, id);
  while (st.step()) out.push_back(readVersion(spec, st));
  return out;
}

std::vector<Version> currentAll(store::Database& db, const EntitySpec& spec, const std::string& whereColumn,
                                const std::string& equals) {
  std::vector<Version> out;
  std::string sql = "SELECT " + selectColumns(spec) + " FROM " + spec.table + " WHERE rec_to IS NULL";
  if (!whereColumn.empty()) sql += " AND " + whereColumn + " = ?";
  sql += " ORDER BY id";
  auto st = db.prepare(sql);
  if (!whereColumn.empty()) st.bind(1, equals);
  while (st.step()) out.push_back(readVersion(spec, st));
  return out;
}

IdCheck::IdCheck(store::Database& db, const EntitySpec& spec) : db_(db), spec_(spec) {
  auto& st = db.cached("SELECT 1 FROM " + spec.table + (spec.keyTable ? "_key" : "") + " LIMIT 1");
  wasEmpty_ = !st.step();
  st.reset();
}

bool IdCheck::takenElseClaim(const std::string& id) {
  if (!wasEmpty_) return exists(db_, spec_, id);
  return !created_.insert(id).second;
}

long long create(Writer& w, const EntitySpec& spec, const std::string& id, const JsonObject& data,
                 const std::string& reason, IdCheck* ids) {
  if (!model::isRecordId(id))
    throwInvalid("ongeldige id '" + id + "' (1 tot 64 tekens: letters, cijfers, . _ : -)", recordField(spec.kindNl, id, "id"));
  if (ids ? ids->takenElseClaim(id) : exists(w.db(), spec, id))
    throwConflict("bestaat al", recordField(spec.kindNl, id, "id"));
  if (spec.keyTable) w.journal().insertRow(spec.table + "_key", {{"id", id}, {"jseq", w.journal().seq()}});
  auto cols = toColumns(spec, id, data);
  cols.emplace_back("rec_from", w.at());
  cols.emplace_back("jseq", w.journal().seq());
  cols.emplace_back("change_kind", std::string("create"));
  cols.emplace_back("reason", reason.empty() ? store::Value{} : store::Value{reason});
  return w.journal().insertRow(spec.table, std::move(cols));
}

long long revise(Writer& w, const EntitySpec& spec, const Version& previous, const JsonObject& data,
                 const std::string& changeKind, const std::string& reason) {
  w.journal().closeRow(spec.table, previous.rowId);
  auto cols = toColumns(spec, previous.id, data);
  cols.emplace_back("rec_from", w.at());
  cols.emplace_back("jseq", w.journal().seq());
  cols.emplace_back("change_kind", changeKind);
  cols.emplace_back("reason", reason.empty() ? store::Value{} : store::Value{reason});
  return w.journal().insertRow(spec.table, std::move(cols));
}

JsonObject versionJson(const Version& v, bool withRecordTime) {
  auto o = newObject();
  std::vector<std::string> names;
  v.data->getNames(names);
  for (const auto& n : names) o->set(n, v.data->get(n));
  if (withRecordTime) {
    auto r = newObject();
    r->set("from", v.recFrom);
    if (v.recTo) r->set("until", *v.recTo);
    r->set("kind", v.changeKind);
    if (!v.reason.empty()) r->set("reason", v.reason);
    r->set("journal_seq", v.jseq);
    o->set("recorded", r);
  }
  return o;
}

std::optional<std::string> textOf(const JsonObject& o, const std::string& key) {
  if (o.isNull()) return std::nullopt;
  const Poco::Dynamic::Var& v = o->get(key);  // one lookup; absent and null are both empty
  if (v.isEmpty()) return std::nullopt;
  if (v.type() == typeid(std::string)) return v.extract<std::string>();
  return v.convert<std::string>();
}

std::optional<Date> dateOf(const JsonObject& o, const std::string& key) {
  auto s = textOf(o, key);
  if (!s) return std::nullopt;
  return Date::parse(*s);
}

}  // namespace igsgov::records
