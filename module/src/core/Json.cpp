#include "core/Json.hpp"

#include "core/JsonScanner.hpp"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

namespace igsgov {

void appendJsonString(std::string& out, const std::string& s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

void appendCanonicalJson(std::string& out, const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) {
    out += "null";
  } else if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto obj = v.extract<Poco::JSON::Object::Ptr>();
    if (obj.isNull()) { out += "null"; return; }
    std::vector<std::string> keys;
    obj->getNames(keys);
    std::sort(keys.begin(), keys.end());
    out.push_back('{');
    bool first = true;
    for (const auto& k : keys) {
      if (!first) out.push_back(',');
      first = false;
      appendJsonString(out, k);
      out.push_back(':');
      appendCanonicalJson(out, obj->get(k));
    }
    out.push_back('}');
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    if (arr.isNull()) { out += "null"; return; }
    out.push_back('[');
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if (i) out.push_back(',');
      appendCanonicalJson(out, arr->get(static_cast<unsigned>(i)));
    }
    out.push_back(']');
  } else if (v.type() == typeid(Poco::JSON::Object)) {
    Poco::JSON::Object::Ptr p = new Poco::JSON::Object(v.extract<Poco::JSON::Object>());
    appendCanonicalJson(out, p);
  } else if (v.type() == typeid(Poco::JSON::Array)) {
    Poco::JSON::Array::Ptr p = new Poco::JSON::Array(v.extract<Poco::JSON::Array>());
    appendCanonicalJson(out, p);
  } else if (v.type() == typeid(bool)) {
    out += v.extract<bool>() ? "true" : "false";
  } else if (v.isString()) {
    appendJsonString(out, v.convert<std::string>());
  } else if (v.isInteger()) {
    if (v.isSigned())
      out += std::to_string(v.convert<long long>());
    else
      out += std::to_string(v.convert<unsigned long long>());
  } else if (v.isNumeric()) {
    double d = v.convert<double>();
    if (d == static_cast<double>(static_cast<long long>(d)) && d < 9e15 && d > -9e15) {
      out += std::to_string(static_cast<long long>(d));
    } else {
      throw Error(ErrorCode::internal, "kommagetal in canonieke JSON (bedragen zijn gehele centen)");
    }
  } else {
    appendJsonString(out, v.convert<std::string>());
  }
}

std::string canonicalJson(const Poco::Dynamic::Var& value) {
  std::string out;
  appendCanonicalJson(out, value);
  return out;
}

std::string toJsonText(const Poco::Dynamic::Var& value, bool pretty) {
  std::ostringstream os;
  Poco::JSON::Stringifier::stringify(value, os, pretty ? 2 : 0, pretty ? 2 : -1,
                                     Poco::JSON_PRESERVE_KEY_ORDER);
  return os.str();
}

std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return {line, column};
}

namespace {

Place sourcePlace(const std::string& source) {
  Place p;
  if (!source.empty()) p.set("file", source);
  return p;
}

// A text without its UTF-8 byte order mark (the scanner skips it; Poco does not).
std::string_view withoutBom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

}  // namespace

void checkJson(std::string_view text, const std::string& source, JsonRules rules) {
  JsonScanner scan(text, 0, text.size(), JsonScanner::Level::strict, rules.text);
  if (scan.document()) return;
  const JsonFault& f = scan.fault();
  Place p = sourcePlace(source);
  auto [line, column] = lineAndColumn(text, f.offset);
  p.set("line", std::to_string(line));
  p.set("column", std::to_string(column));
  if (!f.path.empty()) p.set("path", f.path);
  if (!f.key.empty()) p.set("field", "'" + f.key + "'");
  throwInvalid(f.message, p);
}

Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source, JsonRules rules) {
  checkJson(text, source, rules);
  Poco::JSON::Parser parser;
  try {
    auto body = withoutBom(text);
    return body.size() == text.size() ? parser.parse(text) : parser.parse(std::string(body));
  } catch (const Poco::Exception& e) {
    // A rule of Poco's own that the scanner does not know (none is known): no position to give.
    throwInvalid("ongeldige JSON: " + (e.message().empty() ? std::string(e.what()) : e.message()), sourcePlace(source));
  }
}

JsonObject parseJsonObject(const std::string& text, const std::string& source, JsonRules rules) {
  auto v = parseJson(text, source, rules);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) throwInvalid("JSON-object verwacht", sourcePlace(source));
  return v.extract<Poco::JSON::Object::Ptr>();
}

JsonObject newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }
JsonArray newArray() { return new Poco::JSON::Array; }

Reader::Reader(JsonObject obj, std::string kind, std::string id)
    : obj_(std::move(obj)), kind_(std::move(kind)), id_(std::move(id)) {
  if (obj_.isNull()) obj_ = newObject();
}

bool Reader::has(const std::string& field) const { return !obj_->isNull(field); }  // absent or null: one lookup

Place Reader::place(const std::string& field) const {
  Place p;
  p.set("record", id_.empty() ? kind_ : kind_ + " '" + id_ + "'");
  if (!field.empty()) p.set("field", "'" + field + "'");
  return p;
}

void Reader::fail(const std::string& field, const std::string& message) const {
  throwInvalid(message, place(field));
}

std::optional<std::string> Reader::optStr(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  auto v = obj_->get(field);
  if (!v.isString()) fail(field, "tekst verwacht");
  if (v.type() == typeid(std::string)) return v.extract<std::string>();  // what the parser stores; no conversion
  return v.convert<std::string>();
}

std::string Reader::str(const std::string& field) const {
  auto v = optStr(field);
  if (!v || v->empty()) fail(field, "verplicht veld ontbreekt");
  return *v;
}

std::optional<Date> Reader::optDate(const std::string& field) const {
  auto s = optStr(field);
  if (!s || s->empty()) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) fail(field, "geen geldige datum (JJJJ-MM-DD verwacht): '" + *s + "'");
  return d;
}

Date Reader::date(const std::string& field) const {
  auto d = optDate(field);
  if (!d) fail(field, "verplichte datum ontbreekt");
  return *d;
}

std::optional<long long> Reader::optInteger(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  auto v = obj_->get(field);
  if (v.isInteger()) {
    if (!v.isSigned() && v.convert<unsigned long long>() > 9223372036854775807ULL) fail(field, "getal te groot");
    return v.convert<long long>();
  }
  if (v.isNumeric() && v.type() != typeid(bool)) {
    double d = v.convert<double>();
    if (d >= -9.2e18 && d <= 9.2e18 && d == static_cast<double>(static_cast<long long>(d))) return static_cast<long long>(d);
    fail(field, "geheel getal verwacht (binnen het bereik van 64 bits)");
  }
  fail(field, "geheel getal verwacht");
}

long long Reader::integer(const std::string& field) const {
  auto v = optInteger(field);
  if (!v) fail(field, "verplicht getal ontbreekt");
  return *v;
}

std::optional<bool> Reader::optBoolean(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  auto v = obj_->get(field);
  if (v.type() == typeid(bool)) return v.extract<bool>();
  if (v.isString()) {
    std::string s = v.convert<std::string>();
    if (s == "true" || s == "ja") return true;
    if (s == "false" || s == "nee") return false;
  }
  fail(field, "waar/onwaar verwacht (true of false)");
}

bool Reader::boolean(const std::string& field) const {
  auto v = optBoolean(field);
  if (!v) fail(field, "verplicht veld ontbreekt");
  return *v;
}

JsonObject Reader::optObject(const std::string& field) const {
  if (!has(field)) return nullptr;
  auto v = obj_->get(field);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) fail(field, "object verwacht");
  return v.extract<Poco::JSON::Object::Ptr>();
}

JsonArray Reader::optArray(const std::string& field) const {
  if (!has(field)) return nullptr;
  auto v = obj_->get(field);
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) fail(field, "lijst verwacht");
  return v.extract<Poco::JSON::Array::Ptr>();
}

namespace {
std::string joinSet(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out;
}
}  // namespace

std::optional<std::string> Reader::optOneOf(const std::string& field, const std::set<std::string>& allowed) const {
  auto v = optStr(field);
  if (!v) return std::nullopt;
  if (!allowed.count(*v)) fail(field, "onbekende waarde '" + *v + "' (toegelaten: " + joinSet(allowed) + ")");
  return v;
}

std::string Reader::oneOf(const std::string& field, const std::set<std::string>& allowed) const {
  auto v = optOneOf(field, allowed);
  if (!v) fail(field, "verplicht veld ontbreekt (toegelaten: " + joinSet(allowed) + ")");
  return *v;
}

void Reader::rejectUnknown(const std::set<std::string>& known) const {
  std::vector<std::string> names;
  obj_->getNames(names);
  for (const auto& n : names)
    if (!known.count(n)) fail(n, "onbekend veld");
}

}  // namespace igsgov
