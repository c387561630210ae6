// The change feed: the journal's entries after a sequence number, each with
// the records it touched, so a host system (an ERP) follows the register by
// asking "what changed after the last entry I saw?" instead of reading it all.
//
// changesAfter returns {"entries": [...], "more": bool, "next": seq|null}:
// at most `limit` entries with seq > after, in order, each {seq, at, actor,
// operation, reason (when given), hash, records}; records lists per effect line
// {table, action (insert|close), ids (the rows' record ids, at most
// kMaxIdsPerEntry per entry; "ids_truncated": true beyond) or rows (a table
// without ids)}. "next" is the seq to pass as `after` for the following page
// (the last entry's seq), null when there are no entries. Reads only; the
// caller checks after >= 0 and 1 <= limit. Not thread-safe per Database.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

namespace igsgov::journal {

constexpr long long kMaxIdsPerEntry = 1000;

JsonObject changesAfter(store::Database& db, long long after, long long limit);

// The newest entry's seq (0 for an empty journal): what igsgovd's health answer reports.
long long headSeq(store::Database& db);

}  // namespace igsgov::journal
