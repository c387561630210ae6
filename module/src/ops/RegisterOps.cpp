// register.init, register.import, register.export, register.copy
#include "interchange/Interchange.hpp"
#include "journal/Journal.hpp"
#include "linkeddata/Publish.hpp"
#include "ops/Catalogue.hpp"
#include "ops/RegisterCopy.hpp"
#include "ops/ResultSchema.hpp"
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
         },
         .result = rs::object({{"path", rs::text()}, {"schema_version", rs::integer()}, {"gemeenten", rs::integer()}})});
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
                  std::to_string(n->getValue<long long>("mandates")) + " mandaten, " +
                  std::to_string(n->optValue<long long>("check_offs", 0)) + " afvinkingen van de oprichting (journaalregel " +
                  std::to_string(o->getObject("journal")->getValue<long long>("seq")) + ")\n";
         },
         .result = rs::written({{"imported", rs::object({{"cooperations", rs::integer()}, {"persons", rs::integer()}, {"mandates", rs::integer()}})}})});
  // One export, three formats: the interchange file (JSON, the default) or the
  // register published as OSLO Mandaten linked data (linkeddata/Publish.hpp).
  c.add({.name = "register.export",
         .summary = "Schrijf het volledige register als uitwisselbestand (JSON), of publiceer het als "
                    "linked data (OSLO Mandaten, Turtle of JSON-LD)",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"format", "string", false,
                     "json (het uitwisselformaat, standaard), turtle of jsonld (OSLO Mandaten als linked data)"},
                    {"base_uri", "string", false,
                     "basis-URI van de gepubliceerde gegevens (turtle, jsonld; genegeerd voor json); anders $IGSGOV_BASE_URI",
                     "linked_data.base_uri"}},
         .cli = {"register", "export"},
         .aliases = {{"export"}},
         .read = [](store::Database& db, const JsonObject& in) {
           Reader r(in, "export");
           auto format = r.optOneOf("format", {"json", "turtle", "jsonld"}).value_or("json");
           if (format != "json") return linkeddata::publishRegister(db, in);
           // base_uri means nothing to the interchange file (igsgovd fills it in for every call).
           return interchange::exportRegister(db, newObject());
         },
         .text = [](const JsonObject& o) {
           if (o->has("content")) return o->getValue<std::string>("content");
           return toJsonText(o) + "\n";
         },
         .content = true,
         .result = rs::object({}, {{"format", rs::text()}, {"cooperations", rs::list(rs::cooperation())}, {"persons", rs::list(rs::person())}, {"mandates", rs::list(rs::mandate())},
                                    {"founding", rs::object({{"check_offs", rs::list(rs::object({{"id", rs::text()}, {"versions", rs::list(rs::object(
                                        {{"cooperation", rs::text()}, {"stappenplan", rs::text()}, {"step", rs::text()}, {"condition", rs::text()},
                                         {"date", rs::date()}, {"note", rs::text()}, {"recorded", rs::object({{"kind", rs::text()}, {"at", rs::timestamp()}}, {{"reason", rs::text()}, {"actor", rs::text()}})}},
                                        {{"member", rs::text()}, {"retracted", rs::boolean()}, {"document_sha256", rs::text()}, {"file", rs::any()}}))}}))}})},
                                    {"media_type", rs::text()}, {"content", rs::text()}})});
  // Moving a register between a SQLite file and PostgreSQL (ops/RegisterCopy.hpp).
  // Both addresses are local-only parameters (type path): igsgovd never copies.
  c.add({.name = "register.copy",
         .summary = "Kopieer een volledig register met zijn journaal naar een lege databank (SQLite-bestand of "
                    "PostgreSQL) en verifieer het daar; alles of niets",
         .access = Access::read,
         .roles = {"beheerder"},
         .params = {{"from", "path", true, "het bronregister: een bestand of een postgresql://-adres"},
                    {"to", "path", true,
                     "het doel: een nieuw bestand of een lege PostgreSQL-databank (postgresql://...)"}},
         .cli = {"register", "copy"},
         .read = [](store::Database&, const JsonObject& in) {
           Reader r(in, "copy");
           r.rejectUnknown({"from", "to"});
           return copyRegister(r.str("from"), r.str("to"));
         },
         .text = [](const JsonObject& o) {
           auto j = o->getObject("journal");
           return "Gekopieerd: " + std::to_string(o->getValue<long long>("rows")) + " rijen in " +
                  std::to_string(o->getValue<long long>("tables")) + " tabellen van " +
                  o->getValue<std::string>("from") + " naar " + o->getValue<std::string>("to") +
                  "\nJournaal geverifieerd in het doel: " + std::to_string(j->getValue<long long>("seq")) +
                  " regels, laatste hash " + j->getValue<std::string>("hash") + "\n";
         },
         .standalone = true,
         .result = rs::object({{"from", rs::text()}, {"to", rs::text()}, {"tables", rs::integer()}, {"rows", rs::integer()},
                               {"journal", rs::journalRef()}, {"verified", rs::boolean()}})});
}

}  // namespace igsgov::ops
