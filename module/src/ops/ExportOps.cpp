// export.composition, export.mandates, export.members, export.findings: the
// tables people open in Excel (issue 17), as XLSX or CSV (exports/). Each
// reads the register only through the catalogue operations that show the same
// data (ops/CatalogueReads.hpp), so the export and the screen cannot differ.
// The file is written to `out` (a local caller) or returned base64 in
// `file_base64` with its media type and file name; REST answers it as the file
// itself (Operation::download). See docs/dev/exports.md.
#include "core/AtomicFile.hpp"
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "exports/Csv.hpp"
#include "exports/Sheets.hpp"
#include "exports/Xlsx.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"
#include "ops/CatalogueReads.hpp"
#include "ops/DutchText.hpp"
#include "ops/OpBuilders.hpp"
#include "ops/Scope.hpp"
#include "refdata/RefData.hpp"

#include <algorithm>
#include <cctype>

namespace igsgov::ops {

namespace {

const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const char* kCsvType = "text/csv; charset=utf-8";

const Param kFormat{"format", "string", false, "xlsx (Excel, standaard) of csv (puntkomma, UTF-8 met BOM)", "",
                    {"xlsx", "csv"}};
const Param kOut{"out", "path", false, "het bestand dat geschreven wordt (anders komt het in het antwoord)"};

std::string str(const JsonObject& o, const std::string& key) {
  if (!o || !o->has(key) || o->get(key).isEmpty()) return "";
  return o->get(key).convert<std::string>();
}

exports::Words dutchWords() {
  return [](const std::string& key, const std::string& code) { return dutchValue(key, code); };
}

// The format asked for (default xlsx); anything else is refused naming the field.
std::string formatOf(const Reader& r) {
  std::string f = r.optStr("format").value_or("xlsx");
  if (f != "xlsx" && f != "csv") r.fail("format", "kies xlsx of csv, niet '" + f + "'");
  return f;
}

// Only [A-Za-z0-9._-] in a file name; the rest becomes '_'.
std::string safeName(std::string name) {
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return name;
}

// The table as the file asked for: written to `out`, or in the answer.
JsonObject deliver(const Reader& r, const exports::Table& table, const std::string& stem, const std::string& cooperation) {
  std::string format = formatOf(r);
  std::string bytes = format == "csv" ? exports::toCsv(table) : exports::toXlsx(table);
  auto out = newObject();
  out->set("cooperation", cooperation);
  out->set("format", format);
  out->set("media_type", format == "csv" ? kCsvType : kXlsxType);
  out->set("file_name", safeName(stem) + "." + format);
  out->set("rows", static_cast<long long>(table.rows.size()));
  out->set("size", static_cast<long long>(bytes.size()));
  if (auto path = r.optStr("out")) {
    writeFileAtomically(*path, bytes);
    out->set("file", *path);
  } else {
    out->set("file_base64", base64Encode(bytes));
  }
  return out;
}

std::string exportText(const JsonObject& o) {
  std::string rows = std::to_string(o->getValue<long long>("rows")) + " rijen";
  if (o->has("file")) return "Geschreven: " + str(o, "file") + " (" + rows + ")\n";
  if (str(o, "format") == "csv")
    return base64Decode(str(o, "file_base64"), Place().set("field", "file_base64"));
  return "Excel-bestand gemaakt (" + rows + ") maar niet geschreven: geef --out BESTAND.\n";
}

JsonObject composition(store::Database& db, const Reader& r) {
  auto in = newObject();
  in->set("body", r.str("body"));
  if (auto d = r.optDate("as_of")) in->set("as_of", d->iso());
  if (auto k = r.optStr("known_at")) in->set("known_at", *k);
  return readWith(db, "body.composition", in);
}

JsonObject exportComposition(store::Database& db, const JsonObject& input) {
  Reader r(input, "export");
  r.rejectUnknown({"body", "as_of", "known_at", "format", "out"});
  auto comp = composition(db, r);
  auto body = comp->getObject("body");
  std::string stem = "samenstelling-" + str(body, "id") + "-" + str(comp, "as_of");
  return deliver(r, exports::compositionTable(comp, dutchWords()), stem, str(body, "cooperation"));
}

JsonObject exportMandates(store::Database& db, const JsonObject& input) {
  Reader r(input, "export");
  r.rejectUnknown({"body", "format", "out"});
  std::string bodyId = r.str("body");
  auto comp = composition(db, r);  // the body exists (notFound otherwise) and names its cooperation
  std::string coopId = str(comp->getObject("body"), "cooperation");
  auto cin = newObject();
  cin->set("id", coopId);
  auto coop = readWith(db, "cooperation.show", cin);
  exports::SeatHistories h;
  auto members = coop->getArray("members");
  for (std::size_t i = 0; members && i < members->size(); ++i) {
    auto m = members->getObject(static_cast<unsigned>(i));
    h.memberNames[str(m, "id")] = str(m, "name");
  }
  auto persons = readWith(db, "person.list", newObject())->getArray("persons");
  for (std::size_t i = 0; persons && i < persons->size(); ++i) {
    auto p = persons->getObject(static_cast<unsigned>(i));
    h.personNames[str(p, "id")] = str(p, "name");
  }
  auto bodies = coop->getArray("bodies");
  for (std::size_t i = 0; bodies && i < bodies->size(); ++i) {
    auto b = bodies->getObject(static_cast<unsigned>(i));
    if (str(b, "id") != bodyId) continue;
    h.body = b;
    auto seats = b->getArray("seats");
    for (std::size_t k = 0; seats && k < seats->size(); ++k) {
      auto sin = newObject();
      sin->set("id", str(seats->getObject(static_cast<unsigned>(k)), "id"));
      h.seats.push_back(readWith(db, "seat.history", sin));
    }
  }
  return deliver(r, exports::mandatesTable(h, dutchWords()), "mandaten-" + bodyId, coopId);
}

// The years with a schedule of the key (contribution.list of the cooperation);
// nullopt when the key is not one of the cooperation's.
std::optional<std::vector<long long>> scheduleYears(store::Database& db, const std::string& coopId,
                                                    const std::string& key) {
  auto in = newObject();
  in->set("cooperation", coopId);
  auto keys = readWith(db, "contribution.list", in)->getArray("keys");
  for (std::size_t i = 0; keys && i < keys->size(); ++i) {
    auto k = keys->getObject(static_cast<unsigned>(i));
    if (str(k, "id") != key) continue;
    std::vector<long long> out;
    auto years = k->isArray("schedule_years") ? k->getArray("schedule_years") : JsonArray();
    for (std::size_t y = 0; years && y < years->size(); ++y)
      out.push_back(years->get(static_cast<unsigned>(y)).convert<long long>());
    return out;
  }
  return std::nullopt;
}

JsonObject exportMembers(store::Database& db, const JsonObject& input) {
  Reader r(input, "export");
  r.rejectUnknown({"cooperation", "key", "year", "population_date", "format", "out"});
  std::string coopId = r.str("cooperation");
  auto cin = newObject();
  cin->set("id", coopId);
  auto coop = readWith(db, "cooperation.show", cin);
  auto key = r.optStr("key");
  auto year = r.optInteger("year");
  if (year && !key) r.fail("year", "geef ook de verdeelsleutel ('key') van het bijdrageschema");
  if (key && r.has("population_date"))
    r.fail("population_date", "met een bijdrageschema komen de inwoners uit het schema; laat de peildatum weg");
  JsonObject schedule;
  std::map<std::string, exports::Inhabitants> inhabitants;
  if (key) {
    auto years = scheduleYears(db, coopId, *key);
    if (!years) r.fail("key", "verdeelsleutel '" + *key + "' hoort niet bij samenwerkingsverband '" + coopId + "'");
    if (!year && !years->empty()) year = *std::max_element(years->begin(), years->end());
    if (!year) r.fail("key", "verdeelsleutel '" + *key + "' heeft nog geen bijdrageschema");
    auto sin = newObject();
    sin->set("key", *key);
    sin->set("year", *year);
    schedule = readWith(db, "contribution.show", sin);
    std::string peildatum = str(schedule, "population_date");
    auto yearsIn = schedule->getObject("schedule")->getObject("inputs")->getArray("years");
    for (std::size_t i = 0; yearsIn && i < yearsIn->size(); ++i) {
      auto y = yearsIn->getObject(static_cast<unsigned>(i));
      if (str(y, "year") != std::to_string(*year) || !y->isObject("population")) continue;
      auto counts = y->getObject("population")->getObject("inhabitants");
      for (const auto& [member, count] : *counts) inhabitants[member] = {count.convert<long long>(), peildatum};
    }
  } else {
    Date on = r.optDate("population_date").value_or(Date::fromYmd(Date::today().year() - 1, 1, 1));
    auto members = coop->getArray("members");
    for (std::size_t i = 0; members && i < members->size(); ++i) {
      auto m = members->getObject(static_cast<unsigned>(i));
      if (str(m, "nis").empty()) continue;
      if (auto p = refdata::population(db, str(m, "nis"), on)) inhabitants[str(m, "id")] = {p->inwoners, p->peildatum.iso()};
    }
  }
  std::string stem = "deelnemers-" + coopId + (year ? "-" + std::to_string(*year) : "");
  return deliver(r, exports::membersTable(coop, inhabitants, schedule, dutchWords()), stem, coopId);
}

JsonObject exportFindings(store::Database& db, const JsonObject& input) {
  Reader r(input, "export");
  r.rejectUnknown({"cooperation", "as_of", "format", "out"});
  auto in = newObject();
  in->set("cooperation", r.str("cooperation"));
  if (auto d = r.optDate("as_of")) in->set("as_of", d->iso());
  auto check = readWith(db, "compliance.check", in);
  std::string stem = "bevindingen-" + r.str("cooperation") + "-" + str(check, "as_of");
  return deliver(r, exports::findingsTable(check, dutchWords()), stem, r.str("cooperation"));
}

Operation exportOp(std::string name, std::string summary, std::vector<Param> params, ReadFn fn) {
  params.push_back(kFormat);
  params.push_back(kOut);
  auto op = readOp(std::move(name), std::move(summary), std::move(params), std::move(fn), exportText);
  op.download = {"file_base64", kXlsxType, "export", ".xlsx", {kCsvType}};  // media type and name: the output's (Api.cpp)
  op.result = rs::object({{"cooperation", rs::text()},
                          {"format", rs::oneOf({"xlsx", "csv"})},
                          {"media_type", rs::text()},
                          {"file_name", rs::text()},
                          {"rows", rs::integer()},
                          {"size", rs::integer()}},
                         {{"file", rs::text()}, {"file_base64", rs::text()}});
  return op;
}

}  // namespace

void addExportOperations(Catalogue& c) {
  c.add(exportOp("export.composition",
                 "Samenstelling van een orgaan op een datum (zoals gekend op een tijdstip) als Excel- of CSV-bestand",
                 {{"body", "string", true, "id van het orgaan"},
                  {"as_of", "date", false, "datum (standaard vandaag)"},
                  {"known_at", "timestamp", false, "zoals gekend op (standaard nu)"}},
                 exportComposition));
  c.add(exportOp("export.mandates",
                 "Mandaatgeschiedenis van een orgaan (elk mandaat op elke zetel, met elke correctie en wijziging) als "
                 "Excel- of CSV-bestand",
                 {{"body", "string", true, "id van het orgaan"}}, exportMandates));
  c.add(exportOp("export.members",
                 "Deelnemers van een samenwerkingsverband met inwoners en, met een verdeelsleutel, hun bijdragen, als "
                 "Excel- of CSV-bestand",
                 {{"cooperation", "string", true, "samenwerkingsverband"},
                  {"key", "string", false, "verdeelsleutel: voegt de bijdragen van het bijdrageschema toe"},
                  {"year", "integer", false, "boekjaar van het bijdrageschema (standaard het laatste berekende)"},
                  {"population_date", "date", false,
                   "peildatum van de inwoners zonder verdeelsleutel (standaard 1 januari van vorig jaar)"}},
                 exportMembers));
  c.add(exportOp("export.findings", "Bevindingen van de regelcontrole van een samenwerkingsverband als Excel- of CSV-bestand",
                 {{"cooperation", "string", true, "samenwerkingsverband"},
                  {"as_of", "date", false, "datum van de controle (standaard vandaag)"}},
                 exportFindings));
  c.setScope("export.composition", refs({{"body", Ref::body}}));
  c.setScope("export.mandates", refs({{"body", Ref::body}}));
  c.setScope("export.members", refs({{"cooperation", Ref::cooperation}, {"key", Ref::contributionKey}}));
  c.setScope("export.findings", refs({{"cooperation", Ref::cooperation}}));
}

}  // namespace igsgov::ops
