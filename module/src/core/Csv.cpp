#include "core/Csv.hpp"

#include "core/Error.hpp"

namespace igsgov {
namespace {

[[noreturn]] void fail(const std::string& msg, const std::string& source, int line, int column) {
  Place p;
  if (!source.empty()) p.set("file", source);
  p.set("line", std::to_string(line));
  p.set("column", std::to_string(column));
  throwInvalid(msg, p);
}

bool allEmpty(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!c.empty()) return false;
  return true;
}

}  // namespace

std::vector<CsvRow> parseCsv(const std::string& text, const std::string& source, char sep) {
  std::vector<CsvRow> rows;
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  int line = 1;
  // Skips one line end at i (CRLF, LF or CR); returns true when there was one.
  auto lineEnd = [&](std::size_t& k) {
    if (k < n && text[k] == '\r') {
      ++k;
      if (k < n && text[k] == '\n') ++k;
      ++line;
      return true;
    }
    if (k < n && text[k] == '\n') {
      ++k;
      ++line;
      return true;
    }
    return false;
  };
  if (text.compare(i, 4, "sep=") == 0) {
    std::size_t k = i + 4;
    if (k < n && text[k] != '\r' && text[k] != '\n') ++k;
    if (k >= n || text[k] == '\r' || text[k] == '\n') {
      i = k;
      lineEnd(i);
    }
  }
  while (i < n) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool endOfRow = false;
    while (!endOfRow) {
      const int column = static_cast<int>(row.cells.size()) + 1;
      field.clear();
      if (i < n && text[i] == '"') {
        const int startLine = line;
        ++i;
        for (;;) {
          if (i >= n) fail("aanhalingsteken niet afgesloten", source, startLine, column);
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\r' || c == '\n') {
            // keep the line break as written, normalised to LF
            std::size_t k = i;
            lineEnd(k);
            field.push_back('\n');
            i = k;
            continue;
          }
          field.push_back(c);
          ++i;
        }
        if (i < n && text[i] != sep && text[i] != '\r' && text[i] != '\n')
          fail("tekst na het afsluitende aanhalingsteken", source, line, column);
      } else {
        while (i < n && text[i] != sep && text[i] != '\r' && text[i] != '\n') {
          if (text[i] == '"') fail("aanhalingsteken midden in een veld zonder aanhalingstekens", source, line, column);
          field.push_back(text[i++]);
        }
      }
      row.cells.push_back(field);
      if (i < n && text[i] == sep) {
        ++i;
      } else {
        lineEnd(i);
        endOfRow = true;
      }
    }
    if (!allEmpty(row.cells)) rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

std::string quoted(const std::string& field) {
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string csvQuote(const std::string& field, char sep) {
  bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ');
  for (char c : field)
    if (c == sep || c == '"' || c == '\r' || c == '\n') quote = true;
  return quote ? quoted(field) : field;
}

std::string writeCsv(const std::vector<std::vector<std::string>>& rows, char sep) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k) out.push_back(sep);
      // At the very start, "sep=..." would be read (by Excel and parseCsv) as the separator line.
      bool likeSepLine = &row == &rows.front() && k == 0 && row[k].compare(0, 4, "sep=") == 0;
      out += likeSepLine ? quoted(row[k]) : csvQuote(row[k], sep);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace igsgov
