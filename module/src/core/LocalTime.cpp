#include "core/LocalTime.hpp"

#include <cstdio>

namespace igsgov {
namespace {

constexpr Micros kMicrosPerDay = 86'400'000'000LL;
constexpr Micros kMicrosPerHour = 3'600'000'000LL;

// 01:00 UTC on the last Sunday of the month (1970-01-01 was a Thursday).
Micros lastSundayOneUtc(int year, int month) {
  Date last = (month == 12 ? Date::fromYmd(year + 1, 1, 1) : Date::fromYmd(year, month + 1, 1)).addDays(-1);
  int weekday = ((last.days() % 7) + 7 + 4) % 7;  // 0 = Sunday
  Date sunday = last.addDays(-weekday);
  return static_cast<Micros>(sunday.days()) * kMicrosPerDay + kMicrosPerHour;
}

Micros floorDiv(Micros a, Micros b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int brusselsOffsetMinutes(Micros utc) {
  int year = Date().addDays(static_cast<int>(floorDiv(utc, kMicrosPerDay))).year();
  bool summer = utc >= lastSundayOneUtc(year, 3) && utc < lastSundayOneUtc(year, 10);
  return summer ? 120 : 60;
}

LocalDateTime brusselsLocal(Micros utc) {
  Micros local = utc + static_cast<Micros>(brusselsOffsetMinutes(utc)) * 60'000'000LL;
  Micros day = floorDiv(local, kMicrosPerDay);
  Micros secondsOfDay = (local - day * kMicrosPerDay) / 1'000'000;
  LocalDateTime t;
  t.date = Date().addDays(static_cast<int>(day));
  t.hour = static_cast<int>(secondsOfDay / 3600);
  t.minute = static_cast<int>(secondsOfDay / 60 % 60);
  t.second = static_cast<int>(secondsOfDay % 60);
  return t;
}

std::string dutchDateTime(Micros utc) {
  LocalDateTime t = brusselsLocal(utc);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", t.hour, t.minute);
  return dutchLongDate(t.date) + " om " + clock;
}

std::string dutchDateTime(const std::string& timestamp) {
  auto us = parseTimestamp(timestamp);
  return us ? dutchDateTime(*us) : timestamp;
}

}  // namespace igsgov
