// TimeZone: civil (wall-clock) time of a named zone such as Europe/Brussels,
// read from the system's zoneinfo (TZif files, RFC 8536; Debian package
// tzdata), so pages show the time a Belgian reads on the clock, summer time
// included, instead of the register's UTC.
//
// The file's 64-bit transitions are used up to the last one; later instants
// follow the POSIX TZ rule in the file's footer (e.g. "CET-1CEST,M3.5.0,M10.5.0/3"),
// of which the "Mm.w.d[/time]" rules are supported (what every European zone uses).
//
// Failure: load() throws Error(io) naming the file when it is missing, and
// Error(invalid) naming the file when it is not a TZif v2+ file or its footer
// rule is of an unsupported form. Thread safety: an immutable value after
// load(); share it freely between threads.
#pragma once

#include "core/Date.hpp"
#include "core/Timestamp.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace igsgov {

struct LocalTime {
  Date date;
  int hour = 0, minute = 0, second = 0;
  int offsetSeconds = 0;  // east of UTC: 3600 in winter, 7200 in summer for Brussels
};

class TimeZone {
public:
  static constexpr const char* kZoneinfo = "/usr/share/zoneinfo";
  // Reads <dir>/<name>.
  static TimeZone load(const std::string& name, const std::string& dir = kZoneinfo);

  const std::string& name() const { return name_; }
  // Offset from UTC in seconds at the instant `utc`.
  int offsetAt(Micros utc) const;
  LocalTime local(Micros utc) const;
  // The instant of a wall-clock time. In the autumn's repeated hour the first
  // (summer-time) instant; a time in the spring's skipped hour is read with the
  // offset before the jump (02:30 becomes 03:30 summer time), as a clock would.
  Micros utcOf(const Date& day, int hour, int minute) const;

  struct Rule {  // the footer's "Mm.w.d/time": day d (0 = Sunday) of week w (5 = last) of month m
    int month = 0, week = 0, weekday = 0, seconds = 7200;
  };

private:
  std::string name_;
  std::vector<std::int64_t> transitions_;  // seconds since the epoch, ascending
  std::vector<int> offsetAfter_;           // offset in force from transitions_[i] on
  int offsetBefore_ = 0;                   // before the first transition
  bool footerDst_ = false;                 // the footer has a summer-time rule
  int footerStd_ = 0, footerDstOffset_ = 0;
  Rule dstStart_, dstEnd_;
  std::int64_t lastTransition_ = 0;
};

// "6 december 2026 om 09:15" in the zone (minutes, no seconds).
std::string dutchDateTime(Micros utc, const TimeZone& zone);
// A datetime-local value "2026-12-06T09:15" in the zone.
std::string localInputValue(Micros utc, const TimeZone& zone);

}  // namespace igsgov
