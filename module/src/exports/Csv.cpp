#include "exports/Csv.hpp"

#include "core/Error.hpp"
#include "exports/Cells.hpp"
#include "core/Csv.hpp"
#include "finance/Money.hpp"

namespace igsgov::exports {

std::string neutraliseFormula(const std::string& text) {
  if (text.empty()) return text;
  char c = text.front();
  bool risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  return risky ? "'" + text : text;
}

std::string toCsv(const Table& table) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size() + 1);
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(neutraliseFormula(c.heading));
  rows.push_back(std::move(header));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = checkedRow(table, r);
    std::vector<std::string> out;
    out.reserve(row.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string& cell = row[c];
      if (cell.empty()) {
        out.emplace_back();
        continue;
      }
      switch (table.columns[c].kind) {
        case Kind::text: out.push_back(neutraliseFormula(cell)); break;
        case Kind::date: out.push_back(cellDate(table, r, c).iso()); break;
        case Kind::timestamp: {
          auto t = cellTimestamp(table, r, c);
          out.push_back(t.date + " " + t.time);
          break;
        }
        case Kind::amount: out.push_back(finance::formatPlain(finance::Cents{cellInteger(table, r, c)})); break;
        case Kind::integer: out.push_back(std::to_string(cellInteger(table, r, c))); break;
      }
    }
    rows.push_back(std::move(out));
  }
  return igsgov::writeCsv(rows);
}

}  // namespace igsgov::exports
