// audit.pack, audit.pack-verify: the auditor's evidence pack (docs/dev/evidence.md).
#include "core/AtomicFile.hpp"
#include "core/Base64.hpp"
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "evidence/Pack.hpp"
#include "evidence/PackReadme.hpp"
#include "core/Csv.hpp"
#include "governance/FileStore.hpp"
#include "journal/Checkpoint.hpp"
#include "ops/Scope.hpp"
#include "ops/AuditReport.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"
#include "ops/CatalogueReads.hpp"

#include <Poco/File.h>

#include <cctype>
#include <set>
#include <sstream>

namespace igsgov::ops {

namespace {

constexpr std::size_t kMaxPemBytes = 64 * 1024;
constexpr std::size_t kMaxPackBytes = 1024u << 20;

std::string pemFile(const std::string& path, const std::string& field) {
  Place place = Place().set("field", "'" + field + "'").set("file", path);
  Poco::File file(path);
  if (!file.exists() || !file.isFile()) throwNotFound("bestand niet gevonden", place);
  if (file.getSize() > kMaxPemBytes) throwInvalid("het bestand is te groot voor een sleutel of certificaat", place);
  auto bytes = readFileBytes(path);
  if (!bytes) throw Error(ErrorCode::io, "het bestand kan niet gelezen worden", place);
  return *bytes;
}

std::string s(const JsonObject& o, const char* key) {
  return o->has(key) && !o->isNull(key) ? o->get(key).convert<std::string>() : std::string();
}

// A file name in the pack from a register id: ids are free text, pack names are
// [A-Za-z0-9._-] (so manifest lines stay unambiguous); a name made twice gets -2, -3, ...
class PackNames {
public:
  std::string make(const std::string& folder, const std::string& id, const std::string& ext) {
    std::string base;
    for (char c : id) base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    if (base.empty()) base = "_";
    std::string name = folder + base + ext;
    for (int n = 2; !used_.insert(name).second; ++n) name = folder + base + "-" + std::to_string(n) + ext;
    return name;
  }

private:
  std::set<std::string> used_;
};

struct Period {
  std::optional<Date> from;
  Date until;
  bool contains(const std::string& iso) const {
    auto d = Date::parse(iso.substr(0, 10));
    return d && (!from || *d >= *from) && *d <= until;
  }
  // A version, mandate or body valid from `start` to `end` (inclusive, empty: open) overlaps the period.
  bool overlaps(const std::string& start, const std::string& end) const {
    if (!start.empty() && start > until.iso()) return false;
    return end.empty() || !from || end >= from->iso();
  }
};

// journaal/: the entries of the period, the result of audit verify, the chain head.
void addJournal(store::Database& db, const Period& period, std::vector<evidence::PackFile>& files, JsonObject& summary) {
  auto st = db.prepare(
      "SELECT seq, at, actor, operation, COALESCE(reason, ''), effect_count, prev_hash, hash, COALESCE(key_id, ''), "
      "COALESCE(signature, '') FROM journal ORDER BY seq");
  auto list = newArray();
  std::vector<std::vector<std::string>> rows{
      {"regel", "tijdstip", "wie", "operatie", "reden", "wijzigingen", "vorige hash", "hash", "sleutel", "handtekening"}};
  while (st.step()) {
    if (!period.contains(st.text(1))) continue;
    auto e = newObject();
    e->set("seq", st.integer(0));
    e->set("at", st.text(1));
    e->set("actor", st.text(2));
    e->set("operation", st.text(3));
    if (!st.text(4).empty()) e->set("reason", st.text(4));
    e->set("effects", st.integer(5));
    e->set("prev_hash", st.text(6));
    e->set("hash", st.text(7));
    if (!st.text(8).empty()) e->set("key_id", st.text(8));
    if (!st.text(9).empty()) e->set("signature", st.text(9));
    list->add(e);
    rows.push_back({std::to_string(st.integer(0)), st.text(1), st.text(2), st.text(3), st.text(4),
                    std::to_string(st.integer(5)), st.text(6), st.text(7), st.text(8), st.text(9)});
  }
  auto entries = newObject();
  entries->set("entries", list);
  files.push_back({"journaal/regels.json", toJsonText(entries, true)});
  files.push_back({"journaal/regels.csv", writeCsv(rows)});

  auto report = journal::verify(db, {});
  std::string text;
  JsonObject result;
  if (report.ok) {
    result = verifyReportJson(report, 0);
    text = verifyText(result);
  } else {
    result = newObject();
    result->set("ok", false);
    auto problems = newArray();
    text = "Journaal NIET intact: " + std::to_string(report.problems.size()) + " probleem/problemen.\n";
    for (const auto& p : report.problems) {
      auto o = newObject();
      o->set("message", p.message);
      if (p.seq) o->set("seq", p.seq);
      if (!p.table.empty()) o->set("table", p.table);
      if (p.rowId) o->set("row", p.rowId);
      if (!p.column.empty()) o->set("column", p.column);
      problems->add(o);
      text += "- " + p.message + (p.seq ? " (journaalregel " + std::to_string(p.seq) + ")" : "") +
              (p.table.empty() ? "" : " (tabel " + p.table + ")") + "\n";
    }
    result->set("problems", problems);
  }
  files.push_back({"journaal/controle.json", toJsonText(result, true)});
  files.push_back({"journaal/controle.txt", text});
  summary->set("journal_intact", report.ok);
  summary->set("journal_entries_in_period", static_cast<long long>(list->size()));

  auto head = readWith(db, "audit.head", newObject());
  files.push_back({"journaal/controlepunt.txt", textWith("audit.head", head)});
  summary->set("head_seq", head->get("seq"));
  summary->set("head_hash", head->get("hash"));
  summary->set("head_signed", !head->isNull("signature"));
}

// bestuur/: each body's composition on the first day of the period and on every date it changed.
void addBoards(store::Database& db, const JsonObject& coop, const Period& period,
               std::vector<evidence::PackFile>& files, PackNames& names) {
  auto bodies = coop->getArray("bodies");
  for (std::size_t i = 0; bodies && i < bodies->size(); ++i) {
    auto body = bodies->getObject(static_cast<unsigned>(i));
    std::string id = s(body, "id");
    std::set<std::string> dates;
    // A mandate's first day and the day after its last (the day after is computed
    // here: SQLite's date(x, '+1 day') does not exist on PostgreSQL).
    auto st = db.prepare("SELECT valid_from, valid_until FROM mandate WHERE body_id = ? AND rec_to IS NULL AND retracted = 0");
    st.bind(1, id);
    auto consider = [&](const std::string& d) {
      if (period.contains(d) && (!period.from || d > period.from->iso())) dates.insert(d);
    };
    while (st.step()) {
      consider(st.text(0));
      if (auto until = Date::parse(st.text(1))) consider(until->addDays(1).iso());
    }
    if (period.from) dates.insert(period.from->iso());
    std::vector<std::vector<std::string>> rows{{"datum", "orgaan", "mandaat", "persoon", "rol", "deelnemer", "NIS",
                                                "zijde", "fractie", "stemgerechtigd", "statuut", "van", "tot",
                                                "beslissing", "beslissingsdatum", "referentie"}};
    for (const auto& date : dates) {
      auto in = newObject();
      in->set("body", id);
      in->set("as_of", date);
      auto comp = readWith(db, "body.composition", in);
      auto mandates = comp->getArray("mandates");
      for (std::size_t k = 0; mandates && k < mandates->size(); ++k) {
        auto m = mandates->getObject(static_cast<unsigned>(k));
        auto person = m->getObject("person");
        auto member = m->isObject("member") ? m->getObject("member") : JsonObject();
        auto decision = m->isObject("decision") ? m->getObject("decision") : JsonObject();
        rows.push_back({date, s(body, "name"), s(m, "mandate"), person ? s(person, "name") : "", s(m, "role_label"),
                        member ? s(member, "name") : "", member ? s(member, "nis") : "", s(m, "side"), s(m, "fractie"),
                        m->optValue<bool>("voting", false) ? "ja" : "nee", s(m, "status"), s(m, "from"), s(m, "until"),
                        decision ? s(decision, "council") : "", decision ? s(decision, "date") : "",
                        decision ? s(decision, "reference") : ""});
      }
    }
    files.push_back({names.make("bestuur/", id, ".csv"), writeCsv(rows)});
  }
}

std::string extensionOf(const std::string& mediaType) {
  if (mediaType.find("wordprocessingml") != std::string::npos) return ".docx";
  if (mediaType.find("opendocument") != std::string::npos) return ".odt";
  if (mediaType == "application/pdf") return ".pdf";
  return ".bin";
}

// statuten/: every version of a governing document that was current in the period, with its file and approvals.
long long addStatuten(store::Database& db, const std::string& coopId, const Period& period,
                      std::vector<evidence::PackFile>& files, PackNames& names) {
  auto in = newObject();
  in->set("cooperation", coopId);
  auto docs = readWith(db, "document.list", in)->getArray("documents");
  long long count = 0;
  for (std::size_t i = 0; docs && i < docs->size(); ++i) {
    std::string docId = s(docs->getObject(static_cast<unsigned>(i)), "id");
    auto hin = newObject();
    hin->set("document", docId);
    auto history = readWith(db, "document.history", hin);
    auto versions = history->getArray("versions");
    auto kept = newArray();
    std::string folder = names.make("statuten/", docId, "/");
    for (std::size_t k = 0; versions && k < versions->size(); ++k) {
      auto v = versions->getObject(static_cast<unsigned>(k));
      std::string start = s(v, "effective_from").empty() ? s(v, "submitted") : s(v, "effective_from");
      if (!period.overlaps(start, s(v, "valid_until"))) continue;
      std::string sha = s(v, "file_sha256");
      if (!sha.empty()) {
        std::string name = names.make(folder, s(v, "id"), extensionOf(s(v, "media_type")));
        files.push_back({name, governance::getFile(db, sha)});
        v->set("file_in_pack", name);
      }
      kept->add(v);
      ++count;
    }
    history->set("versions", kept);
    if (kept->size()) files.push_back({folder + "geschiedenis.json", toJsonText(history, true)});
  }
  return count;
}

// documenten/: the generated documents of the cooperation in the period, their provenance, and the file where it
// is still on disk with the same SHA-256.
long long addGenerated(store::Database& db, const std::string& coopId, const Period& period,
                       std::vector<evidence::PackFile>& files, PackNames& names) {
  auto in = newObject();
  in->set("cooperation", coopId);
  in->set("limit", 100000LL);
  auto list = readWith(db, "documents.list", in)->getArray("documents");
  auto kept = newArray();
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    if (!period.contains(s(d, "generated_at"))) continue;
    std::string path = s(d, "path");
    std::string expected = s(d, "sha256");
    if (!path.empty()) {
      auto bytes = readFileBytes(path);
      std::string ext = "." + s(d, "format");
      if (bytes && sha256Hex(*bytes) == expected) {
        std::string name = names.make("documenten/", s(d, "id"), ext == "." ? ".bin" : ext);
        files.push_back({name, *bytes});
        d->set("file_in_pack", name);
      } else {
        d->set("file_in_pack", Poco::Dynamic::Var());
        d->set("file_note", bytes ? "het bestand op schijf heeft een andere SHA-256 dan bij het maken"
                                  : "het bestand staat niet meer op zijn plaats");
      }
    }
    kept->add(d);
  }
  auto out = newObject();
  out->set("documents", kept);
  files.push_back({"documenten/herkomst.json", toJsonText(out, true)});
  return static_cast<long long>(kept->size());
}

JsonObject packOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "bewijspakket");
  r.rejectUnknown({"cooperation", "from", "until", "out", "pack_key", "pack_certificate"});
  std::string coopId = r.str("cooperation");
  Period period{r.optDate("from"), r.optDate("until").value_or(Date::today())};
  if (period.from && *period.from > period.until) r.fail("until", "ligt vóór 'from'");
  auto keyPath = r.optStr("pack_key");
  auto certPath = r.optStr("pack_certificate");
  if (keyPath.has_value() != certPath.has_value())
    r.fail(keyPath ? "pack_certificate" : "pack_key", "geef de sleutel en het certificaat samen, of geen van beide");
  auto outPath = r.optStr("out");
  std::optional<evidence::PackSigner> signer;
  if (keyPath) {
    signer = evidence::PackSigner{pemFile(*keyPath, "pack_key"), pemFile(*certPath, "pack_certificate"),
                                  Place().set("field", "'signing_key'").set("file", *keyPath),
                                  Place().set("field", "'pack_certificate'").set("file", *certPath)};
  }
  auto cin = newObject();
  cin->set("id", coopId);
  auto coop = readWith(db, "cooperation.show", cin);

  auto summary = newObject();
  summary->set("format", "igsgov-bewijspakket");
  summary->set("version", 1);
  auto coopOut = newObject();
  coopOut->set("id", coopId);
  coopOut->set("name", s(coop, "name"));
  summary->set("cooperation", coopOut);
  summary->set("from", period.from ? Poco::Dynamic::Var(period.from->iso()) : Poco::Dynamic::Var());
  summary->set("until", period.until.iso());
  Micros now = nowMicros();
  summary->set("made_at", formatTimestamp(now));

  std::vector<evidence::PackFile> files;
  PackNames names;
  addJournal(db, period, files, summary);
  addBoards(db, coop, period, files, names);
  summary->set("governing_document_versions", addStatuten(db, coopId, period, files, names));
  auto fin = newObject();
  fin->set("cooperation", coopId);
  fin->set("as_of", period.until.iso());
  auto findings = readWith(db, "compliance.check", fin);
  findings->remove("exit_code");
  files.push_back({"bevindingen/bevindingen.json", toJsonText(findings, true)});
  files.push_back({"bevindingen/bevindingen.txt", textWith("compliance.check", findings)});
  summary->set("generated_documents", addGenerated(db, coopId, period, files, names));
  summary->set("signed", signer.has_value());
  files.push_back({"pakket.json", toJsonText(summary, true)});
  files.push_back({"LEESMIJ.txt", evidence::packReadme(summary)});

  auto built = evidence::buildPack(std::move(files), signer, now / 1000000);
  if (built.zip.size() > kMaxPackBytes) throwInvalid("het bewijspakket wordt te groot; kies een kortere periode", r.place("from"));
  auto out = newObject();
  out->set("cooperation", coopId);
  out->set("from", summary->get("from"));
  out->set("until", period.until.iso());
  out->set("files", built.files);
  out->set("size", static_cast<long long>(built.zip.size()));
  out->set("sha256", sha256Hex(built.zip));
  out->set("manifest_sha256", built.manifestSha256);
  out->set("signed", signer.has_value());
  if (signer) out->set("certificate_fingerprint", built.fingerprint);
  out->set("journal_intact", summary->get("journal_intact"));
  if (outPath) {
    writeFileAtomically(*outPath, built.zip);
    out->set("file", *outPath);
  } else {
    out->set("zip_base64", base64Encode(built.zip));
  }
  return out;
}

std::string packText(const JsonObject& o) {
  std::ostringstream os;
  if (o->has("file")) os << "Bewijspakket geschreven: " << s(o, "file") << "\n";
  else os << "Bewijspakket gemaakt (niet naar een bestand geschreven: geef --out).\n";
  os << "Samenwerkingsverband " << s(o, "cooperation") << ", periode "
     << (s(o, "from").empty() ? "vanaf het begin" : "van " + dutchLongDate(*Date::parse(s(o, "from"))))
     << " tot en met " << dutchLongDate(*Date::parse(s(o, "until"))) << ".\n";
  os << o->getValue<long long>("files") << " bestanden, " << o->getValue<long long>("size") << " bytes, SHA-256 "
     << s(o, "sha256") << ".\n";
  os << (o->getValue<bool>("journal_intact") ? "Het journaal is intact.\n"
                                             : "OPGELET: het journaal is NIET intact (zie journaal/controle.txt).\n");
  if (o->getValue<bool>("signed"))
    os << "Het manifest is ondertekend; vingerafdruk (SHA-256) van het certificaat: " << s(o, "certificate_fingerprint")
       << "\n";
  else
    os << "Het manifest is NIET ondertekend: geef --pack-key en --pack-certificate.\n";
  return os.str();
}

JsonObject packVerifyOp(store::Database&, const JsonObject& in) {
  Reader r(in, "bewijspakket");
  r.rejectUnknown({"file", "zip_base64", "certificate"});
  auto path = r.optStr("file");
  auto inline64 = r.optStr("zip_base64");
  if (path.has_value() == inline64.has_value()) r.fail("file", "geef 'file' of 'zip_base64' (één van beide)");
  std::string zip, source;
  if (path) {
    Place place = Place().set("file", *path);
    Poco::File file(*path);
    if (!file.exists() || !file.isFile()) throwNotFound("bestand niet gevonden", place);
    if (file.getSize() > kMaxPackBytes) throwInvalid("het bestand is te groot voor een bewijspakket", place);
    auto bytes = readFileBytes(*path);
    if (!bytes) throw Error(ErrorCode::io, "het bestand kan niet gelezen worden", place);
    zip = std::move(*bytes);
    source = *path;
  } else {
    zip = base64Decode(*inline64, r.place("zip_base64"));
    source = "zip_base64";
  }
  std::optional<std::string> trusted;
  if (auto cert = r.optStr("certificate")) trusted = pemFile(*cert, "certificate");
  auto check = evidence::checkPack(zip, source, trusted);
  if (!check.ok()) {
    std::string list;
    for (std::size_t i = 0; i < check.problems.size() && i < 5; ++i) list += (i ? "; " : "") + check.problems[i];
    if (check.problems.size() > 5) list += "; en nog " + std::to_string(check.problems.size() - 5);
    Place place = Place().set("file", source);
    if (!check.badFiles.empty()) place.set("bestand in het pakket", check.badFiles.front());
    throw Error(ErrorCode::integrity, "het bewijspakket is niet in orde: " + list, place);
  }
  auto out = newObject();
  out->set("ok", true);
  out->set("file", source);
  out->set("files", check.files);
  out->set("signer", check.signature.subject);
  out->set("certificate_fingerprint", check.signature.fingerprint);
  out->set("certificate_checked", trusted.has_value());
  return out;
}

std::string packVerifyText(const JsonObject& o) {
  std::string text = "Bewijspakket in orde: " + std::to_string(o->getValue<long long>("files")) +
                     " bestanden hebben de SHA-256 uit het manifest, en het manifest is ondertekend door " +
                     s(o, "signer") + ".\nVingerafdruk (SHA-256) van het certificaat: " +
                     s(o, "certificate_fingerprint") + "\n";
  if (!o->getValue<bool>("certificate_checked"))
    text += "Vergelijk die vingerafdruk met de vingerafdruk die u van het samenwerkingsverband kreeg, "
            "of geef het certificaat met --certificate.\n";
  return text;
}

}  // namespace

void addAuditPackOperations(Catalogue& c) {
  c.add({.name = "audit.pack",
         .summary = "Maak het bewijspakket voor een auditor: één ZIP met journaal, controle, bestuur, statuten, "
                    "bevindingen en documenten, met een ondertekend SHA-256-manifest",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"cooperation", "string", true, "samenwerkingsverband"},
                    {"from", "date", false, "begin van de periode (standaard: alles)"},
                    {"until", "date", false, "einde van de periode (standaard vandaag)"},
                    {"out", "path", false, "het ZIP-bestand dat geschreven wordt (anders komt het in het antwoord)"},
                    {"pack_key", "path", false, "privésleutel (PEM) waarmee het manifest ondertekend wordt",
                     "pack_key"},
                    {"pack_certificate", "path", false, "certificaat (PEM) bij die sleutel", "pack_certificate"}},
         .cli = {"audit", "pack"},
         .read = packOp,
         .text = packText,
         .download = {"zip_base64", "application/zip", "bewijspakket", ".zip"},
         .result = rs::object({{"cooperation", rs::text()}, {"files", rs::integer()}, {"sha256", rs::text()}}, {{"zip_base64", rs::text()}, {"file", rs::text()}})});
  c.add({.name = "audit.pack-verify",
         .summary = "Controleer een bewijspakket opnieuw: de SHA-256 van elk bestand en de handtekening van het manifest",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"file", "path", false, "het bewijspakket (ZIP)"},
                    {"zip_base64", "string", false, "het bewijspakket als base64, in plaats van een bestand"},
                    {"certificate", "path", false, "eis dat het manifest met dit certificaat (PEM) ondertekend is"}},
         .cli = {"audit", "pack", "verify"},
         .positional = "file",
         .read = packVerifyOp,
         .text = packVerifyText,
         .standalone = true,
         .result = rs::object({{"ok", rs::boolean()}, {"files", rs::integer()}})});
  // audit.pack keeps the whole-register scope (no setScope): the pack holds every
  // journal entry of the period, of every cooperation (with their reasons), because
  // the hash chain is checked as one. audit.pack-verify reads only the file it is given.
  c.setScope("audit.pack-verify", refs({}, Concerns::none()));
}

}  // namespace igsgov::ops
