// Date: a calendar date (valid time) without time zone, as used for mandates,
// memberships and decisions. Stored and exchanged as ISO 8601 "YYYY-MM-DD".
//
// Values are days since 1970-01-01 (proleptic Gregorian), so comparison and
// arithmetic are integer operations. Parsing is strict: an impossible date
// (2026-02-30) or another format is an error. Thread-safe (a value type).
#pragma once

#include <compare>
#include <optional>
#include <string>

namespace igsgov {

class Date {
public:
  Date() = default;
  static Date fromYmd(int year, int month, int day);  // throws Error(invalid) when impossible
  static std::optional<Date> parse(const std::string& iso);  // nullopt when malformed
  static Date today();  // the local calendar date of this process

  std::string iso() const;
  int year() const;
  int month() const;
  int day() const;
  int days() const { return days_; }
  Date addDays(int n) const { Date d; d.days_ = days_ + n; return d; }
  Date addYears(int n) const;  // 29 February becomes 28 February when needed

  auto operator<=>(const Date&) const = default;

private:
  int days_ = 0;
};

// Dutch long form: "22 november 2026".
std::string dutchLongDate(const Date& d);
// Belgian short form for tables: "22/11/2026".
std::string dutchShortDate(const Date& d);

}  // namespace igsgov
