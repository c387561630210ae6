// token.create, token.list, token.revoke: API tokens for igsgovd (service/Tokens.hpp).
// Beheerder only: a token grants a role, so handing out tokens is administration.
#include "core/Error.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"
#include "service/Accounts.hpp"
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
                    {"cooperations", "array", false,
                     "enkel voor deze samenwerkingsverbanden (standaard: alle)"},
                    kReason},
         .cli = {"token", "create"},
         .write = [](records::Writer& w, const JsonObject& in) {
           Reader r(in, "token");
           std::string name = r.str("name"), role = r.str("role"), reason = r.optStr("reason").value_or("");
           auto exists = w.db().prepare("SELECT 1 FROM account WHERE id = ? AND rec_to IS NULL");
           exists.bind(1, name);
           if (exists.step())
             throwConflict("er bestaat al een account met deze naam (beide verschijnen als actor in het journaal)",
                           r.place("name"));
           auto out = service::createToken(w, name, role, reason);
           auto cooperations = newArray();
           if (auto list = r.optArray("cooperations")) {
             for (std::size_t i = 0; i < list->size(); ++i) {
               auto v = list->get(static_cast<unsigned>(i));
               if (!v.isString() || v.convert<std::string>() == service::kEveryCooperation)
                 throwInvalid("een lijst van ids van samenwerkingsverbanden verwacht (laat weg voor alle)",
                              r.place("cooperations"));
               service::addGrant(w, "token:" + name, {role, v.convert<std::string>()}, reason);
               cooperations->add(v);
             }
           }
           out->set("cooperations", cooperations);
           return out;
         },
         .text = createdText,
         .result = rs::written({{"name", rs::text()}, {"role", rs::text()}, {"secret", rs::text()}})});
  c.add({.name = "token.list",
         .summary = "Lijst van API-tokens (naam, rol, aangemaakt, ingetrokken; nooit het geheim)",
         .access = Access::read,
         .roles = kBeheerder,
         .params = {{"all", "boolean", false, "ook ingetrokken tokens tonen"}},
         .cli = {"token", "list"},
         .read = [](store::Database& db, const JsonObject& in) {
           auto out = service::listTokens(db, Reader(in, "token").optBoolean("all").value_or(false));
           auto list = out->getArray("tokens");
           for (std::size_t i = 0; i < list->size(); ++i) {
             auto t = list->getObject(static_cast<unsigned>(i));
             auto cooperations = newArray();
             if (!t->has("revoked"))
               for (const auto& g : service::grantsOf(db, "token:" + t->getValue<std::string>("name")))
                 cooperations->add(g.cooperation);
             t->set("cooperations", cooperations);
           }
           return out;
         },
         .result = rs::object({{"tokens", rs::list(rs::object({{"name", rs::text()}, {"role", rs::text()}, {"created", rs::timestamp()}}))}})});
  c.add({.name = "token.revoke",
         .summary = "Trek een API-token in; het werkt meteen niet meer",
         .access = Access::write,
         .roles = kBeheerder,
         .params = {kName, kReason},
         .cli = {"token", "revoke"},
         .positional = "name",
         .write = [](records::Writer& w, const JsonObject& in) {
           Reader r(in, "token");
           std::string name = r.str("name");
           auto out = service::revokeToken(w, name, r.optStr("reason").value_or(""));
           for (const auto& g : service::grantsOf(w.db(), "token:" + name)) service::removeGrant(w, "token:" + name, g);
           return out;
         },
         .result = rs::written({{"name", rs::text()}, {"role", rs::text()}, {"revoked", rs::timestamp()}}, {{"reason", rs::text()}})});
}

}  // namespace igsgov::ops
