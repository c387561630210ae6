// Record times (UTC, core/Timestamp.hpp) as people in Flanders read them:
// Europe/Brussels local time, in Dutch. The EU rule is applied directly
// (CET = UTC+1; CEST = UTC+2 from the last Sunday of March 01:00 UTC to the
// last Sunday of October 01:00 UTC), so no time zone database or process TZ
// is involved and the result does not depend on the server's settings.
//
// Pure functions; thread-safe. Failures: none (malformed input comes back as given).
#pragma once

#include <string>

namespace igsgov::web {

// "2026-03-29T01:30:00.000001Z" -> "29 maart 2026 om 03:30"; "" stays "";
// text that is no timestamp is returned unchanged.
std::string brusselsTimeNl(const std::string& utcTimestamp);

}  // namespace igsgov::web
