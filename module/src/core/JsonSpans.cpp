#include "core/JsonSpans.hpp"

#include <cctype>

namespace igsgov {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A cursor over text[pos, end). Every step returns false on anything unexpected.
struct Scan {
  std::string_view text;
  std::size_t pos;
  std::size_t end;

  void ws() {
    while (pos < end && isSpace(text[pos])) ++pos;
  }
  bool eat(char c) {
    ws();
    if (pos >= end || text[pos] != c) return false;
    ++pos;
    return true;
  }
  // A string starting at pos ('"'); `raw` receives its contents between the quotes.
  bool string(std::string_view* raw, bool* escaped) {
    if (pos >= end || text[pos] != '"') return false;
    std::size_t start = ++pos;
    bool esc = false;
    while (pos < end) {
      unsigned char c = static_cast<unsigned char>(text[pos]);
      if (c == '"') {
        if (raw) *raw = text.substr(start, pos - start);
        if (escaped) *escaped = esc;
        ++pos;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        esc = true;
        if (++pos >= end) return false;
        char e = text[pos];
        if (e == 'u') {
          for (int i = 0; i < 4; ++i)
            if (++pos >= end || !std::isxdigit(static_cast<unsigned char>(text[pos]))) return false;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
      ++pos;
    }
    return false;
  }
  bool digits() {
    std::size_t start = pos;
    while (pos < end && text[pos] >= '0' && text[pos] <= '9') ++pos;
    return pos > start;
  }
  bool number() {
    if (pos < end && text[pos] == '-') ++pos;
    if (pos < end && text[pos] == '0') {
      ++pos;
    } else if (!digits()) {
      return false;
    }
    if (pos < end && text[pos] == '.' && (++pos, !digits())) return false;
    if (pos < end && (text[pos] == 'e' || text[pos] == 'E')) {
      ++pos;
      if (pos < end && (text[pos] == '+' || text[pos] == '-')) ++pos;
      if (!digits()) return false;
    }
    return true;
  }
  bool literal(std::string_view word) {
    if (text.substr(pos, word.size()) != word || pos + word.size() > end) return false;
    pos += word.size();
    return true;
  }
  // Checks one value (after white space) against the JSON grammar; `span`
  // receives where it is. Nesting deeper than kMaxDepth is refused.
  static constexpr int kMaxDepth = 256;
  bool value(JsonSpan* span, int depth = 0) {
    ws();
    if (pos >= end || depth > kMaxDepth) return false;
    std::size_t start = pos;
    char c = text[pos];
    bool ok;
    if (c == '"') {
      ok = string(nullptr, nullptr);
    } else if (c == '{') {
      ok = members([](std::string_view, bool, JsonSpan) {}, depth);
    } else if (c == '[') {
      ok = elements([](JsonSpan) {}, depth);
    } else if (c == 't') {
      ok = literal("true");
    } else if (c == 'f') {
      ok = literal("false");
    } else if (c == 'n') {
      ok = literal("null");
    } else {
      ok = number();
    }
    if (ok && span) *span = {start, pos};
    return ok;
  }
  // Walks the elements of the array at pos; fn(valueSpan) for each.
  template <class F>
  bool elements(F fn, int depth = 0) {
    if (!eat('[')) return false;
    ws();
    if (pos < end && text[pos] == ']') {
      ++pos;
      return true;
    }
    while (true) {
      JsonSpan v;
      if (!value(&v, depth + 1)) return false;
      fn(v);
      if (eat(',')) continue;
      return eat(']');
    }
  }
  // Walks the members of the object at pos; fn(key, escaped, valueSpan) for each.
  template <class F>
  bool members(F fn, int depth = 0) {
    if (!eat('{')) return false;
    ws();
    if (pos < end && text[pos] == '}') {
      ++pos;
      return true;
    }
    while (true) {
      ws();
      std::string_view key;
      bool escaped = false;
      JsonSpan v;
      if (!string(&key, &escaped) || !eat(':') || !value(&v, depth + 1)) return false;
      fn(key, escaped, v);
      if (eat(',')) continue;
      return eat('}');
    }
  }
};

}  // namespace

std::vector<std::optional<JsonSpan>> memberSpans(std::string_view text, const std::vector<std::string>& keys) {
  Scan s{text, 0, text.size()};
  std::vector<std::optional<JsonSpan>> found(keys.size());
  std::vector<int> count(keys.size(), 0);
  bool ok = s.members([&](std::string_view k, bool escaped, JsonSpan v) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (escaped || k == keys[i]) ++count[i];  // an escaped key might spell a key: be careful, not clever
      if (!escaped && k == keys[i]) found[i] = v;
    }
  });
  s.ws();
  bool whole = ok && s.pos == text.size();
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (!whole || count[i] != 1) found[i].reset();
  return found;
}

std::optional<JsonSpan> memberSpan(std::string_view text, std::string_view key) {
  return memberSpans(text, {std::string(key)})[0];
}

std::optional<std::vector<JsonSpan>> elementSpans(std::string_view text, JsonSpan array) {
  Scan s{text, array.begin, array.end};
  std::vector<JsonSpan> out;
  if (!s.elements([&](JsonSpan v) { out.push_back(v); })) return std::nullopt;
  s.ws();
  if (s.pos != array.end) return std::nullopt;
  return out;
}

std::optional<std::vector<JsonMember>> objectMembers(std::string_view text, JsonSpan object) {
  Scan s{text, object.begin, object.end};
  std::vector<JsonMember> out;
  out.reserve(24);
  bool plainKeys = true;
  bool ok = s.members([&](std::string_view k, bool escaped, JsonSpan v) {
    plainKeys = plainKeys && !escaped;
    out.push_back({k, v});
  });
  s.ws();
  if (!ok || !plainKeys || s.pos != object.end) return std::nullopt;
  return out;
}

std::optional<std::string_view> stringMember(std::string_view text, JsonSpan object, std::string_view key) {
  Scan s{text, object.begin, object.end};
  std::optional<std::string_view> found;
  bool ok = s.members([&](std::string_view k, bool escaped, JsonSpan v) {
    if (escaped || k != key || v.end - v.begin < 2 || text[v.begin] != '"') return;
    auto inner = text.substr(v.begin + 1, v.end - v.begin - 2);
    if (inner.find('\\') == std::string_view::npos) found = inner;
  });
  if (!ok) return std::nullopt;
  return found;
}

}  // namespace igsgov
