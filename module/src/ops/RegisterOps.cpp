// register.init, register.import, register.export
#include "interchange/Interchange.hpp"
#include "journal/Journal.hpp"
#include "ops/Catalogue.hpp"
#include "store/Migrations.hpp"

namespace igsgov::ops {

void addRegisterOperations(Catalogue& c) {
  c.add({.name = "register.init",
         .summary = "Maak een nieuw, leeg register met de referentiegegevens (gemeenten, inwoners)",
         .access = Access::create,
         .roles = {"beheerder"},
         .cli = {"register", "init"},
         .aliases = {{"init"}},
         .read = [](store::Database& db, const JsonObject&) {
           journal::Journal j(db);
           auto head = j.head();
           auto out = newObject();
           out->set("path", db.path());
           out->set("schema_version", store::schemaVersion(db));
           auto st = db.prepare("SELECT count(*) FROM ref_gemeente WHERE valid_until IS NULL");
           st.step();
           out->set("gemeenten", st.integer(0));
           out->set("journal_seq", head.seq);
           out->set("journal_hash", head.hash);
           return out;
         },
         .text = [](const JsonObject& o) {
           return "Register aangemaakt: " + o->getValue<std::string>("path") + " (" +
                  std::to_string(o->getValue<long long>("gemeenten")) + " gemeenten geladen)\n";
         }});
  c.add({.name = "register.import",
         .summary = "Lees een volledig register in uit een uitwisselbestand (JSON); alles of niets",
         .access = Access::write,
         .roles = {"beheerder"},
         .params = {{"path", "path", false, "het uitwisselbestand"},
                    {"register", "object", false, "het register zelf (in plaats van een bestand)"}},
         .cli = {"register", "import"},
         .aliases = {{"import"}},
         .positional = "path",
         .write = interchange::importRegister,
         .text = [](const JsonObject& o) {
           auto n = o->getObject("imported");
           return "Ingelezen: " + std::to_string(n->getValue<long long>("cooperations")) + " samenwerkingsverbanden, " +
                  std::to_string(n->getValue<long long>("members")) + " deelnemers, " +
                  std::to_string(n->getValue<long long>("bodies")) + " organen, " +
                  std::to_string(n->getValue<long long>("persons")) + " personen, " +
                  std::to_string(n->getValue<long long>("mandates")) + " mandaten (journaalregel " +
                  std::to_string(o->getObject("journal")->getValue<long long>("seq")) + ")\n";
         }});
  c.add({.name = "register.export",
         .summary = "Schrijf het volledige register als uitwisselbestand (JSON)",
         .access = Access::read,
         .roles = kAllRoles,
         .cli = {"register", "export"},
         .aliases = {{"export"}},
         .read = interchange::exportRegister,
         .text = [](const JsonObject& o) { return toJsonText(o) + "\n"; }});
}

}  // namespace igsgov::ops
