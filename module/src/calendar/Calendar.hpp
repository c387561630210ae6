// The configurable calendar (config/calendar/*.json): fixed dates per policy
// domain (e.g. the IGS cultuur subsidy round), local elections with the date
// by which representatives must be re-designated, and how long before a
// term's end the renewal must be decided. Data, not code: compiled into the
// library and overridable file by file by a directory ("calendar_dir" in the
// operation input, else IGSGOV_CALENDAR_DIR), like the rule sets.
// Failure: Error(invalid) naming file and field. Values; thread-safe.
#pragma once

#include "core/Date.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::calendar {

struct FixedEvent {
  std::string id, title, description, source;
  Date date;
  bool verified = true;
};

struct Redesignation {
  Date election, councilsInstalled, deadline;
  bool verified = false;
};

struct CalendarFile {
  std::string name, title, source;
  bool all = false;
  std::set<std::string> domains, legalForms;
  std::vector<FixedEvent> events;
  std::vector<Redesignation> redesignations;
  std::optional<int> renewalMonthsBefore;
  bool renewalVerified = false;
};

struct Calendar {
  std::vector<CalendarFile> files;
  std::string overrideDir;
};

CalendarFile parseCalendarFile(const std::string& text, const std::string& source, const std::string& fileName);
Calendar loadCalendar(const std::string& dir = "");

}  // namespace igsgov::calendar
