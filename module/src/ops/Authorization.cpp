#include "ops/Authorization.hpp"

#include "core/Error.hpp"

namespace igsgov::ops {

namespace {

std::string rolesText(const Caller& caller) { return service::grantsText(effectiveGrants(caller)); }

}  // namespace

std::vector<service::Grant> effectiveGrants(const Caller& caller) {
  if (!caller.grants.empty()) return caller.grants;
  if (!caller.account.empty()) return {};  // an account without grants may do nothing
  return {{caller.role, service::kEveryCooperation}};
}

std::string accountActedOn(const JsonObject& in, const Caller& caller, bool othersAllowed) {
  std::string named = in->has("account") && in->get("account").isString() ? in->getValue<std::string>("account") : "";
  if (named.empty() || named == caller.account) {
    if (caller.account.empty())
      throwInvalid("dit hoort bij een persoonlijk account: meld aan op het intranet, of noem het account",
                   Place().set("field", "'account'"));
    return caller.account;
  }
  bool beheerder = false;
  for (const auto& g : effectiveGrants(caller))
    beheerder = beheerder || (g.role == "beheerder" && g.cooperation == service::kEveryCooperation);
  if (!othersAllowed || !beheerder)
    throw Error(ErrorCode::denied,
                othersAllowed ? "alleen een beheerder van het hele register doet dit voor een ander account"
                              : "dit kan alleen voor uw eigen account",
                Place().set("field", "'account'"));
  return named;
}

bool mayRunAnywhere(const Operation& op, const Caller& caller) {
  for (const auto& g : effectiveGrants(caller))
    if (op.roles.count(g.role)) return true;
  return false;
}

bool mayRun(const Operation& op, const Caller& caller, const std::string& cooperation) {
  for (const auto& g : effectiveGrants(caller))
    if (op.roles.count(g.role) && (g.cooperation == service::kEveryCooperation || g.cooperation == cooperation))
      return true;
  return false;
}

bool mayRun(const std::string& operation, const Caller& caller, const std::string& cooperation) {
  const Operation* op = catalogue().find(operation);
  return op && mayRun(*op, caller, cooperation);
}

void authorize(const Operation& op, const Caller& caller, const Concerns& concerns) {
  Place place = Place().set("operation", op.name);
  switch (concerns.kind) {
    case Concerns::Kind::none: return;  // mayRunAnywhere was checked first
    case Concerns::Kind::wholeRegister:
      if (!mayRun(op, caller, ""))
        throw Error(ErrorCode::denied,
                    "'" + op.name + "' gaat over het hele register; daarvoor is een rol voor alle "
                    "samenwerkingsverbanden nodig (uw rollen: " + rolesText(caller) + ")",
                    place);
      return;
    case Concerns::Kind::cooperations:
      for (const auto& c : concerns.cooperations)
        if (!mayRun(op, caller, c))
          throw Error(ErrorCode::denied,
                      "u hebt geen rol die '" + op.name + "' mag uitvoeren voor het samenwerkingsverband waarover "
                      "deze vraag gaat (uw rollen: " + rolesText(caller) + ")",
                      place);
      return;
  }
}

std::optional<Visible> visibility(const Operation& op, const Caller& caller) {
  if (mayRun(op, caller, "")) return std::nullopt;
  auto grants = effectiveGrants(caller);
  std::set<std::string> seen;
  for (const auto& g : grants)
    if (op.roles.count(g.role)) seen.insert(g.cooperation);
  return Visible([seen](const std::string& c) { return seen.count(c) > 0; });
}

}  // namespace igsgov::ops
