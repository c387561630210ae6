// Row digests: what the journal records about each row an operation writes.
//
// insertDigest: SHA-256 over the table name and every column of the row except
// rec_to, each as name, storage class and value, in column-name order, so the
// digest computed when writing equals the one recomputed from the stored row.
// The storage class is one of null, integer, text: the only ones the register
// writes. A REAL or BLOB value (same bytes, other type: it compares and sorts
// differently, so queries no longer find the row) can never match a recorded
// digest; the verifier finds it with foreignStorageColumn() and names the
// column. Registers written before that check verify unchanged: their digests
// and their encoding are the same.
// closeDigest: SHA-256 over table, row id and the rec_to value set when the
// row was superseded. Pure functions, thread-safe.
#pragma once

#include "store/Database.hpp"

#include <string>
#include <utility>
#include <vector>

namespace igsgov::journal {

using Columns = std::vector<std::pair<std::string, store::Value>>;

std::string insertDigest(const std::string& table, const Columns& columns);
// The same digest with the column order computed beforehand: `order` is
// digestOrder() of the columns' names, so a writer inserting many rows with
// one column list sorts the names once, not per row.
std::string insertDigest(const std::string& table, const Columns& columns, const std::vector<std::size_t>& order);
// The positions of `names` in the order insertDigest visits them: by name, rec_to left out.
std::vector<std::size_t> digestOrder(const std::vector<std::string>& names);
std::string closeDigest(const std::string& table, long long rowId, const std::string& recTo);

// Reads the current row of a statement (SELECT *) as Columns.
Columns readColumns(const store::Statement& st);
// The first column of the current row stored as REAL or BLOB (never written by
// the register), or -1 when there is none.
int foreignStorageColumn(const store::Statement& st);

}  // namespace igsgov::journal
