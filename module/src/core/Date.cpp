#include "core/Date.hpp"

#include "core/Error.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace igsgov {
namespace {
// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain
// description of the proleptic Gregorian calendar arithmetic).
int daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
void civilFromDays(int z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int monthLength(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : len[m - 1];
}
}  // namespace

Date Date::fromYmd(int year, int month, int day) {
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > monthLength(year, month)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    throwInvalid(std::string("onbestaande datum ") + buf);
  }
  Date d;
  d.days_ = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return d;
}

std::optional<Date> Date::parse(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto digits = [&](int at, int n) {  // all checked above to be 0-9
    int v = 0;
    for (int i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return std::nullopt;
  return fromYmd(y, m, d);
}

Date Date::today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return fromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string Date::iso() const {
  int y;
  unsigned m, d;
  civilFromDays(days_, y, m, d);
  if (y < 0 || y > 9999) {  // outside the register's dates (fromYmd refuses them); formatted as before
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
  }
  // By hand: this runs for every date an import writes, and snprintf costs ten times as much.
  std::string out = "0000-00-00";
  for (int i = 3, v = y; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}
int Date::year() const { int y; unsigned m, d; civilFromDays(days_, y, m, d); return y; }
int Date::month() const { int y; unsigned m, d; civilFromDays(days_, y, m, d); return static_cast<int>(m); }
int Date::day() const { int y; unsigned m, d; civilFromDays(days_, y, m, d); return static_cast<int>(d); }

Date Date::addYears(int n) const {
  int y = year() + n, m = month(), d = day();
  if (d > monthLength(y, m)) d = monthLength(y, m);
  return fromYmd(y, m, d);
}

std::string dutchLongDate(const Date& d) {
  static const char* months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                 "juli",    "augustus", "september", "oktober", "november", "december"};
  return std::to_string(d.day()) + " " + months[d.month() - 1] + " " + std::to_string(d.year());
}

std::string dutchShortDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}

}  // namespace igsgov
