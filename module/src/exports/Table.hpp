// Table: one export as typed columns and rows of cells, the form both writers
// (Csv.hpp, Xlsx.hpp) take. A cell is text in the column's canonical form:
//   text       as is (any Unicode, line breaks, quotes)
//   date       "YYYY-MM-DD" (ISO)
//   timestamp  a register timestamp "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" (UTC)
//   amount     whole euro cents as a decimal integer ("211250" is € 2.112,50)
//   integer    a decimal integer ("84764")
// An empty cell is empty in every kind. Widths are in Excel character units.
// Plain data; no behaviour, no failure.
#pragma once

#include <string>
#include <vector>

namespace igsgov::exports {

enum class Kind { text, date, timestamp, amount, integer };

struct Column {
  std::string heading;  // Dutch
  Kind kind = Kind::text;
  double width = 14;
};

struct Table {
  std::string title;     // the worksheet's name (Dutch, at most 31 characters) and the first part of the file name
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // each row has one cell per column
};

}  // namespace igsgov::exports
