// PartCompiler: compiles one template part into a PartProgram (internal).
//
// compileXmlPart() handles the XML parts of DOCX and ODT (body, headers,
// footers, document properties); compileTextPart() handles HTML and Markdown.
// Both append every problem to `issues` (they never throw for template
// mistakes) and list the tags they saw in `uses`. They return false when the
// part holds no tag at all: the caller then keeps the part byte for byte.
//
// Thread safety: pure functions.
#pragma once

#include "docs/Program.hpp"
#include "docs/TemplateErrors.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace igsgov::docs {

enum class PartKind {
  docxBody,    // word/document.xml, headers, footers, notes: text lives in <w:t>
  odtBody,     // content.xml, styles.xml: text lives in <text:p>/<text:h>
  xmlGeneric,  // docProps/*.xml, meta.xml: all character data
  html,
  markdown,
};

// One tag as written in a template, for `igsgov template check`.
struct TagUse {
  std::string part;
  std::string tag;     // "{#leden}", "{datum | datum_lang}"
  std::string kind;    // value | loop | inverted | close | raw
  std::string name;    // the path, "." for the current item
  std::vector<std::string> formatters;
  std::size_t paragraph = 0;  // as in TemplateIssue
  std::size_t position = 0;
  std::size_t offset = 0;
  bool inLines = false;
};

bool compileXmlPart(std::string_view xml, const std::string& part, PartKind kind,
                    PartProgram& program, IssueList& issues,
                    std::vector<TagUse>& uses);

bool compileTextPart(std::string_view text, const std::string& part, PartKind kind,
                     PartProgram& program, IssueList& issues,
                     std::vector<TagUse>& uses);

}  // namespace igsgov::docs
