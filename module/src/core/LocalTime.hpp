// LocalTime: record times (UTC instants, core/Timestamp.hpp) as the people of
// a Flemish gemeente read them: in Belgian legal time (Europe/Brussels).
//
// Belgian time is CET (UTC+1) and, from the last Sunday of March 01:00 UTC to
// the last Sunday of October 01:00 UTC, CEST (UTC+2): the rule of EU
// directive 2000/84/EC, computed here, so no time zone database is read and
// the result does not depend on the host's TZ. Pure functions; thread-safe.
#pragma once

#include "core/Date.hpp"
#include "core/Timestamp.hpp"

#include <string>

namespace igsgov {

// The offset of Belgian time from UTC at an instant, in minutes (60 or 120).
int brusselsOffsetMinutes(Micros utc);

struct LocalDateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
};
LocalDateTime brusselsLocal(Micros utc);

// "6 december 2026 om 08:22" (Dutch long date, 24-hour clock, Belgian time).
std::string dutchDateTime(Micros utc);
// The same for a stored timestamp text; the text itself when it does not parse.
std::string dutchDateTime(const std::string& timestamp);

}  // namespace igsgov
