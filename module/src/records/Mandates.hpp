// Mandates: who holds which seat in which body, for whom, from when to when,
// designated by which decision, and the two ways a mandate record changes:
//   - a state change (mandate.change): the situation changed (new role,
//     fractie, status, seat): the old mandate ends the day before, a new
//     mandate starts, linked by `predecessor`. Both are valid-time facts.
//   - a correction (mandate.correct): the record was wrong: a new version
//     supersedes it in record time; as-of queries "as the register knew it"
//     before the correction still see the old version.
// Ending (mandate.end) sets the end date as a state change of the same record;
// a retraction (mandate.retract) marks a record that should never have existed.
// Every function is one catalogue operation (see Organisation.hpp).
#pragma once

#include "records/RecordText.hpp"
#include "records/Register.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace igsgov::records {
class MandateLookup;
}

namespace igsgov::records {

// Registers a mandate; with "new_person" {name, gender} the person "person"
// is created first, in the same transaction (both or neither).
JsonObject mandateAppoint(Writer& w, const JsonObject& in);
JsonObject mandateEnd(Writer& w, const JsonObject& in);
JsonObject mandateChange(Writer& w, const JsonObject& in);
JsonObject mandateCorrect(Writer& w, const JsonObject& in);
JsonObject mandateRetract(Writer& w, const JsonObject& in);
// Every version of the mandate and its predecessors and successors; each
// version's "recorded" names the journal entry's actor, operation and reason.
JsonObject mandateHistory(store::Database& db, const JsonObject& in);
// The seat and every mandate that ever named it, each with all its versions
// (as in mandateHistory), oldest start first.
JsonObject seatHistory(store::Database& db, const JsonObject& in);

// Validates and completes a mandate (defaults for voting and status, nested
// decision flattened). Used by appoint, correct, change (asking the database)
// and import (with an ImportLookup); the rules are the same. Among them: the
// predecessor is another mandate the register already knows (never the
// mandate itself), and a mandate that exists must not become its own
// ancestor (a loop of predecessors).
void validateMandate(MandateLookup& lookup, const std::string& id, JsonObject data);
void validateMandate(store::Database& db, const std::string& id, JsonObject data);
// The message for mandates whose predecessors loop back: chain[0] follows
// chain[1], which follows chain[2], ..., the last equals an earlier one.
std::string predecessorLoop(const std::vector<std::string>& chain);
// readMandateFields' fast path for a mandate still as JSON text (an element
// of an interchange file): see records/RecordText.hpp.
std::optional<RecordText> readMandateText(std::string_view text, JsonSpan object);
// Reads a mandate from JSON with the nested "decision" object flattened.
JsonObject readMandateFields(const JsonObject& in, const std::string& id, bool enforceRequired);
// The mandate as JSON with a nested "decision".
JsonObject mandateJson(const JsonObject& flat);

}  // namespace igsgov::records
