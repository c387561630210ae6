// Formatters: the pipe filters of a value tag, `{datum | datum_lang}`.
//
//   datum_lang  "2026-11-22" -> "22 november 2026"
//   datum       "2026-11-22" -> "22/11/2026"
//   euro        211250 (integer cents) -> "€ 2.112,50"
//   getal       85000 -> "85.000"
//   upper/lower UTF-8 aware case change
//
// A formatter takes the value (the first one the data value, later ones the
// previous result as a string) and returns text, or false with a Dutch reason.
// Thread safety: pure functions; the table is immutable.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>
#include <vector>

namespace igsgov::docs {

using FormatterFn = bool (*)(const Poco::Dynamic::Var& in, std::string& out, std::string& error);

// nullptr when `name` is not a known formatter.
FormatterFn findFormatter(const std::string& name);
std::vector<std::string> formatterNames();

// Plain text of a scalar value: strings as is, integers in decimal, booleans
// as true/false, null as "". Returns false for objects and arrays.
bool scalarText(const Poco::Dynamic::Var& v, std::string& out);

// "85.000", "-1.234" (Dutch thousands separator).
std::string dutchInteger(long long n);
// "€ 2.112,50", "€ -0,05"
std::string euroFromCents(long long cents);

}  // namespace igsgov::docs
