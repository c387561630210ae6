// XmlEscape: the one way igsgov puts text into XML it writes (documents, their
// properties, WebDAV request bodies). Two contexts, two sets of characters:
//
//   - element content (appendXmlText/xmlText): & and < must be escaped; > is
//     escaped too (a value holding "]]>" is then still text) and so is the
//     double quote (not needed in content, but generated documents have always
//     had it, and a value a template places inside a quoted attribute stays
//     inside it); CR becomes &#13;, since a parser turns a literal CR into LF.
//     The apostrophe, tab and line feed are kept as they are.
//   - attribute values, quoted with " or ' (appendXmlAttribute/xmlAttribute):
//     & < > " ' are escaped, and so are tab, line feed and CR (&#9; &#10;
//     &#13;), since attribute-value normalisation turns a literal one into a
//     space.
// Neither checks that the text holds only characters XML allows (the text
// rules of core/TextRules refuse control characters on input). Pure functions,
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace igsgov {

void appendXmlText(std::string& out, std::string_view text);
std::string xmlText(std::string_view text);

void appendXmlAttribute(std::string& out, std::string_view text);
std::string xmlAttribute(std::string_view text);

// Appends `text` with every character for which `replacement` returns a
// reference replaced by it (the loop behind both, and behind docs' HTML escape).
void appendReplacing(std::string& out, std::string_view text, const char* (*replacement)(char));

}  // namespace igsgov
