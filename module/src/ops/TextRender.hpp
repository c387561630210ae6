// Dutch text renderings of operation outputs for terminals (--format text).
// Pure functions of the JSON output; thread-safe.
#pragma once

#include "core/Json.hpp"

#include <string>
#include <vector>

namespace igsgov::ops {

// Any output: nested "key: value" lines, lists as indented items.
std::string genericText(const JsonObject& output);
// Rows of cells as aligned columns (UTF-8 aware), each line indented by
// `indent` steps of two spaces; the first row is usually the header.
std::string textTable(const std::vector<std::vector<std::string>>& rows, int indent = 0);
std::string compositionText(const JsonObject& output);
// mandate.appoint/end/change/correct/retract: a sentence saying what was
// recorded, then the mandate as it now stands.
std::string mandateWriteText(const JsonObject& output);
// mandate.history: per mandate of the chain, each registration with when,
// what kind, why, and what it changed against the version before.
std::string mandateHistoryText(const JsonObject& output);

}  // namespace igsgov::ops
