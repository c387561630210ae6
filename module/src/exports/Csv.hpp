// The CSV form of a Table, as Belgian Excel opens it with a double click:
// ';'-separated, UTF-8 with BOM, CRLF, quoted where needed (core/Csv.hpp's
// writer), a header row with the Dutch headings. Amounts in the Dutch form
// "2112,50" (decimal comma, no grouping, no symbol), dates and timestamps as
// ISO "2026-12-06" / "2026-12-06 10:19:18" (UTC), which Excel reads as dates.
//
// Formula injection: a text cell that starts with '=', '+', '-', '@', a tab or
// a carriage return gets a leading apostrophe, so a spreadsheet shows it as
// text and never evaluates it (OWASP "CSV injection"). Amounts, dates and
// integers are written by us and never start with those characters except a
// negative amount's '-', which is a number and stays one.
//
// Thread safety: pure functions. Failure: Error(internal) when a row has the
// wrong number of cells or a cell is not of its column's kind.
#pragma once

#include "exports/Table.hpp"

#include <string>

namespace igsgov::exports {

std::string toCsv(const Table& table);

// The text cell as written to CSV: with a leading apostrophe when it could
// start a formula, else unchanged.
std::string neutraliseFormula(const std::string& text);

}  // namespace igsgov::exports
