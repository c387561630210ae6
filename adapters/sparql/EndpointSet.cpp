#include "adapters/sparql/EndpointSet.hpp"

#include "core/Error.hpp"
#include "core/JsonFile.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

namespace igsgov::adapters::sparql {

namespace {

Place placeOf(const std::string& file, const std::string& name, const std::string& field = "") {
  Place p;
  p.set("file", file);
  if (!name.empty()) p.set("part", "bron '" + name + "'");
  if (!field.empty()) p.set("field", field);
  return p;
}

bool validName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

}  // namespace

EndpointSet EndpointSet::parse(const std::string& text, const std::string& file) {
  EndpointSet set;
  set.file = file;
  auto root = parseJsonFile(text, file);
  std::vector<std::string> keys;
  root->getNames(keys);
  for (const auto& k : keys)
    if (k != "sources" && k != "comment") throwInvalid("onbekend veld", placeOf(file, "", "'" + k + "'"));
  auto sources = root->getObject("sources");
  if (!sources) throwInvalid("object \"sources\" ontbreekt", placeOf(file, "", "'sources'"));
  std::vector<std::string> names;
  sources->getNames(names);
  for (const auto& name : names) {
    if (!validName(name))
      throwInvalid("ongeldige bronnaam (letters, cijfers, '-' en '_', hoogstens 64 tekens)", placeOf(file, name));
    auto obj = sources->getObject(name);
    if (!obj) throwInvalid("object verwacht", placeOf(file, name));
    auto copy = newObject();
    std::vector<std::string> fields;
    obj->getNames(fields);
    for (const auto& f : fields)
      if (f != "comment") copy->set(f, obj->get(f));
    try {
      set.sources.emplace(name, EndpointConfig::fromJson(copy));
    } catch (const Error& e) {
      auto field = e.place().fields.find("field");
      throw Error(e.errorCode(), e.message(),
                  placeOf(file, name, field == e.place().fields.end() ? "" : field->second));
    }
  }
  return set;
}

EndpointSet EndpointSet::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::notFound, "SPARQL-configuratie niet gevonden", Place().set("file", file));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), file);
}

const EndpointConfig& EndpointSet::source(const std::string& name) const {
  auto it = sources.find(name);
  if (it == sources.end()) {
    std::string known;
    for (const auto& [n, _] : sources) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::notFound,
                "onbekende SPARQL-bron '" + name + "' (gekend: " + (known.empty() ? "geen" : known) + ")",
                Place().set("file", file).set("field", "'source'"));
  }
  return it->second;
}

}  // namespace igsgov::adapters::sparql
