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
// loop_position_invalid, malformed_xml). docs/sjablonen.md lists them in Dutch.
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
  std::size_t offset = 0;     // offset into the part's text (the concatenated text runs)
  std::string snippet;     // the text around the problem
  std::string tag;         // the tag concerned, e.g. "{#leden}", when there is one

  Poco::JSON::Object::Ptr toJson() const;
  Place place() const;
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
