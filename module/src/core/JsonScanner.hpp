// JsonScanner: the one JSON scanner of igsgov. It walks a JSON text (or a
// span of one) without building anything, and is used by both
//   - checkJson / parseJson (core/Json.hpp): every JSON text that comes in is
//     checked by it before Poco parses it, so every problem is reported with
//     its line, column and member path, which Poco's parser cannot do; and
//   - JsonSpans (core/JsonSpans.hpp): the spans of values in a very large
//     text, for the import's fast path.
//
// What it checks depends on the level:
//   grammar  RFC 8259 syntax; nesting up to kMaxDepth levels; no raw control
//            character inside a string. (JsonSpans: fast passes over a text.)
//   strict   also: the document is an object or an array; the text is UTF-8 (RFC 8259 §8.1); a \u escape never names
//            a lone surrogate; a number fits what the parser can hold (64-bit
//            integers, finite doubles); no key appears twice in one object
//            (RFC 8259 leaves that to the parser; Poco keeps the last one
//            silently, so {"name":"A","name":"B"} would be read as "B").
//   + text   (strict only) every string, decoded, obeys core/TextRules.hpp
//            (no U+0000 or control characters; TAB, LF and CR only in a
//            multi-line field, decided by the member's key).
// A leading UTF-8 byte order mark is skipped.
//
// Every step returns false at the first problem; fault() then tells where
// (byte offset), why (Dutch) and, at the strict level, in which member (path
// "mandates[3].decision", key). Not thread-safe (one scanner, one thread);
// the text must outlive the scanner.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace igsgov {

struct JsonSpan {
  std::size_t begin = 0;  // first character of the value
  std::size_t end = 0;    // one past its last character
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
};

struct JsonFault {
  std::size_t offset = 0;
  std::string message;  // Dutch, complete ("ongeldige JSON: ',' of '}' verwacht")
  std::string path;     // strict level: where in the document ("mandates[3]"), "" at the top
  std::string key;      // strict level: the member concerned (duplicate key, text rule), else ""
};

class JsonScanner {
public:
  enum class Level { grammar, strict };
  static constexpr int kMaxDepth = 256;

  JsonScanner(std::string_view text, std::size_t begin, std::size_t end, Level level, bool textRules = false);

  // The whole range is one value, with white space (and a BOM) around it.
  bool document();
  // One value at the cursor (after white space); `span` receives where it is.
  bool value(JsonSpan* span);
  // The members of the object at the cursor: fn(key as written, escaped, value span).
  template <class F>
  bool members(F fn);
  // The elements of the array at the cursor: fn(value span).
  template <class F>
  bool elements(F fn);

  void ws() {
    while (pos_ < end_ && isSpace(text_[pos_])) ++pos_;
  }
  std::size_t pos() const { return pos_; }
  bool failed() const { return failed_; }
  const JsonFault& fault() const { return fault_; }

private:
  static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  bool eat(char c) {
    ws();
    if (pos_ >= end_ || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool fail(std::size_t offset, std::string message, std::string key = "");
  bool syntax(std::size_t offset, const std::string& what);  // "ongeldige JSON: " + what
  // A string at the cursor. raw: between the quotes; decoded: filled when it
  // has escapes (strict level); isKey: a member's name (text rules: one line).
  bool string(std::string_view* raw, bool* escaped, std::string* decoded, bool isKey);
  bool escape(std::string* decoded, bool multiline, bool isKey);
  bool textFault(std::size_t at, char32_t cp, bool isKey);
  bool inString(std::size_t at, bool isKey, const std::string& what);  // a syntax fault inside a string
  bool number();
  bool literal(std::string_view word);
  bool value(JsonSpan* span, int depth);
  bool expected(char close);  // the fault after a member or element
  // Records a member's key in its object (strict level); false when given twice.
  // `key` receives the key as stored (decoded), valid while the object is read.
  bool noteKey(std::size_t at, std::string_view raw, bool escaped, int depth, std::string_view& key);
  std::string pathText() const;
  std::string_view nearestKey() const;

  struct Segment {
    std::string_view key;     // member key (decoded; into the text or Keys::owned), or
    std::size_t index = 0;    // element index
    bool isIndex = false;
  };
  // Keys seen in one open object: a short list, a hash set past kSmall. Views
  // into the text, or into `owned` for keys written with escapes.
  struct Keys {
    static constexpr std::size_t kSmall = 24;
    std::vector<std::string_view> small;
    std::unordered_set<std::string_view> big;
    std::deque<std::string> owned;
    bool insert(std::string_view key);
    void clear() {
      small.clear();
      big.clear();
      owned.clear();
    }
  };

  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  bool strict_;
  bool text_rules_;
  bool failed_ = false;
  JsonFault fault_;
  std::vector<Segment> path_;  // strict level only
  std::deque<Keys> keys_;      // strict level only, by depth (a deque: growing it moves no Keys)
  std::string key_;            // the key being read, decoded when it has escapes (strict level)
  int depth_ = 0;
};

template <class F>
bool JsonScanner::members(F fn) {
  if (!eat('{')) return syntax(pos_, "'{' verwacht");
  ws();
  if (pos_ < end_ && text_[pos_] == '}') {
    ++pos_;
    return true;
  }
  int depth = depth_;
  if (strict_) {
    if (keys_.size() <= static_cast<std::size_t>(depth)) keys_.resize(static_cast<std::size_t>(depth) + 1);
    keys_[static_cast<std::size_t>(depth)].clear();
  }
  while (true) {
    ws();
    std::size_t at = pos_;
    if (pos_ >= end_) return syntax(pos_, "het object wordt niet afgesloten: '}' ontbreekt");
    if (text_[pos_] != '"') return syntax(pos_, "naam van een veld verwacht (tussen \"\")");
    std::string_view key;
    bool escaped = false;
    if (!string(&key, &escaped, strict_ ? &key_ : nullptr, true)) return false;
    std::string_view stored;
    if (strict_ && !noteKey(at, key, escaped, depth, stored)) return false;
    if (!eat(':')) return syntax(pos_, "':' verwacht na de naam van een veld");
    JsonSpan v;
    if (strict_) path_.push_back({stored, 0, false});
    if (!value(&v, depth + 1)) return false;
    if (strict_) path_.pop_back();
    fn(key, escaped, v);
    if (eat(',')) continue;
    if (pos_ < end_ && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    return expected('}');
  }
}

template <class F>
bool JsonScanner::elements(F fn) {
  if (!eat('[')) return syntax(pos_, "'[' verwacht");
  ws();
  if (pos_ < end_ && text_[pos_] == ']') {
    ++pos_;
    return true;
  }
  int depth = depth_;
  for (std::size_t i = 0;; ++i) {
    JsonSpan v;
    if (strict_) path_.push_back({std::string_view(), i, true});
    if (!value(&v, depth + 1)) return false;
    if (strict_) path_.pop_back();
    fn(v);
    if (eat(',')) continue;
    if (pos_ < end_ && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    return expected(']');
  }
}

}  // namespace igsgov
