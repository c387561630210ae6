// The founding part of the JSON interchange format (docs/uitwisselformaat.md,
// "Oprichting"; format version 2), called from Interchange.cpp:
//
//   "founding": {"check_offs": [{"id": ..., "versions": [{<the check-off's
//                fields>, "recorded": {"kind", "reason"?, "at", "actor"?},
//                "file"?: {name?, sha256, media_type, size, content_base64}}]}]}
//
// Unlike the other parts, a check-off travels with its whole record-time
// history (every version, oldest first: the check-off, its corrections, its
// retraction, checking off again), because a check-off is the only evidence of
// its step: who said it was done, why, and who took it back. A version's
// attached file is embedded where it differs from the previous version's.
//
// Import validates every version as founding.check-off does
// (founding::validateCheckOff; a file must hash to `document_sha256` and be
// DOCX/ODT/PDF) and writes them again, in order, inside the caller's write: the
// same ids, data, kinds and reasons. The versions' original record time and
// actor cannot be those of the new register's journal; they are returned as
// `provenance` so the import's journal entry keeps them. An error anywhere
// names the position ("founding.check_offs[0].versions[1]") and leaves the
// register unchanged (the caller's write fails). Not thread-safe (Register lock).
#pragma once

#include "records/Register.hpp"

namespace igsgov::interchange {

// Adds "check_offs" to `counts`; returns the provenance of the imported
// versions ([{id, version, kind, at?, actor?}]; empty when none).
JsonArray importFounding(records::Writer& w, const JsonObject& doc, const std::string& file, JsonObject counts);
void exportFounding(store::Database& db, JsonObject out);

}  // namespace igsgov::interchange
