#include "ops/ServerPaths.hpp"

#include "core/Error.hpp"

#include <algorithm>

namespace igsgov::ops {

const std::set<std::string> kServerSettings = {"sync_config", "sparql_config", "calendar_dir", "rules_dir",
                                                 "pack_key", "pack_certificate", "smtp_config",
                                                 "intranet.documents_dir"};
const std::set<std::string> kServiceValues = {"linked_data.base_uri"};

namespace {

JsonObject copyOf(const JsonObject& input) {
  auto out = newObject();
  if (input.isNull()) return out;
  std::vector<std::string> names;
  input->getNames(names);
  for (const auto& n : names) out->set(n, input->get(n));
  return out;
}

// The input with every absent parameter of `type` that has a setting filled from `settings`.
JsonObject withSettings(const Operation& op, const JsonObject& input, const std::string& type,
                        const std::map<std::string, std::string>& settings) {
  auto out = copyOf(input);
  for (const auto& p : op.params) {
    if (p.type != type || p.setting.empty() || out->has(p.name)) continue;
    auto it = settings.find(p.setting);
    if (it != settings.end() && !it->second.empty()) out->set(p.name, it->second);
  }
  return out;
}

}  // namespace

JsonObject withServerFiles(const Operation& op, const JsonObject& input, const ServerFiles& files) {
  return withSettings(op, input, "path", files);
}

JsonObject withServiceValues(const Operation& op, const JsonObject& input,
                             const std::map<std::string, std::string>& values) {
  return withSettings(op, input, "string", values);
}

std::string settingField(const std::string& setting) {
  return setting.find('.') == std::string::npos ? "files." + setting : setting;
}

JsonObject remoteInput(const Operation& op, const JsonObject& input, const ServerFiles& files) {
  for (const auto& p : op.params) {
    if (p.type != "path" || input.isNull() || !input->has(p.name)) continue;
    // One of the param's own names (a shipped template) is no path: a remote caller may give it.
    Poco::Dynamic::Var value = input->get(p.name);
    if (!p.values.empty() && value.isString() &&
        std::find(p.values.begin(), p.values.end(), value.extract<std::string>()) != p.values.end())
      continue;
    std::string names;
    for (const auto& v : p.values) names += (names.empty() ? "" : ", ") + v;
    std::string hint = !p.values.empty() ? "geef een van de namen " + names
                       : p.setting.empty() ? "laat het veld weg of stuur de inhoud zelf mee"
                                           : "laat het veld weg: de dienst gebruikt zijn eigen instelling '" +
                                                 settingField(p.setting) + "'";
    throwInvalid("bestandspaden op de server zijn niet toegelaten via de REST-API; " + hint,
                 Place().set("operation", op.name).set("field", "'" + p.name + "'"));
  }
  return withServerFiles(op, input, files);
}

}  // namespace igsgov::ops
