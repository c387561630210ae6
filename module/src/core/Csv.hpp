// Csv: semicolon-separated text as Belgian/Dutch Excel reads and writes it
// ("CSV (gescheiden door lijstscheidingsteken)").
//
// Reading: UTF-8 with or without BOM; CRLF, LF or CR line ends (mixed is fine);
// fields quoted with '"' may hold ';', line breaks and '""' for a quote; an
// optional first line "sep=;" (written by some Excel versions) is skipped.
// Rows that are entirely empty (also ";;;;") are dropped. Each row keeps the
// line number it starts on, so callers can name line and column in errors.
// Failures: Error(invalid) with the file, line and column: an unterminated
// quoted field, text after a closing quote, a quote inside an unquoted field.
//
// Writing: fields are quoted when they hold ';', '"', CR, LF or start/end with
// a space, and so is a first cell starting with "sep=" (else it reads back as
// the separator line); rows end with CRLF; writeCsv prepends a UTF-8 BOM (Excel needs it to
// read UTF-8).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

namespace igsgov {

struct CsvRow {
  int line = 0;  // 1-based line the row starts on
  std::vector<std::string> cells;
};

std::vector<CsvRow> parseCsv(const std::string& text, const std::string& source, char separator = ';');

std::string csvQuote(const std::string& field, char separator = ';');
std::string writeCsv(const std::vector<std::vector<std::string>>& rows, char separator = ';');

}  // namespace igsgov
