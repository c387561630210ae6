// Sheets: the four exports as Tables (Table.hpp), each built from the JSON
// output of the catalogue operations that show the same data on screen, so an
// export says exactly what the register says and this area reads no table:
//   compositionTable  body.composition (who sat on a body on a date, as known at a time)
//   mandatesTable     seat.history of every seat of a body (every mandate and every
//                     recorded version: corrections, state changes, retractions)
//   membersTable      cooperation.show's members with their inhabitants, and the
//                     contribution schedule of a year (contribution.show) when there is one
//   findingsTable     compliance.check of one cooperation
// Codes (roles, sides, statuses, kinds of change) are shown as Dutch words
// through `Words` (ops passes its dutchValue), names instead of ids where the
// register has them. Column headings are Dutch.
//
// Thread safety: pure functions. Failure: none of their own; a malformed
// operation output is a defect (Poco exceptions, or Error(internal) later
// when a cell is not of its kind).
#pragma once

#include "core/Json.hpp"
#include "exports/Table.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::exports {

// The Dutch word for a code given its JSON key ("role", "voorzitter" -> "voorzitter";
// "kind", "correction" -> "correctie").
using Words = std::function<std::string(const std::string& key, const std::string& code)>;

Table compositionTable(const JsonObject& composition, const Words& words);

struct SeatHistories {
  JsonObject body;                       // the body as in cooperation.show (name, seats with labels)
  std::vector<JsonObject> seats;         // seat.history of each seat, in the body's seat order
  std::map<std::string, std::string> personNames;  // person id -> name (person.list)
  std::map<std::string, std::string> memberNames;  // member id -> name (cooperation.show)
};
Table mandatesTable(const SeatHistories& h, const Words& words);

struct Inhabitants {
  long long count = 0;
  std::string peildatum;  // ISO date the count is of
};
// cooperation: cooperation.show; inhabitants per member id (from the schedule
// when there is one, else from the reference data); schedule: contribution.show
// or null. The contribution columns (one per cost item, and the total) are
// there only with a schedule.
Table membersTable(const JsonObject& cooperation, const std::map<std::string, Inhabitants>& inhabitants,
                   const JsonObject& schedule, const Words& words);

Table findingsTable(const JsonObject& check, const Words& words);

}  // namespace igsgov::exports
