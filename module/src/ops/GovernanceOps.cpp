// Operations on governing documents (statuten, intern reglement, ...), their
// versions, approvals and approval rules (module/src/governance).
#include "governance/Documents.hpp"
#include "governance/DocumentQueries.hpp"
#include "governance/FileStore.hpp"
#include "ops/OpBuilders.hpp"

namespace igsgov::ops {
using namespace governance;

namespace {




const Param& kReason = kReasonParam;
const Param kAsOf{"as_of", "date", false, "datum (standaard vandaag)"};
const Param kKnownAt{"known_at", "timestamp", false, "zoals het register het kende op (standaard nu)"};

// A version as a write returns it: its fields and how the change was recorded.
JsonObject versionWritten() {
  return rs::written({{"id", rs::text()}, {"document", rs::text()}, {"label", rs::text()}, {"status", rs::text()},
                      {"file_sha256", rs::text()}, {"recorded", rs::recorded()}},
                     {{"file_name", rs::text()}, {"added_by", rs::text()}, {"submitted", rs::date()},
                      {"effective_from", rs::date()}, {"valid_until", rs::date()}});
}

}  // namespace

void addGovernanceOperations(Catalogue& c) {
  c.add(writeOp("document.create", "Registreer een bestuursdocument (statuten, intern reglement, oprichtingsakte, ...)",
                {{"id", "string", true, "id van het document"},
                 {"cooperation", "string", true, "samenwerkingsverband"},
                 {"kind", "string", true, "statuten, intern_reglement, oprichtingsakte, samenwerkingsovereenkomst, cultuurnota, engagementsverklaring, intentieverklaring, meerjarenplan"},
                 {"title", "string", false, "titel (standaard soort + naam)"}},
                documentCreate), rs::written({{"id", rs::text()}}));
  c.add(writeOp("document.add-version", "Voeg een versie van een bestuursdocument toe met haar bestand (DOCX, ODT of PDF)",
                {{"id", "string", true, "id van de versie"},
                 {"document", "string", true, "id van het document"},
                 {"label", "string", true, "bv. 'statutenwijziging 2026'"},
                 {"path", "path", false, "het bestand"},
                 {"content_base64", "string", false, "de inhoud (base64) in plaats van een bestand"},
                 {"file_name", "string", false, "bestandsnaam (standaard die van 'path')"},
                 {"added_by", "string", false, "wie de versie aanbrengt (de gebruiker staat al in het journaal)"},
                 {"status", "string", false, "ontwerp (standaard) of voorgelegd"},
                 {"submitted", "date", false, "voorgelegd op"},
                 {"effective_from", "date", false, "datum van inwerkingtreding"}},
                versionAdd), rs::written({{"id", rs::text()}}));
  c.add(writeOp("document.status", "Zet de status van een versie verder: voorgelegd, goedgekeurd, in_werking, vervangen",
                {{"version_id", "string", true, "id van de versie"},
                 {"status", "string", true, "voorgelegd, goedgekeurd, in_werking of vervangen"},
                 {"date", "date", false, "voorgelegd op / in werking vanaf / laatste dag in werking"},
                 kReason},
                versionSetStatus), versionWritten());
  c.add(writeOp("document.correct", "Verbeter een foute registratie van een versie (label, datums, bestandsnaam)",
                {{"id", "string", true, "id van de versie"},
                 {"label", "string", false, "naam van de versie, bv. 'statutenwijziging 2026'"},
                 {"file_name", "string", false, "bestandsnaam zoals getoond"},
                 {"added_by", "string", false, "wie de versie toevoegde"},
                 {"submitted", "date", false, "datum van voorlegging aan de raden"},
                 {"effective_from", "date", false, "datum van inwerkingtreding"},
                 {"reason", "string", true, "waarom (komt in het journaal)"}},
                versionCorrect), versionWritten());
  c.add(writeOp("approval.record", "Registreer het besluit van een raad over een versie (goedgekeurd, verworpen, kennisname)",
                {{"id", "string", false, "id van het besluit (standaard afgeleid)"},
                 {"version_id", "string", true, "id van de versie"},
                 {"member", "string", false, "deelnemer wiens raad besliste (niet bij raad van bestuur/algemene vergadering)"},
                 {"council", "string", true, "gemeenteraad, college (van burgemeester en schepenen), ocmw_raad, algemene_vergadering, raad_van_bestuur, beheerscomite"},
                 {"date", "date", true, "datum van het besluit"},
                 {"outcome", "string", true, "goedgekeurd, verworpen of kennisname"},
                 {"decision_ref", "string", false, "referentie van het besluit"},
                 {"decision_uri", "string", false, "URI van het besluit (bv. LBLOD)"}},
                approvalRecord), rs::written({{"id", rs::text()}, {"version_id", rs::text()}, {"council", rs::text()}, {"date", rs::date()},
                             {"outcome", rs::oneOf({"goedgekeurd", "verworpen", "kennisname"})},
                             {"version_status", rs::text()}, {"approvals_missing", rs::integer()}},
                            {{"member", rs::text()}, {"decision_ref", rs::text()}, {"decision_uri", rs::text()}}));
  c.add(writeOp("approval-rule.set", "Wijk af van de goedkeuringsregel van de rechtsvorm voor één soort document (met reden)",
                {{"cooperation", "string", true, "samenwerkingsverband"},
                 {"document_kind", "string", true, "soort document"},
                 {"rule", "string", true, "gemeenteraden, colleges, alle_deelnemers, bestuursorgaan, algemene_vergadering"},
                 {"reason", "string", true, "waarom (verplicht)"}},
                ruleSet), rs::written({{"id", rs::text()}, {"cooperation", rs::text()}, {"document_kind", rs::text()}, {"rule", rs::text()},
                             {"default_rule", rs::text()}, {"recorded", rs::recorded()}}));
  c.add(readOp("approval-rule.show", "Welke goedkeuringsregel geldt, en waarom",
               {{"cooperation", "string", true, "id van het samenwerkingsverband"}, {"document_kind", "string", false, "standaard statuten"}}, ruleShow), rs::object({{"cooperation", rs::text()}, {"document_kind", rs::text()}, {"rule", rs::text()}}));

  auto inForce = readOp("document.in-force",
                        "Welke versie is in werking op een datum (goedkeuringen volledig en datum van inwerkingtreding bereikt)",
                        {{"document", "string", false, "id van het document"},
                         {"cooperation", "string", false, "of: het samenwerkingsverband"},
                         {"kind", "string", false, "met 'cooperation': soort document (standaard statuten)"},
                         kAsOf, kKnownAt},
                        documentInForce, inForceText);
  inForce.aliases = {{"statuten"}};
  c.add(inForce, rs::object({{"as_of", rs::date()}}, {{"document", rs::document()}, {"in_force", rs::maybe(rs::documentVersion())}}));
  auto pending = readOp("approval.pending", "Welke deelnemers keurden een versie nog niet goed",
                        {{"version_id", "string", true, "id van de versie"}, kAsOf, kKnownAt}, approvalPending, pendingText);
  pending.positional = "version_id";
  c.add(pending, rs::object({{"version", rs::text()}, {"cooperation", rs::text()}, {"as_of", rs::date()},
                               {"rule", rs::object({{"rule", rs::text()}, {"label", rs::text()}}, {{"legal_form", rs::text()}, {"origin", rs::text()}})},
                               {"complete", rs::boolean()}, {"missing", rs::integer()},
                               {"approvers", rs::list(rs::object({{"member", rs::text()}, {"name", rs::text()}, {"state", rs::text()}},
                                                                 {{"decision", rs::object({{"id", rs::text()}, {"council", rs::text()}, {"date", rs::date()}, {"outcome", rs::text()}})}}))}},
                              {{"reference_date", rs::maybe(rs::date())}}));
  c.add(readOp("document.history", "De geschiedenis van een document: versies, statussen, goedkeuringen, wie en wanneer",
               {{"document", "string", false, "id van het document"},
                {"cooperation", "string", false, "alle documenten van dit samenwerkingsverband (id)"},
                {"kind", "string", false, "alleen deze soort, bv. statuten"}},
               documentHistory), rs::object({{"document", rs::document()}, {"versions", rs::list(rs::documentVersion())}}));
  c.add(readOp("document.list", "De bestuursdocumenten (van een samenwerkingsverband) met hun versies",
               {{"cooperation", "string", false, "alleen van dit samenwerkingsverband (id)"}}, documentList), rs::object({{"documents", rs::list(rs::document())}}));
  c.add(readOp("document.compare", "Vergelijk de tekst van twee versies per paragraaf (tekst en HTML)",
               {{"from", "string", true, "id van de oude versie"},
                {"to", "string", true, "id van de nieuwe versie"},
                {"html_path", "path", false, "schrijf de vergelijking ook als HTML-bestand"},
                {"context", "integer", false, "ongewijzigde paragrafen rond elke wijziging (standaard 1; -1 = alle)"}},
               documentCompare, compareText), rs::object({{"from", rs::text()}, {"to", rs::text()}, {"identical", rs::boolean()}, {"changed", rs::integer()},
                               {"added", rs::integer()}, {"removed", rs::integer()}, {"unchanged", rs::integer()},
                               {"changes", rs::list(rs::object({}))}, {"title", rs::text()}, {"text", rs::text()}, {"html", rs::text()}},
                              {{"html_path", rs::text()}}));
  c.add(readOp("document.file", "Schrijf het bewaarde bestand van een versie naar schijf",
               {{"version_id", "string", true, "id van de versie"}, {"path", "path", true, "doelbestand"}}, documentFile), rs::object({{"path", rs::text()}, {"sha256", rs::text()}, {"size", rs::integer()}}));
  c.add(readOp("document.verify-files", "Reken de SHA-256 van elk bewaard documentbestand na", {},
               [](store::Database& db, const JsonObject&) { return verifyFiles(db); }), rs::object({{"files", rs::integer()}, {"bytes", rs::integer()}}));

  // Which cooperation each operation's input concerns (ops/Scope.hpp);
  // document.verify-files checks every file: the whole register.
  c.setScope("document.create", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("document.add-version", refs({{"document", Ref::document}}));
  c.setScope("document.status", refs({{"version_id", Ref::version}}));
  c.setScope("document.correct", refs({{"id", Ref::version}}));
  c.setScope("approval.record", refs({{"version_id", Ref::version}, {"member", Ref::member}}));
  c.setScope("approval-rule.set", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("approval-rule.show", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("document.in-force", refs({{"document", Ref::document}, {"cooperation", Ref::cooperation}}));
  c.setScope("approval.pending", refs({{"version_id", Ref::version}}));
  c.setScope("document.history", refs({{"document", Ref::document}, {"cooperation", Ref::cooperation}}));
  c.setScope("document.list", refs({{"cooperation", Ref::cooperation}}, Concerns::none()),
             keepVisible("documents", "cooperation"));
  c.setScope("document.compare", refs({{"from", Ref::version}, {"to", Ref::version}}));
  c.setScope("document.file", refs({{"version_id", Ref::version}}));
}

}  // namespace igsgov::ops
