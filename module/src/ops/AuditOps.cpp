// audit.verify, audit.head, audit.journal, changes (the change feed)
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/LocalTime.hpp"
#include "core/Timestamp.hpp"
#include "journal/Changes.hpp"
#include "journal/Checkpoint.hpp"
#include "journal/Verifier.hpp"
#include "ops/AuditJournal.hpp"
#include "ops/AuditReport.hpp"
#include "ops/OpBuilders.hpp"

#include <Poco/File.h>

#include <sstream>

namespace igsgov::ops {

namespace {

constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;
constexpr std::size_t kMaxCheckpointBytes = 4 * 1024 * 1024;

// The text of an input given either as a file (`fileField`, a path param) or
// inline (`textField`); nullopt when neither. `place` gets where it came from.
std::optional<std::string> fileOrText(const Reader& r, const std::string& fileField, const std::string& textField,
                                      std::size_t maxBytes, Place& place) {
  auto path = r.optStr(fileField);
  auto text = r.optStr(textField);
  if (path && text) r.fail(fileField, "geef '" + fileField + "' of '" + textField + "', niet beide");
  if (text) {
    place = r.place(textField);
    if (text->size() > maxBytes) r.fail(textField, "te groot");
    return text;
  }
  if (!path) return std::nullopt;
  place = Place().set("file", *path);
  Poco::File file(*path);
  if (!file.exists() || !file.isFile()) throwNotFound("bestand niet gevonden", place);
  if (file.getSize() > maxBytes) throwInvalid("het bestand is te groot voor '" + fileField + "'", place);
  auto bytes = readFileBytes(*path);
  if (!bytes) throw Error(ErrorCode::io, "het bestand kan niet gelezen worden", place);
  return bytes;
}

journal::VerifyOptions verifyOptions(const JsonObject& in) {
  Reader r(in, "controle");
  journal::VerifyOptions options;
  Place place;
  if (auto pem = fileOrText(r, "public_key", "public_key_pem", kMaxKeyFileBytes, place))
    options.keys = journal::PublicKey::parsePem(*pem, place);
  if (auto text = fileOrText(r, "checkpoint", "checkpoint_text", kMaxCheckpointBytes, place))
    options.checkpoints = journal::parseCheckpoints(*text, place);
  return options;
}

JsonObject verifyOp(store::Database& db, const JsonObject& in) {
  auto options = verifyOptions(in);
  auto report = journal::verify(db, options);
  if (!report.ok) throwNotIntact(report);
  return verifyReportJson(report, static_cast<long long>(options.checkpoints.size()));
}

JsonObject headOp(store::Database& db, const JsonObject&) {
  auto st = db.prepare("SELECT seq, at, hash, key_id, signature FROM journal ORDER BY seq DESC LIMIT 1");
  if (!st.step()) throw Error(ErrorCode::integrity, "het journaal is leeg", Place().set("file", db.path()));
  journal::Checkpoint c;
  c.seq = st.integer(0);
  c.at = st.text(1);
  c.hash = st.text(2);
  c.keyId = st.text(3);
  c.signature = st.text(4);
  auto out = newObject();
  out->set("seq", c.seq);
  out->set("at", c.at);
  out->set("hash", c.hash);
  out->set("key_id", c.keyId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.keyId));
  out->set("signature", c.signature.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.signature));
  out->set("taken_at", formatTimestamp(nowMicros()));
  out->set("checkpoint", journal::formatCheckpoint(c));
  return out;
}

std::string headText(const JsonObject& o) {
  std::string text = "# controlepunt van het igsgov-register, genomen op " + o->getValue<std::string>("taken_at") +
                     "; bewaar het buiten het register\n";
  if (o->isNull("signature")) text += "# niet ondertekend: het register heeft (nog) geen ondertekeningssleutel\n";
  return text + o->getValue<std::string>("checkpoint");
}

constexpr long long kMaxChangesPage = 1000;

JsonObject changesOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "wijzigingen");
  long long after = r.optInteger("after").value_or(0);
  long long limit = r.optInteger("limit").value_or(100);
  if (after < 0) r.fail("after", "moet 0 of meer zijn");
  if (limit < 1 || limit > kMaxChangesPage) r.fail("limit", "moet tussen 1 en " + std::to_string(kMaxChangesPage) + " liggen");
  return journal::changesAfter(db, after, limit);
}

std::string changesText(const JsonObject& o) {
  auto entries = o->getArray("entries");
  if (entries->size() == 0) return "Geen wijzigingen na deze journaalregel.\n";
  std::ostringstream os;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    auto e = entries->getObject(static_cast<unsigned>(i));
    os << "Regel " << e->getValue<long long>("seq") << " — " << dutchDateTime(e->getValue<std::string>("at")) << " — "
       << e->getValue<std::string>("actor") << " — " << e->getValue<std::string>("operation") << "\n";
    auto records = e->getArray("records");
    for (std::size_t k = 0; k < records->size(); ++k) {
      auto rec = records->getObject(static_cast<unsigned>(k));
      os << "  " << rec->getValue<std::string>("table") << (rec->getValue<std::string>("action") == "close" ? " (afgesloten): " : ": ");
      if (rec->has("ids")) {
        auto ids = rec->getArray("ids");
        for (std::size_t n = 0; n < ids->size(); ++n) os << (n ? ", " : "") << ids->getElement<std::string>(static_cast<unsigned>(n));
      } else {
        os << rec->getValue<long long>("rows") << " rijen";
      }
      os << "\n";
    }
  }
  if (o->getValue<bool>("more")) os << "Er zijn meer wijzigingen: vraag de volgende met --after " << o->getValue<long long>("next") << ".\n";
  return os.str();
}

}  // namespace

void addAuditOperations(Catalogue& c) {
  // The change feed (GET /api/v1/changes?after=SEQ): one operation, read-only, for every role.
  auto changes = makeOperation("changes", "Wijzigingen na een journaalregel, met de geraakte records (voor een ERP dat het register volgt)",
                               Access::read,
                               {{"after", "integer", false, "de laatste journaalregel die u al kent (standaard 0: vanaf het begin)"},
                                {"limit", "integer", false, "hoeveel regels per pagina (standaard 100, hoogstens 1000)"}});
  changes.cli = {"audit", "changes"};
  changes.read = changesOp;
  changes.text = changesText;
  auto record = rs::object({{"table", rs::text()}, {"action", rs::oneOf({"insert", "close"})}},
                           {{"ids", rs::list(rs::text())}, {"rows", rs::integer()}});
  auto entry = rs::object({{"seq", rs::integer()}, {"at", rs::timestamp()}, {"actor", rs::text()}, {"operation", rs::text()},
                           {"hash", rs::text()}, {"records", rs::list(record)}},
                          {{"reason", rs::text()}, {"ids_truncated", rs::boolean()}});
  c.add(changes, rs::example(rs::object({{"entries", rs::list(entry)}, {"more", rs::boolean()}, {"next", rs::maybe(rs::integer())}}),
                             R"({"entries": [{"seq": 43, "at": "2026-12-06T08:22:05.123456Z", "actor": "t-erp", "operation": "mandate.end",
                                 "hash": "9f2c...", "records": [{"table": "mandate", "action": "close", "ids": ["m-17"]},
                                 {"table": "mandate", "action": "insert", "ids": ["m-17"]}]}], "more": false, "next": 43})"));

  c.add({.name = "audit.verify",
         .summary = "Controleer de hashketen van het journaal, de handtekeningen en elke rij van het register ertegen",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"public_key", "path", false,
                     "bestand met de publieke sleutel(s) (PEM): controleer de handtekeningen"},
                    {"public_key_pem", "string", false,
                     "de publieke sleutel(s) als PEM-tekst, in plaats van een bestand"},
                    {"checkpoint", "path", false,
                     "bestand met controlepunten (van 'audit head'): het register moet ze voortzetten"},
                    {"checkpoint_text", "string", false, "de controlepunten als tekst, in plaats van een bestand"}},
         .cli = {"audit", "verify"},
         .read = verifyOp,
         .text = verifyText,
         .result = rs::object({{"ok", rs::boolean()}, {"entries", rs::integer()}, {"head_seq", rs::integer()}, {"head_hash", rs::text()}})});
  c.add({.name = "audit.head",
         .summary = "Toon een ondertekend controlepunt van het journaal (regel, tijd, hash, sleutel, handtekening) "
                    "om buiten het register te bewaren",
         .access = Access::read,
         .roles = kAllRoles,
         .cli = {"audit", "head"},
         .read = headOp,
         .text = headText,
         .result = rs::object({{"seq", rs::integer()}, {"at", rs::timestamp()}, {"hash", rs::text()}, {"key_id", rs::maybe(rs::text())}, {"signature", rs::maybe(rs::text())}, {"checkpoint", rs::text()}})});
  c.add({.name = "audit.journal",
         .summary = "Toon journaalregels (wie, wanneer, welke operatie, waarom)",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"from", "string", false, "vanaf deze datum (Belgische kalenderdag) of dit tijdstip"},
                    {"until", "string", false, "tot en met deze datum of dit tijdstip"},
                    {"by", "string", false, "alleen de regels van deze persoon of dit systeem (zoals in de kolom 'door')"},
                    {"operation", "string", false, "alleen deze operatie (bv. mandate.correct), of een hele groep (mandate.*)"},
                    {"record", "string", false, "alleen de regels die dit record (id) aanmaakten of wijzigden"},
                    {"from_seq", "integer", false, "vanaf journaalregel"},
                    {"after", "integer", false, "na deze journaalregel (de cursor 'next' van de vorige pagina)"},
                    {"limit", "integer", false, "hoeveel regels (standaard 100)"},
                    {"csv", "boolean", false, "als CSV (puntkomma, voor een rekenblad)"}},
         .cli = {"audit", "journal"},
         .read = auditJournal,
         .text = auditJournalText,
         .result = rs::example(rs::object({{"entries", rs::list(rs::journalEntry())}, {"more", rs::boolean()}, {"next", rs::maybe(rs::integer())}}, {{"csv", rs::text()}}), R"({"entries": [{"seq": 2, "at": "2026-12-06T08:22:05.000000Z", "actor": "cli:jan", "operation": "mandate.appoint", "effects": 1, "hash": "1de42c63..."}], "more": false, "next": 2})")});
}

}  // namespace igsgov::ops
