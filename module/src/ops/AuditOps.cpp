// audit.verify, audit.head, audit.journal
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/Timestamp.hpp"
#include "journal/Checkpoint.hpp"
#include "journal/Verifier.hpp"
#include "ops/AuditJournal.hpp"
#include "ops/AuditReport.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"

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

}  // namespace

void addAuditOperations(Catalogue& c) {
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
                    {"limit", "integer", false, "hoeveel regels (standaard 100)"},
                    {"csv", "boolean", false, "als CSV (puntkomma, voor een rekenblad)"}},
         .cli = {"audit", "journal"},
         .read = auditJournal,
         .text = auditJournalText,
         .result = rs::example(rs::object({{"entries", rs::list(rs::journalEntry())}, {"more", rs::boolean()}}, {{"csv", rs::text()}}), R"({"entries": [{"seq": 2, "at": "2026-12-06T08:22:05.000000Z", "actor": "cli:jan", "operation": "mandate.appoint", "effects": 1, "hash": "1de42c63..."}], "more": false})")});
}

}  // namespace igsgov::ops
