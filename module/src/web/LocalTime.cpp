#include "web/LocalTime.hpp"

#include "core/Date.hpp"
#include "core/Timestamp.hpp"

#include <cstdio>

namespace igsgov::web {

namespace {

constexpr long long kMicrosPerDay = 86400LL * 1000000LL;
constexpr long long kMicrosPerHour = 3600LL * 1000000LL;

// The last Sunday of the month (days since 1970-01-01, a Thursday).
int lastSunday(int year, int month) {
  int last = Date::fromYmd(year, month, 31).days();  // March and October have 31 days
  int weekday = ((last % 7) + 7 + 4) % 7;           // 0 = Sunday
  return last - weekday;
}

long long floorDiv(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string brusselsTimeNl(const std::string& utcTimestamp) {
  if (utcTimestamp.empty()) return "";
  auto us = parseTimestamp(utcTimestamp);
  if (!us) return utcTimestamp;
  Date utcDay;
  utcDay = utcDay.addDays(static_cast<int>(floorDiv(*us, kMicrosPerDay)));
  int year = utcDay.year();
  long long summerFrom = lastSunday(year, 3) * kMicrosPerDay + kMicrosPerHour;
  long long summerUntil = lastSunday(year, 10) * kMicrosPerDay + kMicrosPerHour;
  long long local = *us + (*us >= summerFrom && *us < summerUntil ? 2 : 1) * kMicrosPerHour;
  long long day = floorDiv(local, kMicrosPerDay);
  long long inDay = local - day * kMicrosPerDay;
  Date d;
  d = d.addDays(static_cast<int>(day));
  int minutes = static_cast<int>(inDay / (60LL * 1000000LL));
  char hm[24];
  std::snprintf(hm, sizeof hm, "%02d:%02d", minutes / 60, minutes % 60);
  return dutchLongDate(d) + " om " + hm;
}

}  // namespace igsgov::web
