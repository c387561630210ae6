// StreamedArrays: the large arrays of an interchange file (persons, mandates)
// read one element at a time instead of as one DOM, so that a million
// mandates never exist as objects at once and a plain element can be read
// straight from the text (records/RecordText.hpp).
//
// parse() checks the whole file once (checkJson with the text rules: syntax,
// keys given twice, UTF-8, control characters; every problem with its line
// and column), locates each named array with a scan (core/JsonSpans) and
// parses the rest of the file as a DOM with those arrays left empty. An array
// the scan cannot locate (absent, given twice, not an array) stays in the DOM
// and is read from there. So an element read from the text, by the fast path
// (records/RecordText.hpp) or the parser, is known to be well-formed and to
// hold only text the register accepts.
//
// Not thread-safe; the text passed to parse() must outlive the object.
#pragma once

#include "core/Json.hpp"
#include "core/JsonSpans.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace igsgov::interchange {

class StreamedArrays {
public:
  // Parses `text` (the file named `file`); returns the document without the
  // elements of the arrays that are streamed.
  JsonObject parse(const std::string& text, const std::string& file, const std::vector<std::string>& keys);
  // A document given as JSON rather than text: every array comes from it.
  void use(JsonObject doc, const std::string& file);

  // The elements of array `key` (a non-array value fails with "lijst
  // verwacht", absent or null is empty).
  std::size_t size(const std::string& key);
  // Element i as text, when streamed: the file's text and the element's span.
  std::optional<std::pair<std::string_view, JsonSpan>> text(const std::string& key, std::size_t i) const;
  // Element i as an object; a value that is not an object fails with "object
  // verwacht" naming `path`.
  JsonObject at(const std::string& key, std::size_t i, const std::string& path);
  // Member `member` of element i when it is a plain string, else "".
  std::string stringOf(const std::string& key, std::size_t i, const std::string& member);
  // False only when array `key` is streamed and its text never mentions
  // "member" (so no element has it).
  bool mayHave(const std::string& key, const std::string& member) const;

private:
  JsonArray& dom(const std::string& key);

  const std::string* text_ = nullptr;
  std::string file_;
  JsonObject doc_;
  std::map<std::string, std::pair<JsonSpan, std::vector<JsonSpan>>, std::less<>> streamed_;  // array, elements
  std::map<std::string, JsonArray, std::less<>> dom_;
};

}  // namespace igsgov::interchange
