// Assemble: the format-neutral half of template compilation (internal).
//
// A part compiler (XmlPart.cpp for DOCX/ODT/properties, TextPart.cpp for HTML
// and Markdown) flattens its source into FlatItems: literal bytes, element
// open/close items (XML only) and tag items. This file pairs the section tags,
// and turns the flat list plus the section ranges chosen by the part compiler
// into the Program tree, reporting every issue it finds.
#pragma once

#include "docs/Program.hpp"
#include "docs/TagSyntax.hpp"
#include "docs/TemplateErrors.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace igsgov::docs {

struct FlatItem {
  enum Kind { literal, open, close, tag };
  Kind kind = literal;
  std::string text;        // literal bytes / raw element tag
  std::string_view name;   // element name for open/close
  int match = -1;          // open <-> close
  int parent = -1;         // enclosing open item
  int tagIdx = -1;       // index into Flat::tags for tag items
};

struct FlatTag {
  ParsedTag parsed;
  bool valid = true;
  TagSite site;
  std::size_t begin = 0, end = 0;  // offsets in the part's text
  int item = -1;                   // its FlatItem
  int paragraph = -1;              // the open item of its paragraph (XML) or -1
};

struct Flat {
  std::vector<FlatItem> items;
  std::vector<FlatTag> tags;

  void literal(std::string_view bytes) {
    if (bytes.empty()) return;
    if (!items.empty() && items.back().kind == FlatItem::literal) {
      items.back().text.append(bytes);
      return;
    }
    FlatItem it;
    it.kind = FlatItem::literal;
    it.text.assign(bytes);
    items.push_back(std::move(it));
  }
};

// A section (or raw tag) covers the items [start, end]; only [innerStart,
// innerEnd) is rendered inside it (per item for loops).
struct SectionRange {
  int openTag = -1;
  int closeTag = -1;  // -1 for raw tags
  int start = 0, end = 0, innerStart = 0, innerEnd = 0;
};

TemplateIssue issueAt(const std::string& id, const std::string& message, const TagSite& site);

// Text around [begin, end) of `text`, cut at UTF-8 character boundaries.
std::string snippetOf(std::string_view text, std::size_t begin, std::size_t end);

// Pairs open/inverted tags with close tags; reports unopened_loop,
// unclosed_loop and closing_tag_does_not_match_opening_tag.
std::vector<std::pair<int, int>> pairSections(const Flat& flat, std::vector<TemplateIssue>& issues);

// Checks the value tags' formatters (unknown_formatter) and builds the tree.
void assemble(const Flat& flat, std::vector<SectionRange> ranges, PartProgram& program,
              std::vector<TemplateIssue>& issues);

}  // namespace igsgov::docs
