#include "finance/PlanCsv.hpp"

#include "core/Csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace igsgov::finance {
namespace {

enum Col { niveau, code, bovenliggend, titel, prioritair, beleidsveld, koppeling, boekjaar, firstAmount };
constexpr int kColumns = 14;
const std::array<const char*, kColumns> kHeaders = {
    "niveau", "code", "bovenliggend", "titel", "prioritair", "beleidsveld", "koppeling_igs", "boekjaar",
    "exploitatie_uitgaven", "exploitatie_ontvangsten", "investeringen_uitgaven", "investeringen_ontvangsten",
    "financiering_uitgaven", "financiering_ontvangsten"};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class RowReader {
public:
  RowReader(const std::string& source, const CsvRow& row, const std::array<int, kColumns>& index)
      : source_(source), row_(row), index_(index) {}

  std::string cell(int col) const {
    std::size_t k = static_cast<std::size_t>(index_[col]);
    return k < row_.cells.size() ? trim(row_.cells[k]) : "";
  }
  Place place(int col) const {
    Place p;
    if (!source_.empty()) p.set("file", source_);
    p.set("line", std::to_string(row_.line));
    p.set("column", std::to_string(index_[col] + 1));
    p.set("field", std::string("'") + kHeaders[col] + "'");
    return p;
  }
  [[noreturn]] void fail(int col, const std::string& msg) const { throwInvalid(msg, place(col)); }

private:
  const std::string& source_;
  const CsvRow& row_;
  const std::array<int, kColumns>& index_;
};

bool parseFlag(const std::string& s, bool& out) {
  std::string v = lower(s);
  if (v.empty() || v == "nee" || v == "n" || v == "0" || v == "onwaar" || v == "false") return out = false, true;
  if (v == "ja" || v == "j" || v == "1" || v == "waar" || v == "true") return out = true, true;
  return false;
}

std::string linkText(const std::optional<IgsLink>& l) {
  return l ? l->igsId + ":" + l->doelstellingCode : "";
}

}  // namespace

Plan planFromCsv(const std::string& text, const PlanHeader& header, const std::string& source) {
  auto rows = parseCsv(text, source);
  Place filePlace;
  if (!source.empty()) filePlace.set("file", source);
  if (rows.empty()) throwInvalid("het bestand is leeg: een kopregel met de kolomnamen ontbreekt", filePlace);

  // Header row: every known column exactly once, nothing else.
  std::array<int, kColumns> index;
  index.fill(-1);
  const auto& head = rows.front();
  for (std::size_t k = 0; k < head.cells.size(); ++k) {
    std::string name = lower(trim(head.cells[k]));
    Place p = filePlace;
    p.set("line", std::to_string(head.line)).set("column", std::to_string(k + 1));
    if (name.empty()) {
      throwInvalid("lege kolomnaam", p);
    }
    auto it = std::find(kHeaders.begin(), kHeaders.end(), name);
    if (it == kHeaders.end()) throwInvalid("onbekende kolom '" + head.cells[k] + "'", p);
    int col = static_cast<int>(it - kHeaders.begin());
    if (index[col] >= 0) throwInvalid("kolom '" + name + "' komt twee keer voor", p);
    index[col] = static_cast<int>(k);
  }
  for (int col = 0; col < kColumns; ++col)
    if (index[col] < 0)
      throwInvalid(std::string("kolom '") + kHeaders[col] + "' ontbreekt in de kopregel",
                   Place(filePlace).set("line", std::to_string(head.line)));

  Plan plan;
  plan.owner = header.owner;
  plan.period = header.period;
  plan.version = header.version;
  plan.versionLabel = header.versionLabel;
  std::map<std::string, std::pair<std::size_t, int>> seen;  // code → (item index, first line)
  std::map<std::string, bool> hasEmptyYearRow;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    RowReader rr(source, row, index);
    if (row.cells.size() > static_cast<std::size_t>(kColumns))
      for (std::size_t k = kColumns; k < row.cells.size(); ++k)
        if (!trim(row.cells[k]).empty()) {
          Place p = filePlace;
          p.set("line", std::to_string(row.line)).set("column", std::to_string(k + 1));
          throwInvalid("waarde in een kolom zonder kolomnaam", p);
        }
    PlanItem item;
    auto lvl = levelFromName(lower(rr.cell(niveau)));
    if (!lvl) rr.fail(niveau, "niveau '" + rr.cell(niveau) + "' onbekend (doelstelling, actieplan of actie)");
    item.level = *lvl;
    item.code = rr.cell(code);
    if (item.code.empty()) rr.fail(code, "code ontbreekt");
    item.parentCode = rr.cell(bovenliggend);
    item.title = rr.cell(titel);
    if (item.title.empty()) rr.fail(titel, "titel ontbreekt");
    if (!parseFlag(rr.cell(prioritair), item.prioritair))
      rr.fail(prioritair, "'" + rr.cell(prioritair) + "' is geen ja of nee");
    item.beleidsveld = rr.cell(beleidsveld);
    if (std::string l = rr.cell(koppeling); !l.empty()) {
      auto colon = l.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == l.size())
        rr.fail(koppeling, "'" + l + "' is geen koppeling van de vorm <igs>:<code>");
      item.igsLink = IgsLink{trim(l.substr(0, colon)), trim(l.substr(colon + 1))};
    }

    std::string yearText = rr.cell(boekjaar);
    std::optional<int> year;
    if (!yearText.empty()) {
      if (yearText.size() != 4 || !std::all_of(yearText.begin(), yearText.end(), ::isdigit))
        rr.fail(boekjaar, "'" + yearText + "' is geen boekjaar");
      year = std::stoi(yearText);
      if (!plan.period.contains(*year))
        rr.fail(boekjaar, "boekjaar " + yearText + " valt buiten de planperiode " + plan.period.text());
    }
    YearAmounts amounts;
    for (int k = 0; k < 6; ++k) {
      std::string a = rr.cell(firstAmount + k);
      if (a.empty()) continue;
      if (!year) rr.fail(firstAmount + k, "bedrag zonder boekjaar");
      amounts.cells[k] = parseAmount(a, rr.place(firstAmount + k));
    }

    auto it = seen.find(item.code);
    if (it == seen.end()) {
      seen[item.code] = {plan.items.size(), row.line};
      if (year) item.amounts[*year] = amounts;
      else hasEmptyYearRow[item.code] = true;
      plan.items.push_back(std::move(item));
      continue;
    }
    PlanItem& known = plan.items[it->second.first];
    const std::string first = " (anders dan op regel " + std::to_string(it->second.second) + ")";
    if (known.level != item.level) rr.fail(niveau, "niveau van '" + item.code + "' verschilt" + first);
    if (known.parentCode != item.parentCode) rr.fail(bovenliggend, "bovenliggend item verschilt" + first);
    if (known.title != item.title) rr.fail(titel, "titel verschilt" + first);
    if (known.prioritair != item.prioritair) rr.fail(prioritair, "prioritair verschilt" + first);
    if (known.beleidsveld != item.beleidsveld) rr.fail(beleidsveld, "beleidsveld verschilt" + first);
    if (known.igsLink != item.igsLink) rr.fail(koppeling, "koppeling met de IGS verschilt" + first);
    if (!year || hasEmptyYearRow[item.code])
      rr.fail(boekjaar, "een item zonder boekjaar mag maar één regel hebben" + first);
    if (known.amounts.count(*year)) rr.fail(boekjaar, "boekjaar " + yearText + " staat twee keer bij '" + item.code + "'");
    known.amounts[*year] = amounts;
  }
  try {
    validatePlan(plan);
  } catch (const Error& e) {
    // Point at the first line of the item the validation names.
    Place p = e.place();
    if (!source.empty()) p.set("file", source);
    for (const auto& item : plan.items)
      if (p.fields.count("record") && p.fields.at("record") == itemLabel(item))
        p.set("line", std::to_string(seen[item.code].second));
    if (p.fields.count("field"))
      for (int col = 0; col < kColumns; ++col)
        if (p.fields.at("field") == std::string("'") + kHeaders[col] + "'")
          p.set("column", std::to_string(index[col] + 1));
    throw Error(e.errorCode(), e.message(), p);
  }
  return plan;
}

std::string planToCsv(const Plan& plan) {
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(kHeaders.begin(), kHeaders.end());
  for (const auto& item : plan.items) {
    std::vector<std::string> base = {levelName(item.level), item.code, item.parentCode, item.title,
                                     item.prioritair ? "ja" : "nee", item.beleidsveld, linkText(item.igsLink)};
    if (item.amounts.empty()) {
      auto row = base;
      row.resize(kColumns);
      rows.push_back(row);
    }
    for (const auto& [year, a] : item.amounts) {
      auto row = base;
      row.push_back(std::to_string(year));
      for (auto c : a.cells) row.push_back(formatPlain(c));
      rows.push_back(row);
    }
  }
  return writeCsv(rows);
}

}  // namespace igsgov::finance
