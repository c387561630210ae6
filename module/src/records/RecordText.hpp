// RecordText: the fast path of reading one record of an interchange file
// (a person, a mandate) straight from its JSON text, without parsing it into
// a DOM first. A bulk import reads a million mandates and 200,000 persons;
// the DOM and readFields were a quarter of its time.
//
// readRecordText accepts only the plain case: an object whose members are
// "id" and fields of the spec (or, when `nested` is given, that one nested
// object whose members stand for fields: a mandate's "decision"), each field
// given once, with values that are strings without escapes (non-empty; dates
// valid and already in ISO form), true/false, or plain integers, and every
// required field present. For that case it returns the same id and the same
// fields (compared as canonical JSON; the object does not keep insertion
// order) as the full path: Reader(parsed, kind).str("id") and readFields
// (for a mandate readMandateFields) on the parsed object — tested side by
// side in tests/unit/records/RecordTextTest.cpp. For anything else (an
// unknown or extra-allowed field, null, an escape, a duplicate, "ja", a date
// to normalise, any error) it returns nullopt and the caller takes the full
// path, which gives the same result or the error with its message and place.
// So no error is ever worded here.
//
// Pure; thread-safe.
#pragma once

#include "core/Json.hpp"
#include "core/JsonSpans.hpp"
#include "records/EntityTable.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace igsgov::records {

struct RecordText {
  std::string id;
  JsonObject data;  // as readFields returns it
};

// A nested object whose members are stored as fields of the record.
struct NestedFields {
  std::string member;                                      // "decision"
  std::vector<std::pair<std::string, std::string>> fields;  // nested member -> field ("council" -> "decision_council")
};

std::optional<RecordText> readRecordText(const EntitySpec& spec, std::string_view text, JsonSpan object,
                                         const NestedFields* nested = nullptr);

}  // namespace igsgov::records
