// Deadlines: what falls due when, derived from the register and the
// configurable calendar (Calendar.hpp):
//   - term_end / renewal: the end of a cooperation's term, and the date by
//     which the renewal must be decided (term end minus the configured months);
//   - mandate_end: a mandate's last day;
//   - statuten: a statuten version (voorgelegd, goedgekeurd or in_werking, with
//     an effective date) that still lacks an approval its rule requires
//     (governance/Approvals.hpp); due on the effective date;
//   - redesignation: every mandate running at local elections must be
//     re-designated by the new councils (unless its seat already has a
//     mandate starting after the elections); one deadline per body and
//     election, listing the people (records: one "mandate" per person);
//   - founding: the deadline of each step of the founding stappenplan
//     (founding/Stappenplan.hpp) that is not done yet, for a cooperation in
//     oprichting (no legal form) or one with founding check-offs; the
//     description says what is still open (founding/Progress.hpp);
//   - calendar: the fixed dates of the calendar files that apply to the
//     cooperation's domain or legal form (or to all).
// Each deadline has an identity that does not include its date, so its
// iCalendar UID stays the same when the date moves (a re-export updates the
// event instead of duplicating it). Read-only; under the register's lock.
#pragma once

#include "calendar/Calendar.hpp"
#include "core/Json.hpp"
#include "store/Database.hpp"

#include <string>
#include <vector>

namespace igsgov::calendar {

struct Deadline {
  std::string identity;  // e.g. "term-end|igs-cultuur-va"
  std::string kind;      // term_end | renewal | mandate_end | statuten | redesignation | founding | calendar
  Date date;
  std::string title;        // Dutch, one line
  std::string description;  // Dutch, without source notes
  std::string source;       // where a calendar date comes from (calendar files); may be empty
  std::string cooperation;  // may be empty (elections)
  std::vector<std::pair<std::string, std::string>> records;  // (kind, id)
  bool verified = true;
};

struct DeadlineOptions {
  Date from, until;          // inclusive
  std::string cooperation;   // empty: all
};

std::vector<Deadline> deadlines(store::Database& db, const Calendar& cal, const DeadlineOptions& options);

// The Dutch word for a kind ("Einde mandaat" for mandate_end), used as the
// iCalendar CATEGORIES and in emails; the kind itself when unknown.
std::string kindLabel(const std::string& kind);

// The UID used in iCalendar: 32 hex digits of SHA-256(identity) + "@igsgov".
std::string deadlineUid(const Deadline& d);

JsonObject deadlineJson(const Deadline& d);
// The inverse of deadlineJson (as far as iCalendar needs: identity, kind,
// date, title, description, source, cooperation, verified), for output that
// went through an operation's visibility filter (igsgovd's calendar feed).
// Error(invalid) naming the field when the object lacks one.
Deadline deadlineFromJson(const JsonObject& o);

}  // namespace igsgov::calendar
