#include "ops/Catalogue.hpp"

#include "core/Error.hpp"
#include "model/Vocabulary.hpp"

namespace igsgov::ops {

const std::set<std::string> kAllRoles = model::userRoles().codes();
const std::set<std::string> kWriterRoles = {"beheerder", "directeur", "secretariaat"};

void Catalogue::add(Operation op) {
  if (find(op.name)) throw Error(ErrorCode::internal, "operatie dubbel geregistreerd: " + op.name);
  if (op.result.isNull()) throw Error(ErrorCode::internal, "operatie zonder schema van de uitvoer: " + op.name);
  ops_.push_back(std::move(op));
}

void Catalogue::add(Operation op, JsonObject result) {
  op.result = std::move(result);
  add(std::move(op));
}

void Catalogue::setScope(const std::string& name, ScopeFn scope, FilterFn filter) {
  for (auto& op : ops_)
    if (op.name == name) {
      op.scope = std::move(scope);
      op.filter = std::move(filter);
      return;
    }
  throw Error(ErrorCode::internal, "bereik voor een onbekende operatie: " + name);
}

const Operation* Catalogue::find(const std::string& name) const {
  for (const auto& op : ops_)
    if (op.name == name) return &op;
  return nullptr;
}

JsonObject Catalogue::describe() const {
  auto out = newObject();
  auto list = newArray();
  for (const auto& op : ops_) {
    auto o = newObject();
    o->set("name", op.name);
    o->set("summary", op.summary);
    o->set("access", op.access == Access::read ? "read" : op.access == Access::write ? "write" : "create");
    auto roles = newArray();
    for (const auto& r : op.roles) roles->add(r);
    o->set("roles", roles);
    auto params = newArray();
    for (const auto& p : op.params) {
      auto po = newObject();
      po->set("name", p.name);
      po->set("type", p.type);
      po->set("required", p.required);
      po->set("help", p.help);
      if (!p.setting.empty()) po->set("setting", p.setting);
      if (!p.values.empty()) {
        auto values = newArray();
        for (const auto& v : p.values) values->add(v);
        po->set("values", values);
      }
      params->add(po);
    }
    o->set("params", params);
    o->set("open_params", op.openParams);
    auto cli = newArray();
    for (const auto& w : op.cli) cli->add(w);
    o->set("cli", cli);
    auto aliases = newArray();
    for (const auto& a : op.aliases) {
      auto words = newArray();
      for (const auto& w : a) words->add(w);
      aliases->add(words);
    }
    o->set("aliases", aliases);
    if (!op.positional.empty()) o->set("positional", op.positional);
    if (op.exitCode) o->set("exit_code", true);
    if (op.content) o->set("content", true);
    if (op.standalone) o->set("standalone", true);
    if (!op.download.mediaType.empty()) o->set("download", op.download.mediaType);
    o->set("result", op.result);
    if (!op.download.otherMediaTypes.empty()) {
      auto other = newArray();
      for (const auto& t : op.download.otherMediaTypes) other->add(t);
      o->set("download_other", other);
    }
    list->add(o);
  }
  out->set("operations", list);
  return out;
}

const Catalogue& catalogue() {
  static const Catalogue c = [] {
    Catalogue c;
    addRegisterOperations(c);
    addRecordOperations(c);
    addAuditOperations(c);
    addAuditPackOperations(c);
    addGovernanceOperations(c);
    addFinanceOperations(c);
    addServiceOperations(c);
    addSyncOperations(c);
    addSparqlOperations(c);
    addRulesOperations(c);
    addDocumentOperations(c);
    addAccountOperations(c);
    addExportOperations(c);
    addFoundingOperations(c);
    addReminderOperations(c);
    return c;
  }();
  return c;
}

}  // namespace igsgov::ops
