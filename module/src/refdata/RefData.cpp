#include "refdata/RefData.hpp"

#include "core/Csv.hpp"
#include "core/Embedded.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"

#include <map>

namespace igsgov {
EmbeddedFiles embeddedRefData();
}

namespace igsgov::refdata {
namespace {

// The shipped files are comma-separated UTF-8 with a header line, read by
// core/Csv; a row with another number of fields is a build error.
std::vector<std::map<std::string, std::string>> readCsv(const std::string& name) {
  auto lines = parseCsv(std::string(embeddedRefData().get(name)), name, ',');
  std::vector<std::map<std::string, std::string>> rows;
  if (lines.empty()) return rows;
  const auto& header = lines.front().cells;
  for (std::size_t l = 1; l < lines.size(); ++l) {
    const auto& fields = lines[l].cells;
    if (fields.size() != header.size())
      throw Error(ErrorCode::internal, "referentiebestand heeft een fout aantal kolommen",
                  Place().set("file", name).set("line", std::to_string(lines[l].line)));
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

store::Value opt(const std::string& s) { return s.empty() ? store::Value{} : store::Value{s}; }

Gemeente readGemeente(const store::Statement& st) {
  Gemeente g;
  g.nis = st.text(0);
  g.name = st.text(1);
  g.provincie = st.text(2);
  g.referentieregio = st.text(3);
  g.centrumstad = st.integer(4) != 0;
  if (auto f = st.optText(5)) g.validFrom = Date::parse(*f);
  if (auto u = st.optText(6)) g.validUntil = Date::parse(*u);
  g.successorNis = st.text(7);
  return g;
}

const char* kSelect =
    "SELECT nis, name, provincie, referentieregio, centrumstad, valid_from, valid_until, successor_nis FROM ref_gemeente ";

}  // namespace

LoadSummary load(journal::Journal& journal) {
  LoadSummary summary;
  Sha256 sources;
  for (const auto& f : embeddedRefData()) sources.update(f.name).update("\n").update(f.bytes);
  summary.sourcesSha256 = sources.hexDigest();

  // Current (2025) codes.
  std::map<std::string, bool> current;
  for (auto& r : readCsv("gemeenten.csv")) {
    current[r["nis_code"]] = true;
    bool merged = r["fusie_2025"] == "ja";
    journal.insertRow("ref_gemeente", {{"nis", r["nis_code"]}, {"name", r["gemeente"]}, {"provincie", r["provincie"]},
                                       {"arrondissement", r["arrondissement"]}, {"referentieregio", r["referentieregio"]},
                                       {"centrumstad", static_cast<long long>(r["centrumstad"] == "ja")},
                                       {"valid_from", merged ? store::Value{std::string("2025-01-01")} : store::Value{}},
                                       {"valid_until", store::Value{}}, {"successor_nis", store::Value{}},
                                       {"jseq", journal.seq()}});
    journal.insertRow("ref_population", {{"nis", r["nis_code"]}, {"peildatum", r["inwoners_peildatum"]},
                                         {"inwoners", std::stoll(r["inwoners"])}, {"methode", r["inwoners_methode"]},
                                         {"jseq", journal.seq()}});
    ++summary.gemeenten;
    ++summary.populations;
  }
  // Codes that ended with the 2025 mergers (their 2024 figures stay available);
  // a merged gemeente that kept its code (Antwerpen) keeps its one current row.
  for (auto& r : readCsv("gemeenten_2024_voor_fusie.csv")) {
    const std::string& nis = r["nis_code_2024"];
    if (current.count(nis)) continue;  // same code today (possibly a larger territory)
    journal.insertRow("ref_gemeente", {{"nis", nis}, {"name", r["gemeente"]}, {"provincie", r["provincie_2024"]},
                                       {"arrondissement", store::Value{}}, {"referentieregio", store::Value{}},
                                       {"centrumstad", 0LL}, {"valid_from", store::Value{}},
                                       {"valid_until", std::string("2024-12-31")}, {"successor_nis", opt(r["nis_code_2025"])},
                                       {"jseq", journal.seq()}});
    journal.insertRow("ref_population", {{"nis", nis}, {"peildatum", std::string("2024-01-01")},
                                         {"inwoners", std::stoll(r["inwoners_2024_01_01"])},
                                         {"methode", std::string("Statbel 1/1/2024 (voor fusie)")}, {"jseq", journal.seq()}});
    ++summary.gemeenten;
    ++summary.populations;
  }
  return summary;
}

std::optional<Gemeente> findGemeente(store::Database& db, const std::string& nis, std::optional<Date> on) {
  auto& st = db.cached(std::string(kSelect) +
                       "WHERE nis = ? AND (? IS NULL OR ((valid_from IS NULL OR valid_from <= ?) AND "
                       "(valid_until IS NULL OR valid_until >= ?))) ORDER BY valid_from DESC LIMIT 1");
  st.bind(1, nis);
  if (on) st.bind(2, on->iso()).bind(3, on->iso()).bind(4, on->iso());
  if (!st.step()) return std::nullopt;
  return readGemeente(st);
}

Gemeente requireGemeente(store::Database& db, const std::string& nis, Date on, const Place& place) {
  if (auto g = findGemeente(db, nis, on)) return *g;
  auto any = db.prepare(std::string(kSelect) + "WHERE nis = ? ORDER BY valid_from DESC LIMIT 1");
  any.bind(1, nis);
  if (!any.step()) throwInvalid("onbekende NIS-code '" + nis + "'", place);
  Gemeente g = readGemeente(any);
  if (g.validUntil && *g.validUntil < on) {
    std::string msg = "NIS-code " + nis + " (" + g.name + ") bestaat niet meer sinds " +
                      dutchLongDate(g.validUntil->addDays(1));
    if (!g.successorNis.empty()) {
      auto succ = findGemeente(db, g.successorNis, on);
      msg += "; gebruik " + g.successorNis + (succ ? " (" + succ->name + ")" : "");
    }
    throwInvalid(msg, place);
  }
  throwInvalid("NIS-code " + nis + " (" + g.name + ") bestaat pas vanaf " +
                   (g.validFrom ? dutchLongDate(*g.validFrom) : std::string("later")),
               place);
}

std::optional<Population> population(store::Database& db, const std::string& nis, Date on) {
  auto st = db.prepare(
      "SELECT nis, peildatum, inwoners, methode FROM ref_population WHERE nis = ? "
      "ORDER BY (peildatum <= ?) DESC, CASE WHEN peildatum <= ? THEN peildatum END DESC, peildatum ASC LIMIT 1");
  st.bind(1, nis).bind(2, on.iso()).bind(3, on.iso());
  if (!st.step()) return std::nullopt;
  return Population{st.text(0), *Date::parse(st.text(1)), st.integer(2), st.text(3)};
}

std::vector<Gemeente> allCurrentGemeenten(store::Database& db) {
  std::vector<Gemeente> out;
  auto st = db.prepare(std::string(kSelect) + "WHERE valid_until IS NULL ORDER BY name");
  while (st.step()) out.push_back(readGemeente(st));
  return out;
}

}  // namespace igsgov::refdata
