// iCalendar (RFC 5545) output of deadlines: one all-day VEVENT per deadline,
// CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence),
// TEXT values escaped (\\ \; \, \n), DTSTAMP in UTC, stable UIDs
// (Deadlines.hpp: derived from the deadline's identity, not its date), an
// optional VALARM (alarmDays > 0), CATEGORIES in Dutch (kindLabel), SEQUENCE
// and LAST-MODIFIED for a feed. Pure functions; thread-safe.
#pragma once

#include "calendar/Deadlines.hpp"

#include <string>
#include <vector>

namespace igsgov::calendar {

struct IcsOptions {
  std::string stampUtc;  // "YYYYMMDDTHHMMSSZ"; empty: now
  int alarmDays = 0;     // > 0: a display alarm this many days before
  std::string name = "igsgov termijnen";
  // A subscribed feed (igsgovd): every event carries SEQUENCE and
  // LAST-MODIFIED so a client replaces what it has, and the calendar asks to
  // be fetched again after refreshMinutes. 0 / empty: left out (a file export).
  long long sequence = 0;
  std::string lastModifiedUtc;  // "YYYYMMDDTHHMMSSZ"
  int refreshMinutes = 0;
};

std::string icsEscape(const std::string& text);
// Folds one content line (without CRLF) into CRLF-terminated physical lines.
std::string icsFold(const std::string& line);
std::string toIcs(const std::vector<Deadline>& deadlines, const IcsOptions& options = {});
// Writes atomically and safely (core/AtomicFile.hpp). Error naming the file
// when it cannot be written.
void writeIcsFile(const std::string& path, const std::string& ics);

}  // namespace igsgov::calendar
