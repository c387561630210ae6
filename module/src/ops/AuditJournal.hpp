// audit.journal: the journal's entries (who, when, which operation, why),
// filtered, as a list, a Dutch table or CSV.
//
// Filters (all optional, combined with AND): `from` / `until` (a date, read as
// the Belgian calendar day, or a timestamp), `by` (the actor, exact; the CLI's --actor is who runs the command), `operation`
// (exact, or every operation of an area with "mandate.*"), `record` (entries
// whose effects inserted or closed a row of the record with that id),
// `from_seq` or `after` (the entries after that seq, the change feed's cursor),
// and `limit` (default 100, at most 1000000); the output's "next" is the last
// seq listed (null when none), the `after` of the next page. `csv`: the output
// carries "csv", the entries as CSV (semicolon, the Excel convention of
// Belgian offices) that --format text prints as it is. Reads only; throws
// igsgov::Error(invalid) naming the field for a bad filter.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

#include <string>

namespace igsgov::ops {

JsonObject auditJournal(store::Database& db, const JsonObject& input);
std::string auditJournalText(const JsonObject& output);

}  // namespace igsgov::ops
