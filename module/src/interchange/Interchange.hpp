// The JSON interchange format for a whole register (docs/uitwisselformaat.md).
//
//   {"format": "igsgov-register", "version": 1, "exported_at": ..., "journal": {...},
//    "persons": [...], "cooperations": [{..., "members": [...],
//    "bodies": [{..., "seats": [...]}]}], "mandates": [...],
//    "governance": {...}, "finance": {...}, "founding": {"check_offs": [...]}}
//
// Export writes what the register knows now: every entity's current version,
// including ended and state-changed mandates (valid-time history). The
// record-time history (corrections) stays in the register and its journal.
// Import validates every record exactly as the single operations do and
// writes all of it in one journal entry, or nothing: the first error is
// reported with the record, the field and the position in the file
// ("mandates[17]"). Exporting an imported file gives the same content.
#pragma once

#include "records/Register.hpp"

namespace igsgov::interchange {

constexpr int kFormatVersion = 2;
constexpr const char* kFormatName = "igsgov-register";

// in: {"path": file} or {"register": {...}}; returns counts.
JsonObject importRegister(records::Writer& w, const JsonObject& in);
JsonObject exportRegister(store::Database& db, const JsonObject& in);

}  // namespace igsgov::interchange
