// TextRules: which text igsgov accepts into the register. Every text that
// comes in (an operation's input, an interchange file, the actor and reason
// of a call) must be:
//   - valid UTF-8: no stray or missing continuation bytes, no overlong forms,
//     no surrogates (U+D800–U+DFFF), nothing beyond U+10FFFF;
//   - free of U+0000 and of control characters (U+0001–U+001F, U+007F,
//     U+0080–U+009F): they are invisible, cut C strings short, and move the
//     cursor or change colours when the text is printed on a terminal;
//   - except TAB, LF and CR in a multi-line field (multilineField: a reason,
//     a motivation, a message, a note, a description, CSV text, and content
//     given as text in place of a file: names ending in _pem or _text), where
//     lines make sense; names, ids, codes and dates are one line.
// Text already in a register is not checked when it is read.
//
// Pure functions; thread-safe. Failures: Error(invalid) naming the field and
// the character's position in the text (1-based, in characters).
#pragma once

#include "core/Error.hpp"

#include <Poco/Dynamic/Var.h>

#include <optional>
#include <string>
#include <string_view>

namespace igsgov {

// True for field names whose text may span lines (TAB, LF and CR allowed).
bool multilineField(std::string_view name);

// Whether code point `cp` (a Unicode scalar value) may be stored; fast for
// the common case. codePointMessage: why not, in Dutch ("stuurteken U+0007").
inline bool allowedCodePoint(char32_t cp, bool multiline) {
  if (cp >= 0x20 && cp < 0x7F) return true;
  if (cp < 0x20) return multiline && (cp == '\t' || cp == '\n' || cp == '\r');
  return cp > 0x9F;
}
std::string codePointMessage(char32_t cp);

struct TextProblem {
  std::size_t character = 0;  // 1-based position of the offending character
  std::string message;        // Dutch: "ongeldige UTF-8", "nulteken (U+0000)"
};
// The first problem of `s` (UTF-8 bytes), or nullopt.
std::optional<TextProblem> textProblem(std::string_view s, bool multiline);

// Decodes one UTF-8 sequence at s[i]: the code point and its length, or
// length 0 when the bytes there are not valid UTF-8 (also overlong forms,
// surrogates and code points beyond U+10FFFF).
struct Utf8Char {
  char32_t cp = 0;
  std::size_t length = 0;
};
Utf8Char decodeUtf8(std::string_view s, std::size_t i);

// Checks every string and every key of `value` (objects and arrays walked
// recursively). The place is `base` plus "field" (the member's key, quoted)
// and, below the top level, "path" ("decision.council", "seats[2].name").
// Multi-line is decided by the nearest key. Throws Error(invalid).
void checkTextTree(const Poco::Dynamic::Var& value, const Place& base);
// One text, e.g. the actor or reason of a call; `field` is its name.
void checkText(std::string_view text, const std::string& field, const Place& base);

}  // namespace igsgov
