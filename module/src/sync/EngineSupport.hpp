// Small helpers shared by the Engine's source files (Engine.cpp, EngineExecute.cpp).
// Internal to igsgov_sync. Pure functions; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "sync/Plan.hpp"

#include <string>

namespace igsgov::sync {

// "a/b/c.docx" -> "a/b"; "c.docx" -> "".
std::string parentOf(const std::string& path);

// The action hands properties to the adapter (an upload or an adoption of a document that has some).
bool carriesProperties(const Action& a);

// A property failure is a warning in the run result: the document itself stands.
JsonObject propertiesWarning(const std::string& path, const Error& e);

}  // namespace igsgov::sync
