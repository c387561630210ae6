#include "sync/TargetConfig.hpp"

#include "core/Error.hpp"
#include "core/JsonFile.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace igsgov::sync {

namespace {

Place placeOf(const std::string& file, const std::string& target, const std::string& field) {
  Place p;
  p.set("file", file);
  if (!target.empty()) p.set("part", "doel '" + target + "'");
  if (!field.empty()) p.set("field", "'" + field + "'");
  return p;
}

// A "password" key anywhere in the target is refused: secrets live in the environment or a file.
void refusePasswords(const JsonObject& obj, const std::string& file, const std::string& target) {
  std::vector<std::string> names;
  obj->getNames(names);
  for (const auto& n : names) {
    if (n == "password" || n == "wachtwoord")
      throwInvalid("geen wachtwoord in de configuratie: gebruik 'password_env' (omgevingsvariabele) of 'password_file'",
                   placeOf(file, target, n));
    if (obj->isObject(n)) refusePasswords(obj->getObject(n), file, target);
  }
}

}  // namespace

TargetConfig TargetConfig::fromJson(const std::string& name, const JsonObject& obj, const std::string& file) {
  TargetConfig t;
  t.name = name;
  t.configFile = file;
  auto fail = [&](const std::string& field, const std::string& msg) { throwInvalid(msg, placeOf(file, name, field)); };
  if (name.empty() || name.find_first_of("/ \t") != std::string::npos) fail("", "ongeldige doelnaam");
  refusePasswords(obj, file, name);
  std::vector<std::string> names;
  obj->getNames(names);
  static const std::set<std::string> known{"adapter", "root", "sources", "mapping", "sidecar", "inbox", "max_delete", "batch", "comment"};
  for (const auto& n : names)
    if (!known.count(n)) fail(n, "onbekend veld");
  if (!obj->isObject("adapter")) fail("adapter", "object met minstens \"type\" verwacht");
  t.adapter = obj->getObject("adapter");
  auto str = [&](const std::string& field) -> std::string {
    if (!obj->has(field)) return "";
    auto v = obj->get(field);
    if (!v.isString()) fail(field, "tekst verwacht");
    return v.convert<std::string>();
  };
  auto integer = [&](const std::string& field, long long def, long long lo, long long hi) -> long long {
    if (!obj->has(field)) return def;
    auto v = obj->get(field);
    if (!v.isInteger()) fail(field, "geheel getal verwacht");
    long long n = v.convert<long long>();
    if (n < lo || n > hi) fail(field, "waarde buiten " + std::to_string(lo) + ".." + std::to_string(hi));
    return n;
  };
  t.root = str("root");
  t.inbox = str("inbox");
  t.maxDelete = integer("max_delete", 20, 0, 1000000);
  t.batch = integer("batch", 200, 1, 100000);
  if (obj->has("sidecar")) {
    auto v = obj->get("sidecar");
    if (v.type() != typeid(bool)) fail("sidecar", "true of false verwacht");
    t.sidecar = v.convert<bool>();
  }
  if (obj->has("sources")) {
    auto a = obj->getArray("sources");
    if (!a) fail("sources", "lijst van bronnamen verwacht");
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto v = a->get(static_cast<unsigned>(i));
      if (!v.isString()) fail("sources", "lijst van bronnamen verwacht");
      t.sources.push_back(v.convert<std::string>());
    }
  }
  if (obj->has("mapping")) {
    auto m = obj->getObject("mapping");
    if (!m) fail("mapping", "object {soort: patroon} verwacht");
    std::vector<std::string> kinds;
    m->getNames(kinds);
    for (const auto& k : kinds) {
      auto v = m->get(k);
      if (!v.isString()) fail("mapping." + k, "patroon (tekst) verwacht");
      t.mapping[k] = v.convert<std::string>();
    }
  }
  return t;
}

SyncConfig SyncConfig::parse(const std::string& text, const std::string& file) {
  SyncConfig c;
  c.file = file;
  auto root = parseJsonFile(text, file);
  auto targets = root->getObject("targets");
  if (!targets) throwInvalid("object \"targets\" ontbreekt", placeOf(file, "", "targets"));
  std::vector<std::string> names;
  targets->getNames(names);
  for (const auto& n : names) {
    auto t = targets->getObject(n);
    if (!t) throwInvalid("object verwacht", placeOf(file, n, ""));
    c.targets.emplace(n, TargetConfig::fromJson(n, t, file));
  }
  return c;
}

SyncConfig SyncConfig::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::notFound, "syncconfiguratie niet gevonden", Place().set("file", file));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), file);
}

const TargetConfig& SyncConfig::target(const std::string& name) const {
  auto it = targets.find(name);
  if (it == targets.end()) {
    std::string known;
    for (const auto& [n, _] : targets) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::notFound, "onbekend syncdoel '" + name + "' (gekend: " + (known.empty() ? "geen" : known) + ")",
                Place().set("file", file));
  }
  return it->second;
}

std::string expandPattern(const std::string& pattern, const std::map<std::string, std::string>& vars,
                          const std::string& where) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c != '{') {
      out += c;
      continue;
    }
    auto close = pattern.find('}', i);
    if (close == std::string::npos) throwInvalid("'{' zonder '}' in patroon '" + pattern + "'", Place().set("part", where));
    std::string var = pattern.substr(i + 1, close - i - 1);
    auto it = vars.find(var);
    if (it == vars.end() || it->second.empty()) {
      std::string known;
      for (const auto& [k, v] : vars) known += (known.empty() ? "" : ", ") + k;
      throwInvalid("onbekende variabele {" + var + "} in patroon '" + pattern + "' (beschikbaar: " + known + ")",
                   Place().set("part", where));
    }
    out += it->second;
    i = close;
  }
  return out;
}

std::string configBesideRegister(const std::optional<std::string>& explicitPath, const char* env,
                                 const std::string& fileName, const std::string& registerPath) {
  if (explicitPath && !explicitPath->empty()) return *explicitPath;
  if (const char* value = std::getenv(env); value && *value) return value;
  Poco::Path p(registerPath);
  p.makeAbsolute();
  return p.parent().append(fileName).toString();
}

std::string configPath(const std::optional<std::string>& explicitPath, const std::string& registerPath) {
  return configBesideRegister(explicitPath, "IGSGOV_SYNC_CONFIG", "sync.json", registerPath);
}

}  // namespace igsgov::sync
