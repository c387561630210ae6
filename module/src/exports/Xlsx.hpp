// The XLSX form of a Table, written by libxlsxwriter (Debian
// libxlsxwriter-dev): one worksheet named after the table, a bold header row
// that stays in view (frozen) with an autofilter, each column's width, dates
// and timestamps as real Excel dates (dd/mm/jjjj, dd/mm/jjjj uu:mm, UTC),
// amounts as numbers in euro with two decimals, integers as numbers, text as
// text (a string cell is never evaluated as a formula, so it is written as it is).
//
// libxlsxwriter 1.1.4 writes to a file only: the workbook is written in a
// private TempDir (core/AtomicFile.hpp) and read back.
// Thread safety: independent calls are independent (no shared state).
// Failure: Error(invalid) for text beyond Excel's 32767 characters per cell,
// naming row and column; Error(io) when the temporary file cannot be written;
// Error(internal) for a cell not of its column's kind.
#pragma once

#include "exports/Table.hpp"

#include <string>

namespace igsgov::exports {

std::string toXlsx(const Table& table);

}  // namespace igsgov::exports
