// JSON helpers used everywhere inside the library (Poco::JSON underneath).
//
// canonicalJson(): the one serialisation that is hashed by the journal: object
// keys sorted by byte value, no insignificant white space, strings escaped
// minimally (only '"', '\\' and control characters), integers in decimal.
// Floating point numbers are refused (amounts are integer cents): hashing must
// never depend on a float's printing.
//
// checkJson() / parseJson(): every JSON text that comes in (a REST body, the
// C ABI's input, an interchange file, a configuration file) is checked by the
// one scanner (core/JsonScanner.hpp, strict level) before Poco parses it:
// syntax, nesting, UTF-8, lone surrogates, numbers out of range and keys
// given twice in one object are refused as Error(invalid) whose place names
// the source ("file"), "line" and "column" (1-based; columns count
// characters), and where it helps the member ("path", "field"). With
// JsonRules::text the strings must also obey core/TextRules.hpp.
//
// Reader: typed access to the fields of one input object with errors that name
// the record and the field ("mandaat 'm-7', veld 'from': geen geldige datum").
#pragma once

#include "core/Date.hpp"
#include "core/Error.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace igsgov {

using JsonObject = Poco::JSON::Object::Ptr;
using JsonArray = Poco::JSON::Array::Ptr;

std::string canonicalJson(const Poco::Dynamic::Var& value);
void appendCanonicalJson(std::string& out, const Poco::Dynamic::Var& value);
void appendJsonString(std::string& out, const std::string& s);

// Pretty (indent 2) or compact JSON text, keys in insertion order.
std::string toJsonText(const Poco::Dynamic::Var& value, bool pretty = true);

struct JsonRules {
  bool text = false;  // strings obey core/TextRules.hpp too (an interchange file)
};

// Checks text without parsing it; `source` names the input in error places
// ("bestand x.json"). Throws Error(invalid).
void checkJson(std::string_view text, const std::string& source = "", JsonRules rules = {});
// Checks, then parses.
Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source = "", JsonRules rules = {});
JsonObject parseJsonObject(const std::string& text, const std::string& source = "", JsonRules rules = {});

// 1-based line and column (in characters) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset);

JsonObject newObject();
JsonArray newArray();

class Reader {
public:
  // kind: Dutch record kind for messages ("mandaat"); id: the record id if known.
  Reader(JsonObject obj, std::string kind, std::string id = "");

  const JsonObject& object() const { return obj_; }
  bool has(const std::string& field) const;

  std::string str(const std::string& field) const;  // required, non-empty
  std::optional<std::string> optStr(const std::string& field) const;
  Date date(const std::string& field) const;
  std::optional<Date> optDate(const std::string& field) const;
  long long integer(const std::string& field) const;
  std::optional<long long> optInteger(const std::string& field) const;
  bool boolean(const std::string& field) const;
  std::optional<bool> optBoolean(const std::string& field) const;
  JsonObject optObject(const std::string& field) const;
  JsonArray optArray(const std::string& field) const;
  // A required string that must be one of `allowed`.
  std::string oneOf(const std::string& field, const std::set<std::string>& allowed) const;
  std::optional<std::string> optOneOf(const std::string& field, const std::set<std::string>& allowed) const;

  // Refuses fields not in `known` (catches typos in imports and calls).
  void rejectUnknown(const std::set<std::string>& known) const;

  Place place(const std::string& field) const;
  [[noreturn]] void fail(const std::string& field, const std::string& message) const;

private:
  JsonObject obj_;
  std::string kind_;
  std::string id_;
};

}  // namespace igsgov
