// Another catalogue operation's read and text, called from inside an
// operation (audit.pack, the export.* operations), so those files reuse the
// queries of each area and need no area's internals. The caller's own
// operation has already been authorised for the cooperation concerned; these
// calls do no further checks.
//
// Failure: Error(internal) when the operation does not exist or is no read;
// else whatever the operation throws. Thread safety: as the operation.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

#include <string>

namespace igsgov::ops {

JsonObject readWith(store::Database& db, const std::string& name, const JsonObject& in);
// The operation's Dutch text rendering of its output (JSON when it has none).
std::string textWith(const std::string& name, const JsonObject& out);

}  // namespace igsgov::ops
