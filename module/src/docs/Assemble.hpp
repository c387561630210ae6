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

#include <functional>
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
// nesting_too_deep at the first section opened inside kMaxSectionDepth others.
TemplateIssue nestingTooDeep(const TagSite& site);

// Reports what lexDelimiters() found wrong in `text` (unclosed_tag,
// unopened_tag, dropped issues) and, when the template has too many tags,
// too_many_tags (after nesting_too_deep when the kept tags already nest too
// deep). `site(begin, end)` places a range of the text. Returns false when
// the part must not be compiled further (too many tags).
bool reportDelimiters(std::string_view text, const std::vector<DelimitedTag>& tags,
                      const std::vector<DelimiterIssue>& problems, const DelimiterOverflow& overflow,
                      const std::function<TagSite(std::size_t, std::size_t)>& site, IssueList& issues);

// Text around [begin, end) of `text`, never outside [lo, hi) (the paragraph
// or line), cut at UTF-8 character boundaries, at most ~100 bytes.
std::string snippetOf(std::string_view text, std::size_t begin, std::size_t end, std::size_t lo,
                      std::size_t hi);

// UTF-8 characters in text[from, to) (bytes that do not continue a character).
std::size_t utf8Length(std::string_view text, std::size_t from, std::size_t to);

// utf8Length for many positions: asked for growing `to` from the same `from`
// (tags in text order), it counts only the new bytes, so a part with many
// tags on one long line stays linear.
// Always called with the same text.
class CharCounter {
public:
  std::size_t count(std::string_view text, std::size_t from, std::size_t to);

private:
  std::size_t from_ = std::string_view::npos, to_ = 0, chars_ = 0;
};

// Pairs open/inverted tags with close tags; reports unopened_loop,
// unclosed_loop and closing_tag_does_not_match_opening_tag, and
// nesting_too_deep (once) for sections opened deeper than kMaxSectionDepth,
// whose pairs are left out so the tree stays within the bound.
std::vector<std::pair<int, int>> pairSections(const Flat& flat, IssueList& issues);

// Checks the value tags' formatters (unknown_formatter) and builds the tree.
void assemble(const Flat& flat, std::vector<SectionRange> ranges, PartProgram& program,
              IssueList& issues);

}  // namespace igsgov::docs
