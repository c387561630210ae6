// TemplateIssue / TemplateErrors: every problem found in a template, at once.
//
// The compiler and the renderer collect all issues of a template before they
// give up, so a secretariat fixes a template in one round. The issues are
// thrown together as one TemplateErrors, an igsgov::Error with code invalid
// whose Place names the first issue and whose issues() holds the full list.
//
// Issue ids follow docxtemplater where it has one (unclosed_tag, unopened_tag,
// unclosed_loop, unopened_loop, closing_tag_does_not_match_opening_tag) and add
// ours (unknown_tag, unknown_formatter, raw_xml_not_alone, invalid_tag,
// loop_position_invalid, malformed_xml, nesting_too_deep, too_many_tags,
// too_many_errors, output_too_large).
// docs/sjablonen.md lists them in Dutch.
//
// Places: `paragraph` counts the paragraphs of the part (DOCX/ODT) or its
// lines (HTML/Markdown, `inLines`); `position` is the character (not byte)
// within that paragraph or line, both 1-based, as a user counts them in a word
// processor. `offset` is docxtemplater's: the byte offset in the part's text
// (all text nodes concatenated), kept for tools. The snippet never reaches
// into another paragraph or line.
//
// IssueList keeps at most kMaxIssues issues (Limits.hpp): a template full of
// stray braces cannot exhaust memory with its own error list.
//
// Thread safety: value types.
#pragma once

#include "core/Error.hpp"

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <string>
#include <vector>

namespace igsgov::docs {

struct TemplateIssue {
  std::string id;          // e.g. "unclosed_loop"
  std::string message;     // Dutch, for the user
  std::string part;        // "word/document.xml", "content.xml", "template" for HTML/Markdown
  std::size_t paragraph = 0;  // 1-based paragraph (or line for HTML/Markdown); 0 when none
  std::size_t position = 0;   // 1-based character within that paragraph or line; 0 when none
  std::size_t offset = 0;     // byte offset into the part's text (the concatenated text runs)
  bool inLines = false;       // paragraph counts lines (HTML, Markdown)
  std::string snippet;     // the text around the problem
  std::string tag;         // the tag concerned, e.g. "{#leden}", when there is one

  Poco::JSON::Object::Ptr toJson() const;
  Place place() const;
};

// The issues of one template, at most kMaxIssues of them; past the cap only
// their number is kept. take() ends the list with a too_many_errors issue when
// any were dropped.
class IssueList {
public:
  void push_back(TemplateIssue issue);
  void countDropped(std::size_t n) { dropped_ += n; }  // issues a producer left out past the cap
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  std::size_t dropped() const { return dropped_; }
  const TemplateIssue& operator[](std::size_t i) const { return items_[i]; }
  std::vector<TemplateIssue>::const_iterator begin() const { return items_.begin(); }
  std::vector<TemplateIssue>::const_iterator end() const { return items_.end(); }
  std::vector<TemplateIssue> take();

private:
  std::vector<TemplateIssue> items_;
  std::size_t dropped_ = 0;
};

class TemplateErrors : public Error {
public:
  explicit TemplateErrors(std::vector<TemplateIssue> issues);

  const std::vector<TemplateIssue>& issues() const { return issues_; }
  // {"code": "invalid", ..., "place": {...first...}, "errors": [issue...]}
  Poco::JSON::Object::Ptr toJson() const;

  const char* className() const noexcept override { return "igsgov::docs::TemplateErrors"; }
  Poco::Exception* clone() const override { return new TemplateErrors(*this); }
  void rethrow() const override { throw *this; }

private:
  std::vector<TemplateIssue> issues_;
};

}  // namespace igsgov::docs
