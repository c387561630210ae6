#include "adapters/sparql/LiteralDate.hpp"

#include <cctype>

namespace igsgov::adapters::sparql {

namespace {

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Day number (since 1970-01-01) of the last Sunday of a month.
int lastSunday(int year, int month) {
  Date last = month == 12 ? Date::fromYmd(year, 12, 31) : Date::fromYmd(year, month + 1, 1).addDays(-1);
  // 1970-01-01 was a Thursday: weekday 0 = Monday ... 6 = Sunday.
  int weekday = ((last.days() % 7) + 7 + 3) % 7;
  return last.days() - ((weekday + 1) % 7);
}

// Offset of Europe/Brussels at a UTC instant (seconds since the epoch).
int brusselsOffsetSeconds(long long utc) {
  long long day = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
  Date d = Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(day));
  long long start = static_cast<long long>(lastSunday(d.year(), 3)) * 86400 + 3600;
  long long end = static_cast<long long>(lastSunday(d.year(), 10)) * 86400 + 3600;
  return (utc >= start && utc < end) ? 7200 : 3600;
}

}  // namespace

std::optional<Date> dateFromLiteral(const std::string& raw) {
  std::string s = raw;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  s = s.substr(b);
  if (s.size() < 10) return std::nullopt;
  auto date = Date::parse(s.substr(0, 10));
  if (!date) return std::nullopt;
  std::string rest = s.substr(10);
  if (rest.empty()) return date;
  if (rest[0] != 'T') {
    // xsd:date with a zone: "Z", "+hh:mm", "-hh:mm".
    int hh, mm;
    if (rest == "Z") return date;
    if ((rest[0] == '+' || rest[0] == '-') && rest.size() == 6 && digits(rest, 1, 2, hh) && rest[3] == ':' &&
        digits(rest, 4, 2, mm))
      return date;
    return std::nullopt;
  }
  int hour, minute, second;
  if (!digits(rest, 1, 2, hour) || rest.size() < 9 || rest[3] != ':' || !digits(rest, 4, 2, minute) ||
      rest[6] != ':' || !digits(rest, 7, 2, second))
    return std::nullopt;
  if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute != 0 || second != 0))) return std::nullopt;
  std::size_t pos = 9;
  if (pos < rest.size() && rest[pos] == '.') {
    ++pos;
    std::size_t startFrac = pos;
    while (pos < rest.size() && std::isdigit(static_cast<unsigned char>(rest[pos]))) ++pos;
    if (pos == startFrac) return std::nullopt;
  }
  std::string zone = rest.substr(pos);
  long long local = static_cast<long long>(date->days()) * 86400 + hour * 3600 + minute * 60 + second;
  if (zone.empty()) {
    long long day = local / 86400;  // hour 24 rolls over to the next day
    return Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(day));
  }
  long long offset = 0;
  if (zone == "Z") {
    offset = 0;
  } else {
    int zh, zm;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, zh) || zone[3] != ':' ||
        !digits(zone, 4, 2, zm) || zh > 14 || zm > 59)
      return std::nullopt;
    offset = (zh * 3600 + zm * 60) * (zone[0] == '-' ? -1 : 1);
  }
  long long utc = local - offset;
  long long brussels = utc + brusselsOffsetSeconds(utc);
  long long day = brussels >= 0 ? brussels / 86400 : (brussels - 86399) / 86400;
  return Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(day));
}

}  // namespace igsgov::adapters::sparql
