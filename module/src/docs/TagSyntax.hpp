// TagSyntax: docxtemplater-compatible tag delimiters and tag contents.
//
//   {naam}  {lid.naam}  {.}  {#lijst} {^lijst} {/lijst}  {@raw}  {x | upper | lower}
//
// lexDelimiters() finds the `{...}` pairs in the text of one part and reports
// unclosed_tag / unopened_tag like docxtemplater does. parseTag() splits the
// inside of one tag into kind, path and formatter names.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov::docs {

struct DelimitedTag {
  std::size_t begin = 0;  // offset of '{' in the text
  std::size_t end = 0;    // offset just after '}'
};

struct DelimiterIssue {
  std::string id;         // unclosed_tag | unopened_tag
  std::size_t offset = 0;
};

// What lexDelimiters() left out to stay within its caps.
struct DelimiterOverflow {
  bool tooManyTags = false;   // more than `maxTags` tags: the rest is not lexed
  std::size_t firstOver = 0;  // offset of the first tag past the cap
  std::size_t droppedIssues = 0;  // issues past `maxIssues`, counted only
};

// At most `maxTags` tags and `maxIssues` issues are kept (memory stays
// bounded whatever the text); see DelimiterOverflow for the rest.
DelimiterOverflow lexDelimiters(std::string_view text, std::vector<DelimitedTag>& tags,
                                std::vector<DelimiterIssue>& issues, std::size_t maxTags,
                                std::size_t maxIssues);

// When a part has too many tags to compile, still tell whether its sections
// nest too deep: the index in `tags` of the first section tag ({#…}/{^…})
// opened inside `maxDepth` others, or -1. Looks only at each tag's first
// character, like parseTag() does.
long firstNestedTooDeep(std::string_view text, const std::vector<DelimitedTag>& tags, std::size_t maxDepth);

struct ParsedTag {
  enum Kind { value, open, inverted, close, raw };
  Kind kind = value;
  std::string name;                    // the path as written, "." for the current item
  std::vector<std::string> path;       // split on '.', empty for "."
  std::vector<std::string> formatters; // names after '|', in order
};

// Parses the inside of a tag (without the braces). On failure returns false
// and sets a Dutch `message` (the issue id is invalid_tag); so do a tag over
// kMaxTagBytes and more than kMaxFormatters formatters (Limits.hpp).
bool parseTag(std::string_view inner, ParsedTag& out, std::string& message);

// "{inside}" as written, for messages about an invalid tag: a long one is cut
// (at a character boundary) and ends in "…".
std::string writtenTag(std::string_view inner);

// "{#leden}" style text of a tag for messages and check listings.
std::string tagText(const ParsedTag& tag);
const char* tagKindName(ParsedTag::Kind kind);

}  // namespace igsgov::docs
