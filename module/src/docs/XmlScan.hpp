// XmlScan: a small, strict, non-validating XML tokenizer for OOXML/ODF parts.
//
// Used by the template compiler instead of a DOM: it keeps every byte of the
// input addressable (tokens are ranges into the source), so parts can be
// rewritten around template tags without re-serialising anything else.
//
// Safety contract: a DOCTYPE (and with it every DTD, internal or external
// entity) is refused, and the only entity references accepted are the five
// predefined ones and numeric character references. Nothing is ever loaded
// from outside. Malformed markup (unterminated tags, comments, mismatched end
// tags, unknown entities, elements nested deeper than kMaxXmlDepth) throws
// igsgov::Error(invalid) naming the part and the byte offset. Time and memory
// are linear in the input; nothing recurses.
//
// Thread safety: free functions over caller-owned data; no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov::docs {

struct XmlToken {
  enum Kind { open, close, empty, text, other };
  Kind kind = other;
  std::size_t begin = 0;   // byte range in the source
  std::size_t end = 0;
  std::string_view name;   // element qname for open/close/empty
};

// Tokenizes `xml`; `part` names it in errors. Checks that tags nest.
std::vector<XmlToken> scanXml(std::string_view xml, const std::string& part);

// Decodes the character data of a text token (entities, CDATA is not text).
std::string xmlUnescape(std::string_view raw, const std::string& part, std::size_t offset);

// Escaping text for XML: core/XmlEscape.hpp.

// The value of attribute `name` in the raw start tag `tag`, or npos-like empty
// optional signalled by `found`.
std::string attributeValue(std::string_view tag, std::string_view name, bool* found = nullptr);

}  // namespace igsgov::docs
