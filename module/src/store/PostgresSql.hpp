// PostgresSql: what the PostgreSQL backend does to the register's SQL text.
// Pure functions, no connection; unit-tested in tests/unit/store.
#pragma once

#include <string>
#include <vector>

namespace igsgov::store {

// Replaces every ? parameter with $1, $2, ... (in order) and every ?NNN with
// $NNN, leaving string
// literals ('...'), quoted identifiers ("...") and comments (--, /* */) alone.
// Sets `count` to the number of parameters. A parameter tested with IS [NOT]
// NULL is cast to text (the server cannot infer an untyped parameter's type there).
std::string numberParameters(const std::string& sql, int& count);

// The table of a plain "INSERT INTO table ..." (lowercase), or "" for any other
// statement (and for an INSERT that already has a RETURNING clause).
std::string insertTarget(const std::string& sql);

// True when `sql` is a SELECT that names none of `tables` (as a whole word,
// case-insensitive, anywhere in the text): its result cannot depend on rows of
// those tables. Conservative: any other statement (WITH, INSERT, ...) is false.
bool selectsNoneOf(const std::string& sql, const std::vector<std::string>& tables);

}  // namespace igsgov::store
