// LiteralDate: the calendar date of an xsd:date or xsd:dateTime literal as
// LBLOD publishes them (mandaat:start / mandaat:einde are xsd:dateTime in the
// Mandatendatabank, xsd:date elsewhere; eli:date_publication is xsd:date).
//
// Rules: "YYYY-MM-DD" (an xsd:date time zone suffix is ignored) -> that date.
// "YYYY-MM-DDThh:mm:ss[.fff]" without zone -> the date as written. With "Z" or
// "+hh:mm"/"-hh:mm" -> the date in Belgium (Europe/Brussels: UTC+1, UTC+2 from
// the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC),
// so "2024-12-01T23:00:00Z" is 2 December 2024. Anything else -> nullopt.
// Pure function: thread-safe.
#pragma once

#include "core/Date.hpp"

#include <optional>
#include <string>

namespace igsgov::adapters::sparql {

std::optional<Date> dateFromLiteral(const std::string& lexical);

}  // namespace igsgov::adapters::sparql
