// JsonSpans: where the values of a JSON text are, found by a light scan that
// builds no DOM, so that a very large array (a million mandates in an
// interchange file) can be parsed one element at a time.
//
// The scan (core/JsonScanner.hpp at its grammar level) checks the JSON
// grammar (strings, escapes, numbers, literals, nesting up to 256 levels) but
// keeps nothing. Every function returns nullopt
// when the text is not well-formed or not shaped as expected; the caller then
// parses the whole text with parseJson, which reports the error with its line
// and column (a caller that wants the strict checks, duplicate keys and UTF-8,
// runs checkJson over the whole text once). The spans are parsed by parseJson too, so no error message
// depends on this scanner; a span the real parser still refuses (a stricter
// rule of its own) sends the caller to the same fallback.
//
// Pure functions over a string_view; thread-safe. Spans index into the text.
#pragma once

#include "core/JsonScanner.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov {

// The value of member `key` of the object that is the whole text. nullopt when
// the text is not an object, the key is absent or occurs more than once.
std::optional<JsonSpan> memberSpan(std::string_view text, std::string_view key);
// memberSpan for several keys in one scan; result k belongs to keys[k].
std::vector<std::optional<JsonSpan>> memberSpans(std::string_view text, const std::vector<std::string>& keys);

// The elements of the array at `array` (a span from memberSpan).
std::optional<std::vector<JsonSpan>> elementSpans(std::string_view text, JsonSpan array);

// The members of the object at `object`, in their order: each key as written
// between its quotes, and its value. nullopt when the span is not an object or
// a key contains an escape (its text would not be the key).
struct JsonMember {
  std::string_view key;
  JsonSpan value;
};
std::optional<std::vector<JsonMember>> objectMembers(std::string_view text, JsonSpan object);

// The value of member `key` of the object at `object` when it is a string
// without escapes; nullopt otherwise (also when absent).
std::optional<std::string_view> stringMember(std::string_view text, JsonSpan object, std::string_view key);

}  // namespace igsgov
