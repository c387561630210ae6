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

void lexDelimiters(std::string_view text, std::vector<DelimitedTag>& tags,
                   std::vector<DelimiterIssue>& issues);

struct ParsedTag {
  enum Kind { value, open, inverted, close, raw };
  Kind kind = value;
  std::string name;                    // the path as written, "." for the current item
  std::vector<std::string> path;       // split on '.', empty for "."
  std::vector<std::string> formatters; // names after '|', in order
};

// Parses the inside of a tag (without the braces). On failure returns false
// and sets a Dutch `message` (the issue id is invalid_tag).
bool parseTag(std::string_view inner, ParsedTag& out, std::string& message);

// "{#leden}" style text of a tag for messages and check listings.
std::string tagText(const ParsedTag& tag);
const char* tagKindName(ParsedTag::Kind kind);

}  // namespace igsgov::docs
