#include "exports/Xlsx.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "exports/Cells.hpp"

#include <xlsxwriter.h>

#include <memory>

namespace igsgov::exports {

namespace {

constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit per cell

// The workbook, closed (and so written) exactly once.
struct Workbook {
  lxw_workbook* wb = nullptr;
  ~Workbook() {
    if (wb) workbook_close(wb);  // after a failure: frees it; the file is thrown away with the TempDir
  }
  lxw_error close() {
    lxw_error e = workbook_close(wb);
    wb = nullptr;
    return e;
  }
};

lxw_format* format(lxw_workbook* wb, const char* numberFormat) {
  lxw_format* f = workbook_add_format(wb);
  if (numberFormat) format_set_num_format(f, numberFormat);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void check(lxw_error e, const Table& t, std::size_t row, std::size_t col) {
  if (e == LXW_NO_ERROR) return;
  Place place = Place().set("tabel", t.title).set("rij", std::to_string(row + 2)).set("kolom", t.columns[col].heading);
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    throw Error(ErrorCode::invalid, "tekst te lang voor één cel van Excel (meer dan 32767 tekens)", place);
  throw Error(ErrorCode::internal, std::string("libxlsxwriter: ") + lxw_strerror(e), place);
}

}  // namespace

std::string toXlsx(const Table& table) {
  TempDir dir;
  std::string path = dir.path() + "/export.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::string tmp = dir.path();
  options.tmpdir = tmp.data();
  Workbook book;
  book.wb = workbook_new_opt(path.c_str(), &options);
  if (!book.wb) throw Error(ErrorCode::io, "het Excel-bestand kan niet aangemaakt worden", Place().set("file", path));
  lxw_worksheet* ws = workbook_add_worksheet(book.wb, table.title.c_str());
  if (!ws) throw Error(ErrorCode::internal, "ongeldige naam voor een werkblad", Place().set("tabel", table.title));

  lxw_format* header = workbook_add_format(book.wb);
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* text = format(book.wb, nullptr);
  format_set_text_wrap(text);
  lxw_format* date = format(book.wb, "dd/mm/yyyy");
  lxw_format* stamp = format(book.wb, "dd/mm/yyyy hh:mm:ss");
  lxw_format* euro = format(book.wb, "[$\xE2\x82\xAC-813] #,##0.00;-[$\xE2\x82\xAC-813] #,##0.00");
  lxw_format* integer = format(book.wb, "#,##0");

  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, table.columns[c].width, nullptr), table, 0, c);
    check(worksheet_write_string(ws, 0, col, table.columns[c].heading.c_str(), header), table, 0, c);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = checkedRow(table, r);
    auto xr = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      auto xc = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      switch (table.columns[c].kind) {
        case Kind::text:
          if (row[c].size() > kMaxCellChars) e = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
          else e = worksheet_write_string(ws, xr, xc, row[c].c_str(), text);
          break;
        case Kind::date: {
          Date d = cellDate(table, r, c);
          lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0};
          e = worksheet_write_datetime(ws, xr, xc, &dt, date);
          break;
        }
        case Kind::timestamp: {
          auto t = cellTimestamp(table, r, c);
          Date d = *Date::parse(t.date);
          lxw_datetime dt{d.year(), d.month(), d.day(), t.hour, t.minute, static_cast<double>(t.second)};
          e = worksheet_write_datetime(ws, xr, xc, &dt, stamp);
          break;
        }
        case Kind::amount:
          e = worksheet_write_number(ws, xr, xc, static_cast<double>(cellInteger(table, r, c)) / 100.0, euro);
          break;
        case Kind::integer:
          e = worksheet_write_number(ws, xr, xc, static_cast<double>(cellInteger(table, r, c)), integer);
          break;
      }
      check(e, table, r, c);
    }
  }
  if (!table.columns.empty()) {
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                               static_cast<lxw_col_t>(table.columns.size() - 1)),
          table, 0, 0);
  }
  lxw_error e = book.close();
  if (e != LXW_NO_ERROR)
    throw Error(ErrorCode::io, std::string("het Excel-bestand kan niet geschreven worden: ") + lxw_strerror(e),
                Place().set("tabel", table.title));
  auto bytes = readFileBytes(path);
  if (!bytes) throw Error(ErrorCode::io, "het Excel-bestand kan niet gelezen worden", Place().set("file", path));
  return std::move(*bytes);
}

}  // namespace igsgov::exports
