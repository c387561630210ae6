// Reading a Table's cells in their column's canonical form (Table.hpp), shared
// by the CSV and XLSX writers. A cell that is not of its kind is a defect of
// the code that built the table: Error(internal) naming the table, row
// (1-based, the header is row 1) and column heading. Pure functions.
#pragma once

#include "core/Date.hpp"
#include "exports/Table.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace igsgov::exports {

struct CellTime {
  std::string date;  // "YYYY-MM-DD"
  std::string time;  // "HH:MM:SS" (UTC)
  int hour = 0, minute = 0, second = 0;
};

// The row, checked to have one cell per column.
const std::vector<std::string>& checkedRow(const Table& t, std::size_t row);
Date cellDate(const Table& t, std::size_t row, std::size_t col);
CellTime cellTimestamp(const Table& t, std::size_t row, std::size_t col);
std::int64_t cellInteger(const Table& t, std::size_t row, std::size_t col);

}  // namespace igsgov::exports
