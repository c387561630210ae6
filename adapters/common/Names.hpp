// Names: comparing file names the way users and case-insensitive servers do.
//
// nfc(): Unicode canonical composition, LIMITED to the Latin letters with the
// accents used in Dutch, French, German and the other Western European names
// that Flemish documents carry: grave, acute, circumflex, tilde, diaeresis,
// ring, cedilla and caron on the Latin base letters (e.g. "e" + U+0301 -> "é",
// "i" + U+0308 -> "ï"). Other decomposed sequences are left as they are, and
// combining marks are not reordered (no full canonical ordering): two spellings
// outside that set may compare unequal although full NFC would merge them.
// This keeps the table small without an ICU dependency.
//
// nameKey(): nfc() then Unicode lower case (Poco::UTF8): two names with the same
// key clash on a case-insensitive or normalising server (SharePoint, Windows,
// macOS): "Readme.docx" vs "README.docx", "café" (NFC) vs "café" (NFD).
//
// Invalid UTF-8 throws Error(invalid). Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov::adapters {

std::string nfc(std::string_view utf8);
std::string nameKey(std::string_view utf8);

// The first name in `existing` that clashes with `candidate` (same key, other
// bytes), if any. An identical name is not a clash (it is the same entry).
std::optional<std::string> findClash(const std::vector<std::string>& existing, std::string_view candidate);

}  // namespace igsgov::adapters
