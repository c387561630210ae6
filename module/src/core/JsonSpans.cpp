#include "core/JsonSpans.hpp"

namespace igsgov {
namespace {

JsonScanner grammar(std::string_view text, std::size_t begin, std::size_t end) {
  return JsonScanner(text, begin, end, JsonScanner::Level::grammar);
}

}  // namespace

std::vector<std::optional<JsonSpan>> memberSpans(std::string_view text, const std::vector<std::string>& keys) {
  auto s = grammar(text, 0, text.size());
  std::vector<std::optional<JsonSpan>> found(keys.size());
  std::vector<int> count(keys.size(), 0);
  bool ok = s.members([&](std::string_view k, bool escaped, JsonSpan v) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (escaped || k == keys[i]) ++count[i];  // an escaped key might spell a key: be careful, not clever
      if (!escaped && k == keys[i]) found[i] = v;
    }
  });
  s.ws();
  bool whole = ok && s.pos() == text.size();
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (!whole || count[i] != 1) found[i].reset();
  return found;
}

std::optional<JsonSpan> memberSpan(std::string_view text, std::string_view key) {
  return memberSpans(text, {std::string(key)})[0];
}

std::optional<std::vector<JsonSpan>> elementSpans(std::string_view text, JsonSpan array) {
  auto s = grammar(text, array.begin, array.end);
  std::vector<JsonSpan> out;
  if (!s.elements([&](JsonSpan v) { out.push_back(v); })) return std::nullopt;
  s.ws();
  if (s.pos() != array.end) return std::nullopt;
  return out;
}

std::optional<std::vector<JsonMember>> objectMembers(std::string_view text, JsonSpan object) {
  auto s = grammar(text, object.begin, object.end);
  std::vector<JsonMember> out;
  out.reserve(24);
  bool plainKeys = true;
  bool ok = s.members([&](std::string_view k, bool escaped, JsonSpan v) {
    plainKeys = plainKeys && !escaped;
    out.push_back({k, v});
  });
  s.ws();
  if (!ok || !plainKeys || s.pos() != object.end) return std::nullopt;
  return out;
}

std::optional<std::string_view> stringMember(std::string_view text, JsonSpan object, std::string_view key) {
  auto s = grammar(text, object.begin, object.end);
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
