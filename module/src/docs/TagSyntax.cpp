#include "docs/TagSyntax.hpp"

#include "docs/Limits.hpp"

namespace igsgov::docs {

DelimiterOverflow lexDelimiters(std::string_view text, std::vector<DelimitedTag>& tags,
                                std::vector<DelimiterIssue>& issues, std::size_t maxTags,
                                std::size_t maxIssues) {
  DelimiterOverflow over;
  auto problem = [&](const char* id, std::size_t offset) {
    if (issues.size() < maxIssues) issues.push_back({id, offset});
    else ++over.droppedIssues;
  };
  bool inTag = false;
  std::size_t open = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{') {
      if (inTag) problem("unclosed_tag", open);
      inTag = true;
      open = i;
    } else if (c == '}') {
      if (!inTag) {
        problem("unopened_tag", i);
      } else {
        if (tags.size() == maxTags) {
          over.tooManyTags = true;
          over.firstOver = open;
          return over;
        }
        tags.push_back({open, i + 1});
        inTag = false;
      }
    }
  }
  if (inTag) problem("unclosed_tag", open);
  return over;
}

namespace {

// Strips white space and no-break spaces (U+00A0, C2 A0 in UTF-8, typed by a
// word processor), in any mix, from both ends. Only the whole two-byte
// sequence is a no-break space: a lone A0 byte ends other characters too
// ("à" is C3 A0), which must stay whole.
std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty()) {
    if (space(s.front())) s.remove_prefix(1);
    else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
    else break;
  }
  while (!s.empty()) {
    if (space(s.back())) s.remove_suffix(1);
    else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
    else break;
  }
  return s;
}

bool identChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '$' || u >= 0x80;
}

}  // namespace

long firstNestedTooDeep(std::string_view text, const std::vector<DelimitedTag>& tags, std::size_t maxDepth) {
  std::size_t depth = 0;
  for (std::size_t k = 0; k < tags.size(); ++k) {
    std::string_view inner = trim(text.substr(tags[k].begin + 1, tags[k].end - tags[k].begin - 2));
    if (inner.empty()) continue;
    if (inner[0] == '#' || inner[0] == '^') {
      if (++depth > maxDepth) return static_cast<long>(k);
    } else if (inner[0] == '/' && depth > 0) {
      --depth;
    }
  }
  return -1;
}

bool parseTag(std::string_view inner, ParsedTag& out, std::string& message) {
  std::string_view s = trim(inner);
  out = ParsedTag{};
  if (inner.size() > kMaxTagBytes) {
    message = "tag is te lang (" + std::to_string(inner.size()) + " bytes, maximum " +
              std::to_string(kMaxTagBytes) + ")";
    return false;
  }
  if (s.empty()) {
    message = "lege tag {}";
    return false;
  }
  switch (s[0]) {
    case '#': out.kind = ParsedTag::open; s.remove_prefix(1); break;
    case '^': out.kind = ParsedTag::inverted; s.remove_prefix(1); break;
    case '/': out.kind = ParsedTag::close; s.remove_prefix(1); break;
    case '@': out.kind = ParsedTag::raw; s.remove_prefix(1); break;
    default: break;
  }
  // Formatters after '|'.
  std::size_t bar = s.find('|');
  std::string_view expr = trim(s.substr(0, bar));
  while (bar != std::string_view::npos) {
    std::size_t next = s.find('|', bar + 1);
    std::string_view f = trim(s.substr(bar + 1, next == std::string_view::npos ? std::string_view::npos
                                                                                : next - bar - 1));
    if (f.empty()) {
      message = "lege formatter na '|'";
      return false;
    }
    for (char c : f)
      if (!identChar(c)) {
        message = "ongeldige formatternaam '" + std::string(f) + "'";
        return false;
      }
    out.formatters.emplace_back(f);
    if (out.formatters.size() > kMaxFormatters) {
      message = "meer dan " + std::to_string(kMaxFormatters) + " formatters na elkaar";
      return false;
    }
    bar = next;
  }
  if (!out.formatters.empty() && out.kind != ParsedTag::value) {
    message = "formatters zijn alleen toegestaan in een waarde-tag";
    return false;
  }
  if (expr.empty() && out.kind == ParsedTag::close) return true;  // {/} closes the innermost section
  if (expr.empty()) {
    message = "tag zonder naam";
    return false;
  }
  out.name = std::string(expr);
  if (expr == ".") return true;
  std::size_t start = 0;
  while (start <= expr.size()) {
    std::size_t dot = expr.find('.', start);
    std::string_view seg = expr.substr(start, dot == std::string_view::npos ? std::string_view::npos
                                                                             : dot - start);
    if (seg.empty()) {
      message = "ongeldig pad '" + out.name + "'";
      return false;
    }
    for (char c : seg)
      if (!identChar(c)) {
        message = "ongeldig teken '" + std::string(1, c) + "' in tag '" + out.name + "'";
        return false;
      }
    out.path.emplace_back(seg);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

std::string writtenTag(std::string_view inner) {
  const std::size_t shown = 60;
  if (inner.size() <= shown) return "{" + std::string(inner) + "}";
  std::size_t cut = shown;
  while (cut > 0 && (static_cast<unsigned char>(inner[cut]) & 0xC0) == 0x80) --cut;
  return "{" + std::string(inner.substr(0, cut)) + "…";
}

const char* tagKindName(ParsedTag::Kind kind) {
  switch (kind) {
    case ParsedTag::value: return "value";
    case ParsedTag::open: return "loop";
    case ParsedTag::inverted: return "inverted";
    case ParsedTag::close: return "close";
    case ParsedTag::raw: return "raw";
  }
  return "value";
}

std::string tagText(const ParsedTag& tag) {
  std::string s = "{";
  switch (tag.kind) {
    case ParsedTag::open: s += '#'; break;
    case ParsedTag::inverted: s += '^'; break;
    case ParsedTag::close: s += '/'; break;
    case ParsedTag::raw: s += '@'; break;
    default: break;
  }
  s += tag.name;
  for (const auto& f : tag.formatters) s += " | " + f;
  return s + "}";
}

}  // namespace igsgov::docs
