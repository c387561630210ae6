#include "ops/ServerPaths.hpp"

#include "core/Error.hpp"

namespace igsgov::ops {

const std::set<std::string> kServerSettings = {"sync_config", "sparql_config", "calendar_dir", "rules_dir"};
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

}  // namespace

JsonObject withServerFiles(const Operation& op, const JsonObject& input, const ServerFiles& files) {
  auto out = copyOf(input);
  for (const auto& p : op.params) {
    if (p.type != "path" || p.setting.empty() || out->has(p.name)) continue;
    auto it = files.find(p.setting);
    if (it != files.end() && !it->second.empty()) out->set(p.name, it->second);
  }
  return out;
}

JsonObject withServiceValues(const Operation& op, const JsonObject& input,
                             const std::map<std::string, std::string>& values) {
  auto out = copyOf(input);
  for (const auto& p : op.params) {
    if (p.type != "string" || p.setting.empty() || out->has(p.name)) continue;
    auto it = values.find(p.setting);
    if (it != values.end() && !it->second.empty()) out->set(p.name, it->second);
  }
  return out;
}

JsonObject remoteInput(const Operation& op, const JsonObject& input, const ServerFiles& files) {
  for (const auto& p : op.params) {
    if (p.type != "path" || input.isNull() || !input->has(p.name)) continue;
    std::string hint = p.setting.empty() ? "laat het veld weg of stuur de inhoud zelf mee"
                                         : "laat het veld weg: de dienst gebruikt zijn eigen instelling 'files." +
                                               p.setting + "'";
    throwInvalid("bestandspaden op de server zijn niet toegelaten via de REST-API; " + hint,
                 Place().set("operation", op.name).set("field", "'" + p.name + "'"));
  }
  return withServerFiles(op, input, files);
}

}  // namespace igsgov::ops
