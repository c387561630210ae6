// Helpers shared by the import of every part of the interchange file: typed
// access to arrays and objects that names the position in the file
// ("cooperations[2].members[0]") in every error, and at(), which adds the file
// and that position to any Error a record's import throws. Pure; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"

#include <string>

namespace igsgov::interchange {

template <class F>
void at(const std::string& file, const std::string& path, F fn) {
  try {
    fn();
  } catch (const Error& e) {
    Place p = e.place();
    if (!file.empty()) p.set("file", file);
    p.set("path", path);
    throw Error(e.errorCode(), e.message(), p);
  }
}

JsonObject objectField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path);
JsonArray arrayField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path);
JsonObject objectAt(const JsonArray& a, std::size_t i, const std::string& file, const std::string& path);
std::string indexPath(const std::string& base, std::size_t i);  // "base[i]"

}  // namespace igsgov::interchange
