// Moving a register between stores (register.copy): every row of every table,
// the journal and its effect lines as they are, from one address to another
// (SQLite file <-> PostgreSQL, either way; docs/dev/store.md, "Moving a register").
//
// The target must be empty (no register tables, schema version 0); the copy is
// refused otherwise and changes nothing. It runs in one write transaction on the
// target: the migrations make the schema (not journaled: the source's journal
// arrives as it is), the rows follow table by table (parents before children,
// PostgreSQL with COPY), then journal::verify runs on the target inside that
// transaction; a problem rolls everything back (integrity). A SQLite target
// file this call created is removed again when the copy fails. The source is
// read on one snapshot and never written; it must have this build's schema
// version (open it once with this igsgov to migrate it).
//
// Thread safety: opens its own connections; safe to call from any thread.
// Failure: igsgov::Error (notFound source, conflict non-empty target,
// unsupported schema version, integrity when the target does not verify,
// io/busy from either database).
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov::ops {

// Returns {from, to, tables, rows, journal: {seq, hash}, verified}.
JsonObject copyRegister(const std::string& from, const std::string& to);

}  // namespace igsgov::ops
