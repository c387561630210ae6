// JSON read from a file (configuration, calendar, rule sets): a file that is
// not a JSON object gives Error(invalid) "geen geldig JSON-object" naming the
// file and, for a syntax error, its line and column, but never quoting the
// file's bytes (the parser's own message does, e.g. "unexpected byte 'r'"), so
// an error about a file someone named cannot show what is in it.
// Pure function; thread-safe.
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov {

JsonObject parseJsonFile(const std::string& text, const std::string& file);

}  // namespace igsgov
