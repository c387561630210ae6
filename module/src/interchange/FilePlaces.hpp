// Helpers shared by the import of every part of the interchange file: typed
// access to arrays and objects that names the position in the file
// ("cooperations[2].members[0]") in every error, and at(), which adds the file
// and that position to any Error a record's import throws (atElement: also the
// line, for the elements read from the file's text). Pure; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "core/JsonSpans.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

// The 1-based line of `offset` in `text`.
std::size_t lineOf(std::string_view text, std::size_t offset);

// at() for an element of a streamed array: adds the line where the element
// starts when its text is known (`element`: the file's text and its span).
template <class F>
void atElement(const std::string& file, const std::string& path,
               const std::optional<std::pair<std::string_view, JsonSpan>>& element, F fn) {
  try {
    at(file, path, fn);
  } catch (const Error& e) {
    if (!element || e.place().fields.count("line")) throw;
    Place p = e.place();
    p.set("line", std::to_string(lineOf(element->first, element->second.begin)));
    throw Error(e.errorCode(), e.message(), p);
  }
}

JsonObject objectField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path);
JsonArray arrayField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path);
JsonObject objectAt(const JsonArray& a, std::size_t i, const std::string& file, const std::string& path);
std::string indexPath(const std::string& base, std::size_t i);  // "base[i]"

}  // namespace igsgov::interchange
