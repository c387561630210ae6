// Program: the compiled form of one template part, and its renderer.
//
// A part (word/document.xml, content.xml, an HTML file...) compiles to a tree
// of nodes: literal bytes, values, sections (loops/conditions) and raw XML.
// Compilation happens once per template; renderPart() walks the tree for each
// document and appends the output bytes. The tree is immutable after
// compilation, so one Program can be rendered from many threads at once.
//
// Render-time problems (a value missing from the data, a formatter that
// cannot format a value) are collected as TemplateIssue, never thrown here.
// The tree is at most kMaxSectionDepth sections deep (the compiler refuses
// deeper templates), which bounds the recursion of rendering and destruction.
#pragma once

#include "docs/Formatters.hpp"
#include "docs/TemplateErrors.hpp"

#include <Poco/Dynamic/Var.h>

#include <optional>
#include <string>
#include <vector>

namespace igsgov::docs {

// How a value is written into the output.
enum class ValueMode {
  markdown,  // Markdown: HTML and Markdown syntax escaped (docs/TextEscape.hpp)
  html,      // HTML-escaped (docs/TextEscape.hpp)
  xml,    // XML-escaped (document properties)
  docx,   // XML-escaped, "\n" -> <w:br/>, "\t" -> <w:tab/> (inside <w:t>)
  odt,    // XML-escaped, "\n" -> <text:line-break/>, "\t" -> <text:tab/>
};

struct TagSite {
  std::string part;
  std::size_t paragraph = 0;  // see TemplateIssue
  std::size_t position = 0;
  std::size_t offset = 0;
  bool inLines = false;
  std::string snippet;
  std::string tag;  // "{naam | upper}"
};

struct Node {
  enum Kind { literal, value, section, raw };
  Kind kind = literal;
  std::string text;                     // literal bytes
  std::vector<std::string> path;        // empty = current item "."
  std::vector<FormatterFn> formatters;  // value only
  bool inverted = false;                // section only
  int site = -1;                        // index into PartProgram::sites
  std::vector<Node> children;           // section only
};

struct PartProgram {
  ValueMode mode = ValueMode::markdown;
  std::vector<Node> nodes;
  std::vector<TagSite> sites;
  std::size_t sizeHint = 0;  // bytes of the template part, to reserve output
};


// Stops with an output_too_large issue when `out` would pass
// kMaxRenderedPartBytes (Limits.hpp).
void renderPart(const PartProgram& program, const Poco::Dynamic::Var& data,
                const std::optional<std::string>& placeholder, std::string& out,
                IssueList& issues);

}  // namespace igsgov::docs
