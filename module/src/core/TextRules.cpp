#include "core/TextRules.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <array>
#include <cstdio>
#include <vector>

namespace igsgov {

bool multilineField(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kMultiline{"reason", "motivation", "message",
                                                              "note",   "description", "csv"};
  for (auto n : kMultiline)
    if (n == name) return true;
  // Content given as text in place of a file (public_key_pem, checkpoint_text):
  // a PEM key or a checkpoint has lines by nature.
  return name.ends_with("_pem") || name.ends_with("_text");
}

std::string codePointMessage(char32_t cp) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  if (cp == 0) return "ongeldige tekst: nulteken (U+0000)";
  if (cp == '\n' || cp == '\r') return std::string("ongeldige tekst: regeleinde (") + hex + ") in een veld van één regel";
  if (cp == '\t') return std::string("ongeldige tekst: tab (") + hex + ") in een veld van één regel";
  if (cp >= 0xD800 && cp <= 0xDFFF) return std::string("ongeldige tekst: losse surrogaat ") + hex;
  return std::string("ongeldige tekst: stuurteken ") + hex;
}

Utf8Char decodeUtf8(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length;
  char32_t cp, min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {};  // a continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (i + length > s.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, length};
}

std::optional<TextProblem> textProblem(std::string_view s, bool multiline) {
  std::size_t character = 0;
  for (std::size_t i = 0; i < s.size();) {
    ++character;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    Utf8Char u = decodeUtf8(s, i);
    if (u.length == 0) return TextProblem{character, "ongeldige tekst: geen geldige UTF-8"};
    if (!allowedCodePoint(u.cp, multiline)) return TextProblem{character, codePointMessage(u.cp)};
    i += u.length;
  }
  return std::nullopt;
}

namespace {

struct TreeCheck {
  const Place& base;
  std::vector<std::string> path;  // segments: "key" or "[i]"

  std::string pathText() const {
    std::string out;
    for (const auto& seg : path) out += (out.empty() || seg[0] == '[' ? "" : ".") + seg;
    return out;
  }

  // The place: the nearest key as field, the whole path when it is nested.
  [[noreturn]] void fail(const TextProblem& p, const std::string& key, bool isKey) const {
    Place place = base;
    if (!key.empty()) place.set("field", "'" + key + "'");
    if (path.size() > 1) place.set("path", pathText());
    place.set("offset", std::to_string(p.character));
    throwInvalid(isKey ? p.message + " in de naam van een veld" : p.message, place);
  }

  // key: the nearest member key above this value ("" at the top).
  void walk(const Poco::Dynamic::Var& v, const std::string& key) {
    if (v.isEmpty()) return;
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
      auto obj = v.extract<Poco::JSON::Object::Ptr>();
      if (obj.isNull()) return;
      for (const auto& [k, child] : *obj) {
        path.push_back(k);
        if (auto p = textProblem(k, false)) fail(*p, k, true);
        walk(child, k);
        path.pop_back();
      }
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
      auto arr = v.extract<Poco::JSON::Array::Ptr>();
      if (arr.isNull()) return;
      for (std::size_t i = 0; i < arr->size(); ++i) {
        path.push_back("[" + std::to_string(i) + "]");
        walk(arr->get(static_cast<unsigned>(i)), key);
        path.pop_back();
      }
    } else if (v.type() == typeid(std::string)) {
      const auto& s = v.extract<std::string>();
      if (auto p = textProblem(s, multilineField(key))) fail(*p, key, false);
    } else if (v.isString()) {
      std::string s = v.convert<std::string>();
      if (auto p = textProblem(s, multilineField(key))) fail(*p, key, false);
    }
  }
};

}  // namespace

void checkTextTree(const Poco::Dynamic::Var& value, const Place& base) {
  TreeCheck check{base, {}};
  check.walk(value, "");
}

void checkText(std::string_view text, const std::string& field, const Place& base) {
  if (auto p = textProblem(text, multilineField(field))) {
    Place place = base;
    place.set("field", "'" + field + "'");
    place.set("offset", std::to_string(p->character));
    throwInvalid(p->message, place);
  }
}

}  // namespace igsgov
