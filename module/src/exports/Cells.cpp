#include "exports/Cells.hpp"

#include "core/Error.hpp"

#include <charconv>

namespace igsgov::exports {

namespace {

[[noreturn]] void badCell(const Table& t, std::size_t row, std::size_t col, const std::string& what) {
  throw Error(ErrorCode::internal, "cel is geen " + what + ": '" + t.rows[row][col] + "'",
              Place().set("tabel", t.title).set("rij", std::to_string(row + 2)).set("kolom", t.columns[col].heading));
}

}  // namespace

const std::vector<std::string>& checkedRow(const Table& t, std::size_t row) {
  const auto& r = t.rows[row];
  if (r.size() != t.columns.size())
    throw Error(ErrorCode::internal,
                "rij met " + std::to_string(r.size()) + " cellen voor " + std::to_string(t.columns.size()) + " kolommen",
                Place().set("tabel", t.title).set("rij", std::to_string(row + 2)));
  return r;
}

Date cellDate(const Table& t, std::size_t row, std::size_t col) {
  auto d = Date::parse(t.rows[row][col]);
  if (!d) badCell(t, row, col, "datum");
  return *d;
}

CellTime cellTimestamp(const Table& t, std::size_t row, std::size_t col) {
  const std::string& s = t.rows[row][col];
  // "YYYY-MM-DDTHH:MM:SS" followed by an optional fraction and 'Z'.
  if (s.size() < 20 || s[10] != 'T' || s.back() != 'Z' || !Date::parse(s.substr(0, 10))) badCell(t, row, col, "tijdstip");
  CellTime out{s.substr(0, 10), s.substr(11, 8)};
  auto num = [&](std::size_t at) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + 2, v);
    if (ec != std::errc() || p != s.data() + at + 2) badCell(t, row, col, "tijdstip");
    return v;
  };
  out.hour = num(11);
  out.minute = num(14);
  out.second = num(17);
  if (s[13] != ':' || s[16] != ':' || out.hour > 23 || out.minute > 59 || out.second > 60) badCell(t, row, col, "tijdstip");
  return out;
}

std::int64_t cellInteger(const Table& t, std::size_t row, std::size_t col) {
  const std::string& s = t.rows[row][col];
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) badCell(t, row, col, "geheel getal");
  return v;
}

}  // namespace igsgov::exports
