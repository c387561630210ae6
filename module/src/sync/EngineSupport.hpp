// Small helpers shared by the Engine's source files (Engine.cpp, EngineExecute.cpp).
// Internal to igsgov_sync. Pure functions; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "sync/Plan.hpp"

#include <map>
#include <string>

namespace igsgov::sync {

// "a/b/c.docx" -> "a/b"; "c.docx" -> "".
std::string parentOf(const std::string& path);

// The properties `a` writes where the adapter keeps properties: an upload's or an adoption's
// (the file's own, Desired::properties), or for a conflict or remote change of a document
// those describing the target's file (Conflicts.hpp); {} for none.
std::map<std::string, std::string> propertiesWritten(const Action& a);
bool carriesProperties(const Action& a);  // !propertiesWritten(a).empty()

// A property failure is a warning in the run result: the document itself stands.
JsonObject propertiesWarning(const std::string& path, const Error& e);

}  // namespace igsgov::sync
