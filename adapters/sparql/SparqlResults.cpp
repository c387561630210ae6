#include "adapters/sparql/SparqlResults.hpp"

#include "core/Json.hpp"

#include <set>

namespace igsgov::adapters::sparql {

namespace {

[[noreturn]] void fail(const Place& where, const std::string& part, const std::string& message) {
  Place p = where;
  if (!part.empty()) p.set("part", part);
  throwInvalid("onbruikbaar SPARQL-antwoord: " + message, p);
}

JsonObject objectAt(const JsonObject& parent, const std::string& key, const Place& where,
                    const std::string& part, bool required) {
  if (!parent->has(key) || parent->isNull(key)) {
    if (required) fail(where, part, "veld '" + key + "' ontbreekt");
    return nullptr;
  }
  auto v = parent->get(key);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) fail(where, part, "'" + key + "' is geen object");
  return v.extract<Poco::JSON::Object::Ptr>();
}

JsonArray arrayAt(const JsonObject& parent, const std::string& key, const Place& where,
                  const std::string& part, bool required) {
  if (!parent->has(key) || parent->isNull(key)) {
    if (required) fail(where, part, "veld '" + key + "' ontbreekt");
    return nullptr;
  }
  auto v = parent->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) fail(where, part, "'" + key + "' is geen lijst");
  return v.extract<Poco::JSON::Array::Ptr>();
}

std::optional<std::string> optString(const JsonObject& o, const std::string& key, const Place& where,
                                     const std::string& part) {
  if (!o->has(key)) return std::nullopt;
  auto v = o->get(key);
  if (!v.isString()) fail(where, part, "'" + key + "' is geen tekst");
  return v.convert<std::string>();
}

RdfTerm parseTerm(const JsonObject& o, const Place& where, const std::string& part) {
  auto type = optString(o, "type", where, part);
  if (!type) fail(where, part, "'type' ontbreekt");
  auto value = optString(o, "value", where, part);
  if (!value) fail(where, part, "'value' ontbreekt");
  RdfTerm t;
  t.value = *value;
  if (*type == "uri") {
    t.kind = TermKind::uri;
  } else if (*type == "bnode") {
    t.kind = TermKind::bnode;
  } else if (*type == "literal" || *type == "typed-literal") {
    t.kind = TermKind::literal;
    t.datatype = optString(o, "datatype", where, part).value_or("");
    t.lang = optString(o, "xml:lang", where, part).value_or("");
    if (*type == "typed-literal" && t.datatype.empty())
      fail(where, part, "'typed-literal' zonder 'datatype'");
    if (!t.datatype.empty() && !t.lang.empty())
      fail(where, part, "een literal heeft niet tegelijk 'datatype' en 'xml:lang'");
  } else {
    fail(where, part, "onbekend type '" + *type + "'");
  }
  return t;
}

}  // namespace

const char* termKindName(TermKind kind) {
  switch (kind) {
    case TermKind::uri: return "uri";
    case TermKind::literal: return "literal";
    case TermKind::bnode: return "bnode";
  }
  return "literal";
}

const RdfTerm* ResultSet::get(std::size_t i, const std::string& var) const {
  if (i >= rows.size()) return nullptr;
  auto it = rows[i].find(var);
  return it == rows[i].end() ? nullptr : &it->second;
}

ResultSet parseSparqlResults(const std::string& text, const Place& where) {
  Poco::Dynamic::Var doc;
  try {
    doc = parseJson(text);
  } catch (const Error& e) {
    Place p = where;
    for (const auto& [k, v] : e.place().fields) p.set(k, v);
    throwInvalid("onbruikbaar SPARQL-antwoord: " + e.message(), p);
  }
  if (doc.type() != typeid(Poco::JSON::Object::Ptr)) fail(where, "", "JSON-object verwacht");
  auto root = doc.extract<Poco::JSON::Object::Ptr>();

  ResultSet rs;
  auto head = objectAt(root, "head", where, "head", true);
  if (root->has("boolean")) {
    auto b = root->get("boolean");
    if (!b.isBoolean()) fail(where, "boolean", "'boolean' is geen waar/onwaar");
    rs.boolean = b.convert<bool>();
    return rs;
  }

  auto vars = arrayAt(head, "vars", where, "head.vars", true);
  std::set<std::string> known;
  for (std::size_t i = 0; i < vars->size(); ++i) {
    auto v = vars->get(i);
    if (!v.isString()) fail(where, "head.vars[" + std::to_string(i) + "]", "variabele is geen tekst");
    std::string name = v.convert<std::string>();
    if (!known.insert(name).second)
      fail(where, "head.vars[" + std::to_string(i) + "]", "variabele '" + name + "' staat er twee keer");
    rs.variables.push_back(name);
  }

  auto results = objectAt(root, "results", where, "results", true);
  auto bindings = arrayAt(results, "bindings", where, "results.bindings", true);
  rs.rows.reserve(bindings->size());
  for (std::size_t i = 0; i < bindings->size(); ++i) {
    std::string rowPart = "results.bindings[" + std::to_string(i) + "]";
    auto rv = bindings->get(i);
    if (rv.type() != typeid(Poco::JSON::Object::Ptr)) fail(where, rowPart, "rij is geen object");
    auto rowObj = rv.extract<Poco::JSON::Object::Ptr>();
    Row row;
    for (const auto& [name, value] : *rowObj) {
      std::string part = rowPart + "." + name;
      if (!known.count(name)) fail(where, part, "variabele '" + name + "' staat niet in head.vars");
      if (value.type() != typeid(Poco::JSON::Object::Ptr)) fail(where, part, "waarde is geen object");
      row.emplace(name, parseTerm(value.extract<Poco::JSON::Object::Ptr>(), where, part));
    }
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

}  // namespace igsgov::adapters::sparql
