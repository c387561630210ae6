#include "core/JsonScanner.hpp"

#include "core/TextRules.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace igsgov {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v);
  return buf;
}

// "'x'" for a visible ASCII character, else its code.
std::string shown(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7F) return std::string("'") + c + "'";
  return "byte 0x" + hex4(u).substr(2);
}

// Whether the digits of a JSON integer (no sign, no leading zeros) exceed `limit`.
bool above(std::string_view digits, std::string_view limit) {
  if (digits.size() != limit.size()) return digits.size() > limit.size();
  return digits > limit;
}

}  // namespace

bool JsonScanner::Keys::insert(std::string_view key) {
  if (big.empty()) {
    for (const auto& k : small)
      if (k == key) return false;
    small.push_back(key);
    if (small.size() > kSmall) big.insert(small.begin(), small.end());
    return true;
  }
  return big.insert(key).second;
}

JsonScanner::JsonScanner(std::string_view text, std::size_t begin, std::size_t end, Level level, bool textRules)
    : text_(text), pos_(begin), end_(end), strict_(level == Level::strict), text_rules_(textRules && strict_) {}

bool JsonScanner::fail(std::size_t offset, std::string message, std::string key) {
  if (failed_) return false;  // the first problem stands
  failed_ = true;
  fault_.offset = offset;
  fault_.message = std::move(message);
  fault_.key = std::move(key);
  fault_.path = strict_ ? pathText() : std::string();
  if (fault_.path == fault_.key) fault_.path.clear();  // a top-level member: its key says it all
  return false;
}

bool JsonScanner::syntax(std::size_t offset, const std::string& what) { return fail(offset, "ongeldige JSON: " + what); }

std::string JsonScanner::pathText() const {
  std::string out;
  for (const auto& s : path_) {
    if (s.isIndex) {
      out += "[" + std::to_string(s.index) + "]";
    } else {
      if (!out.empty()) out += ".";
      out += s.key;
    }
  }
  return out;
}

std::string_view JsonScanner::nearestKey() const {
  for (auto it = path_.rbegin(); it != path_.rend(); ++it)
    if (!it->isIndex) return it->key;
  return {};
}

bool JsonScanner::inString(std::size_t at, bool isKey, const std::string& what) {
  std::string message = "ongeldige JSON: " + what;
  if (isKey) return fail(at, message + " in de naam van een veld");
  return fail(at, message, std::string(nearestKey()));
}

bool JsonScanner::textFault(std::size_t at, char32_t cp, bool isKey) {
  std::string message = codePointMessage(cp);
  if (isKey) return fail(at, message + " in de naam van een veld");
  return fail(at, message, std::string(nearestKey()));
}

bool JsonScanner::document() {
  if (end_ - pos_ >= 3 && text_.substr(pos_, 3) == "\xEF\xBB\xBF") pos_ += 3;
  ws();
  if (pos_ >= end_) return syntax(pos_, "de tekst is leeg (een JSON-object of -lijst verwacht)");
  // RFC 8259 allows a bare scalar; Poco's parser (and every igsgov input) does not.
  if (strict_ && text_[pos_] != '{' && text_[pos_] != '[')
    return syntax(pos_, "een JSON-object ({...}) of -lijst ([...]) verwacht");
  if (!value(nullptr, 0)) return false;
  ws();
  if (pos_ < end_) return syntax(pos_, "onverwachte tekst na het einde van de JSON-waarde");
  return true;
}

bool JsonScanner::value(JsonSpan* span) { return value(span, 0); }

bool JsonScanner::value(JsonSpan* span, int depth) {
  ws();
  if (pos_ >= end_) return syntax(pos_, "de tekst houdt op waar een waarde verwacht werd");
  if (depth > kMaxDepth)
    return syntax(pos_, "te diep genest (meer dan " + std::to_string(kMaxDepth) + " niveaus)");
  depth_ = depth;
  std::size_t start = pos_;
  char c = text_[pos_];
  bool ok;
  if (c == '"') {
    ok = string(nullptr, nullptr, nullptr, false);
  } else if (c == '{') {
    ok = members([](std::string_view, bool, JsonSpan) {});
  } else if (c == '[') {
    ok = elements([](JsonSpan) {});
  } else if (c == 't') {
    ok = literal("true");
  } else if (c == 'f') {
    ok = literal("false");
  } else if (c == 'n') {
    ok = literal("null");
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    ok = number();
  } else {
    return syntax(pos_, "onverwacht teken " + shown(c) + " waar een waarde verwacht werd");
  }
  if (ok && span) *span = {start, pos_};
  return ok;
}

bool JsonScanner::expected(char close) {
  std::string what = close == '}' ? "',' of '}' verwacht na een veld van het object"
                                  : "',' of ']' verwacht na een element van de lijst";
  if (pos_ >= end_) return syntax(pos_, std::string("de tekst houdt op: ") + what);
  return syntax(pos_, what + ", niet " + shown(text_[pos_]));
}

bool JsonScanner::noteKey(std::size_t at, std::string_view raw, bool escaped, int depth, std::string_view& key) {
  Keys& keys = keys_[static_cast<std::size_t>(depth)];
  key = escaped ? std::string_view(keys.owned.emplace_back(key_)) : raw;
  if (keys.insert(key)) return true;
  std::string name(key);
  return fail(at, "ongeldige JSON: veld '" + name + "' komt twee keer voor in hetzelfde object", name);
}

bool JsonScanner::literal(std::string_view word) {
  if (pos_ + word.size() > end_ || text_.substr(pos_, word.size()) != word)
    return syntax(pos_, "onbekende waarde (true, false, null, een getal, tekst, object of lijst verwacht)");
  pos_ += word.size();
  return true;
}

bool JsonScanner::number() {
  std::size_t start = pos_;
  auto digits = [&] {
    std::size_t from = pos_;
    while (pos_ < end_ && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > from;
  };
  bool negative = text_[pos_] == '-';
  if (negative) ++pos_;
  std::size_t intStart = pos_;
  if (pos_ < end_ && text_[pos_] == '0') {
    ++pos_;
  } else if (!digits()) {
    return syntax(start, "ongeldig getal");
  }
  std::size_t intEnd = pos_;
  bool integer = true;
  if (pos_ < end_ && text_[pos_] == '.') {
    ++pos_;
    integer = false;
    if (!digits()) return syntax(start, "ongeldig getal (cijfers verwacht na de punt)");
  }
  if (pos_ < end_ && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    integer = false;
    if (pos_ < end_ && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digits()) return syntax(start, "ongeldig getal (cijfers verwacht in de exponent)");
  }
  if (!strict_) return true;
  if (integer) {
    auto d = text_.substr(intStart, intEnd - intStart);
    if (negative ? above(d, "9223372036854775808") : above(d, "18446744073709551615"))
      return syntax(start, "getal te groot (gehele getallen passen in 64 bits)");
    return true;
  }
  std::string copy(text_.substr(start, pos_ - start));
  errno = 0;
  double d = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(d) || (errno == ERANGE && d != 0.0)) return syntax(start, "getal buiten bereik");
  return true;
}

bool JsonScanner::escape(std::string* decoded, bool multiline, bool isKey) {
  // pos_ is at the backslash.
  std::size_t at = pos_;
  if (++pos_ >= end_) return inString(at, isKey, "tekst wordt niet afgesloten (\" ontbreekt)");
  char e = text_[pos_];
  char32_t cp;
  switch (e) {
    case '"': cp = '"'; break;
    case '\\': cp = '\\'; break;
    case '/': cp = '/'; break;
    case 'b': cp = 0x08; break;
    case 'f': cp = 0x0C; break;
    case 'n': cp = '\n'; break;
    case 'r': cp = '\r'; break;
    case 't': cp = '\t'; break;
    case 'u': {
      auto four = [&](char32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
          if (pos_ + 1 >= end_) return false;
          int h = hexValue(text_[pos_ + 1]);
          if (h < 0) return false;
          out = (out << 4) | static_cast<char32_t>(h);
          ++pos_;
        }
        return true;
      };
      if (!four(cp)) return inString(at, isKey, "ongeldige escape: \\u moet gevolgd worden door vier hexadecimale cijfers");
      if (strict_ && cp >= 0xDC00 && cp <= 0xDFFF)
        return inString(at, isKey, "losse surrogaat \\u" + hex4(static_cast<unsigned>(cp)) +
                            " (een tweede helft zonder eerste)");
      if (strict_ && cp >= 0xD800 && cp <= 0xDBFF) {
        char32_t low = 0;
        bool paired = pos_ + 2 < end_ && text_[pos_ + 1] == '\\' && text_[pos_ + 2] == 'u';
        if (paired) {
          pos_ += 2;
          paired = four(low) && low >= 0xDC00 && low <= 0xDFFF;
        }
        if (!paired)
          return inString(at, isKey, "losse surrogaat \\u" + hex4(static_cast<unsigned>(cp)) +
                              " (een eerste helft zonder tweede)");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      break;
    }
    default:
      return inString(at, isKey, "ongeldige escape \\" + std::string(1, e) +
                            " (toegelaten: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
  }
  ++pos_;
  if (text_rules_ && !allowedCodePoint(cp, multiline)) return textFault(at, cp, isKey);
  if (decoded) appendUtf8(*decoded, cp);
  return true;
}

bool JsonScanner::string(std::string_view* raw, bool* escaped, std::string* decoded, bool isKey) {
  std::size_t open = pos_;
  std::size_t start = ++pos_;
  bool esc = false;
  bool multiline = text_rules_ && !isKey && multilineField(nearestKey());
  if (decoded) decoded->clear();
  std::size_t copied = start;  // with `decoded`: the text before here is in it
  while (pos_ < end_) {
    auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      if (raw) *raw = text_.substr(start, pos_ - start);
      if (escaped) *escaped = esc;
      if (decoded && esc) decoded->append(text_.substr(copied, pos_ - copied));
      ++pos_;
      return true;
    }
    if (c == '\\') {
      esc = true;
      if (decoded) decoded->append(text_.substr(copied, pos_ - copied));
      if (!escape(decoded, multiline, isKey)) return false;
      copied = pos_;
      continue;
    }
    if (c < 0x20) {
      if (c == '\n' || c == '\r')
        return inString(pos_, isKey, "regeleinde binnen een tekst (ontbreekt de \" die de tekst afsluit? schrijf anders \\n)");
      return inString(pos_, isKey, "stuurteken U+" + hex4(c) + " binnen een tekst (schrijf het als \\u" + hex4(c) + ")");
    }
    if (c < 0x7F || !strict_) {
      ++pos_;
      continue;
    }
    Utf8Char u = decodeUtf8(text_, pos_);
    if (u.length == 0 || pos_ + u.length > end_) return inString(pos_, isKey, "geen geldige UTF-8 (" + shown(text_[pos_]) + ")");
    if (text_rules_ && !allowedCodePoint(u.cp, multiline)) return textFault(pos_, u.cp, isKey);
    pos_ += u.length;
  }
  return inString(open, isKey, "tekst wordt niet afgesloten (de \" aan het einde ontbreekt)");
}

}  // namespace igsgov
