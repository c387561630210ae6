// TextEscape: how a value from the data is written into an HTML or Markdown
// document, so that register data is always shown as text and never becomes
// markup: a person named "<script>…" or "[klik](javascript:…)" must not put a
// script or a link into a generated document.
//
//   HTML      & < > " ' as character references (element content and both
//             kinds of quoted attribute values).
//   Markdown  the same characters as character references, and every
//             character that can start Markdown syntax inside a line
//             (\ ` * _ [ ] | ~) as a numeric reference: CommonMark decodes
//             references into plain characters that never act as syntax, and
//             they stay right inside the raw HTML blocks a template may hold
//             (<div align="right">{plaats}</div>), where a backslash escape
//             would be printed. At the start of the value and of each of its
//             lines, a block marker (# + - = >, or digits and '.' or ')') is
//             escaped too. A line break in the value becomes <br>, so a
//             multi-line text keeps its lines without ending the paragraph or
//             table row it stands in.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace igsgov::docs {

void appendHtmlEscaped(std::string& out, std::string_view text);
void appendMarkdownEscaped(std::string& out, std::string_view text);

}  // namespace igsgov::docs
