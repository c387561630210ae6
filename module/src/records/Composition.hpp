// Composition: who sat on a body on a date (valid time), as the register knew
// it at a record time (default: now). The core as-of query of the register.
//
// Input: {"body": id, "as_of": "YYYY-MM-DD" (default today),
//         "known_at": date or timestamp (default: now)}.
// Output: the body, the dates, the seated mandates (role order, then name)
// with person, member, side, fractie, voting, status, period and decision,
// and counts per side and voting/advisory.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

namespace igsgov::records {

JsonObject bodyComposition(store::Database& db, const JsonObject& in);

}  // namespace igsgov::records
