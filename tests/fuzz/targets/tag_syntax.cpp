// Fuzz target "tag_syntax": docxtemplater's tag syntax (docs/TagSyntax) on
// any text, and the same text compiled and rendered as a Markdown or HTML
// template (docs/TextPart).
//
// Checks: the delimiters found are ordered, within the text, start with '{'
// and end with '}', and stay within the caps; a parsed tag's name, path and
// formatters (and writtenTag(), what messages quote) are UTF-8 whenever the
// text is; a path rebuilt from its parts gives the name again; and the text
// template passes TemplateHarness's checks. A first byte '<' (after white
// space) makes it HTML, as Template::compile decides for text.
#include "FuzzSupport.hpp"
#include "TemplateHarness.hpp"
#include "docs/Limits.hpp"
#include "docs/TagSyntax.hpp"

using namespace igsgov;
using namespace igsgov::docs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::text(data, size);
  bool utf8 = fuzz::validUtf8(text);
  std::vector<DelimitedTag> tags;
  std::vector<DelimiterIssue> issues;
  auto over = lexDelimiters(text, tags, issues, kMaxTags, kMaxIssues);
  fuzz::require(tags.size() <= kMaxTags && issues.size() <= kMaxIssues, "lexDelimiters passed its caps");
  std::size_t after = 0;
  for (const auto& t : tags) {
    fuzz::require(t.begin >= after && t.begin + 2 <= t.end && t.end <= text.size(), "delimited tags out of order");
    fuzz::require(text[t.begin] == '{' && text[t.end - 1] == '}', "a delimited tag without its braces");
    after = t.end;
    std::string_view inner = text.substr(t.begin + 1, t.end - t.begin - 2);
    ParsedTag parsed;
    std::string message;
    std::string written = writtenTag(inner);
    if (utf8) fuzz::require(fuzz::validUtf8(written), "writtenTag cut a character");
    if (!parseTag(inner, parsed, message)) {
      fuzz::require(!message.empty(), "parseTag failed without a message");
      if (utf8) fuzz::require(fuzz::validUtf8(message), "parseTag's message is not UTF-8");
      continue;
    }
    if (utf8) {
      fuzz::require(fuzz::validUtf8(parsed.name), "a tag's name is not UTF-8: " + parsed.name);
      for (const auto& f : parsed.formatters) fuzz::require(fuzz::validUtf8(f), "a formatter name is not UTF-8");
      fuzz::require(fuzz::validUtf8(tagText(parsed)), "tagText is not UTF-8");
    }
    std::string joined;
    for (const auto& p : parsed.path) joined += (joined.empty() ? "" : ".") + p;
    if (parsed.name != ".") fuzz::require(joined == parsed.name, "path parts do not make the name: " + parsed.name);
  }
  if (!over.tooManyTags) (void)firstNestedTooDeep(text, tags, kMaxSectionDepth);

  CompileOptions options;
  options.source = "fuzz.md";
  fuzz::exercise(std::string(text), options, utf8);
  return 0;
}
