#include "ops/Session.hpp"

#include "core/Error.hpp"
#include "core/TextRules.hpp"
#include "core/Timestamp.hpp"
#include "ops/TextRender.hpp"

namespace igsgov::ops {

Session::Session(const std::string& path, bool create, const records::OpenOptions& options)
    : reg_(create ? records::Register::create(path, options) : records::Register::open(path, options)) {}

Session::~Session() = default;

void checkParams(const Operation& op, const JsonObject& in) {
  Place base;
  base.set("operation", op.name);
  std::vector<std::string> names;
  in->getNames(names);
  if (!op.openParams) {
    for (const auto& n : names) {
      bool known = false;
      for (const auto& p : op.params) known = known || p.name == n;
      if (!known) throwInvalid("onbekende parameter", Place(base).set("field", "'" + n + "'"));
    }
  }
  for (const auto& p : op.params) {
    bool present = in->has(p.name) && !in->isNull(p.name);
    if (!present) {
      if (p.required) throwInvalid("verplichte parameter ontbreekt", Place(base).set("field", "'" + p.name + "'"));
      continue;
    }
    auto v = in->get(p.name);
    auto fail = [&](const std::string& what) {
      throwInvalid(what, Place(base).set("field", "'" + p.name + "'"));
    };
    if ((p.type == "string" || p.type == "path") && !v.isString()) fail("tekst verwacht");
    if (p.type == "date") {
      if (!v.isString() || !Date::parse(v.convert<std::string>())) fail("geen geldige datum (JJJJ-MM-DD verwacht)");
    }
    if (p.type == "timestamp") {
      if (!v.isString() || !parseTimestamp(v.convert<std::string>())) fail("geen geldige datum of tijdstip");
    }
    if (p.type == "integer" && !v.isInteger()) fail("geheel getal verwacht");
    if (p.type == "boolean" && v.type() != typeid(bool)) fail("true of false verwacht");
    if (p.type == "object" && v.type() != typeid(Poco::JSON::Object::Ptr)) fail("object verwacht");
    if (p.type == "array" && v.type() != typeid(Poco::JSON::Array::Ptr)) fail("lijst verwacht");
  }
}

void checkInputText(const Operation& op, const JsonObject& input, const Caller& caller) {
  Place base;
  base.set("operation", op.name);
  checkTextTree(input, base);
  checkText(caller.actor, "actor", base);
  checkText(caller.reason, "reason", base);
}

JsonObject Session::execute(const std::string& name, const JsonObject& inputIn, const Caller& caller) {
  const Operation* op = catalogue().find(name);
  if (!op) throw Error(ErrorCode::notFound, "onbekende operatie '" + name + "'", Place().set("operation", name));
  if (!mayRunAnywhere(*op, caller)) {
    auto grants = effectiveGrants(caller);
    std::string message = grants.empty()      ? "u hebt geen rol; '" + name + "' is niet toegelaten"
                          : grants.size() == 1 ? "de rol '" + grants[0].role + "' mag '" + name + "' niet uitvoeren"
                                               : "geen van uw rollen (" + service::grantsText(grants) + ") mag '" + name +
                                                     "' uitvoeren";
    throw Error(ErrorCode::denied, message, Place().set("operation", name));
  }
  JsonObject input = inputIn.isNull() ? newObject() : inputIn;
  checkParams(*op, input);
  checkInputText(*op, input, caller);
  // The cooperations the input concerns are read in the same transaction as
  // the operation itself, so no write can move a record in between.
  auto scoped = [&](store::Database& db) {
    authorize(*op, caller, op->scope ? op->scope(db, input) : Concerns::wholeRegister());
  };
  if (op->access == Access::create) {
    // The register was created by the constructor; report what init did.
    return reg_->read([&](store::Database& db) { return op->read(db, input); });
  }
  if (op->access == Access::read) {
    auto visible = visibility(*op, caller);
    return reg_->read([&](store::Database& db) {
      scoped(db);
      auto out = op->readAs ? op->readAs(db, input, caller) : op->read(db, input);
      if (visible && op->filter) op->filter(db, out, *visible);
      return out;
    });
  }
  records::WriteInfo info{caller.actor, name, caller.reason};
  if (op->run) {  // manages its own writes (sync.run)
    reg_->read([&](store::Database& db) {
      scoped(db);
      return JsonObject();
    });
    return op->run(*reg_, input, info);
  }
  return reg_->write(info, input, [&](records::Writer& w) {
    scoped(w.db());
    return op->writeAs ? op->writeAs(w, input, caller) : op->write(w, input);
  });
}

std::string Session::renderText(const std::string& name, const JsonObject& output) {
  const Operation* op = catalogue().find(name);
  if (op && op->text) return op->text(output);
  return genericText(output);
}

}  // namespace igsgov::ops
