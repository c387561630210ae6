// Dutch text renderings of operation outputs for terminals (--format text).
// Pure functions of the JSON output; thread-safe.
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov::ops {

// Any output: nested "key: value" lines, lists as indented items.
std::string genericText(const JsonObject& output);
std::string compositionText(const JsonObject& output);

}  // namespace igsgov::ops
