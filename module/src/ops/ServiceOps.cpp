// token.create, token.list, token.revoke: API tokens for igsgovd (service/Tokens.hpp).
// Beheerder only: a token grants a role, so handing out tokens is administration.
#include "ops/Catalogue.hpp"
#include "service/Tokens.hpp"

namespace igsgov::ops {

namespace {

const std::set<std::string> kBeheerder = {"beheerder"};
const Param kName{"name", "string", true, "naam van het token (wie of welk systeem het gebruikt)"};
const Param kReason{"reason", "string", false, "waarom (komt in het journaal)"};

std::string createdText(const JsonObject& out) {
  return "Token '" + out->getValue<std::string>("name") + "' met rol " + out->getValue<std::string>("role") +
         " aangemaakt.\nGeheim (wordt maar één keer getoond, bewaar het veilig):\n" +
         out->getValue<std::string>("secret") + "\n";
}

}  // namespace

void addServiceOperations(Catalogue& c) {
  c.add({.name = "token.create",
         .summary = "Maak een API-token voor igsgovd met een rol; het geheim wordt één keer getoond",
         .access = Access::write,
         .roles = kBeheerder,
         .params = {kName,
                    {"role", "string", true, "beheerder, directeur, secretariaat of auditor"},
                    kReason},
         .cli = {"token", "create"},
         .write = [](records::Writer& w, const JsonObject& in) {
           Reader r(in, "token");
           return service::createToken(w, r.str("name"), r.str("role"), r.optStr("reason").value_or(""));
         },
         .text = createdText});
  c.add({.name = "token.list",
         .summary = "Lijst van API-tokens (naam, rol, aangemaakt, ingetrokken; nooit het geheim)",
         .access = Access::read,
         .roles = kBeheerder,
         .params = {{"all", "boolean", false, "ook ingetrokken tokens tonen"}},
         .cli = {"token", "list"},
         .read = [](store::Database& db, const JsonObject& in) {
           return service::listTokens(db, Reader(in, "token").optBoolean("all").value_or(false));
         }});
  c.add({.name = "token.revoke",
         .summary = "Trek een API-token in; het werkt meteen niet meer",
         .access = Access::write,
         .roles = kBeheerder,
         .params = {kName, kReason},
         .cli = {"token", "revoke"},
         .positional = "name",
         .write = [](records::Writer& w, const JsonObject& in) {
           Reader r(in, "token");
           return service::revokeToken(w, r.str("name"), r.optStr("reason").value_or(""));
         }});
}

}  // namespace igsgov::ops
