// Compiles HTML and Markdown templates: plain text with the same tags.
//
// Lines play the role of paragraphs: a section tag alone on its line (only
// white space besides it) removes the whole line, newline included, so loops
// leave no blank lines. Values are escaped so that they stay text: HTML in
// HTML, HTML and Markdown syntax in Markdown (docs/TextEscape.hpp).
#include "docs/Assemble.hpp"
#include "docs/Limits.hpp"
#include "docs/PartCompiler.hpp"

#include <algorithm>

namespace igsgov::docs {

namespace {

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

bool compileTextPart(std::string_view text, const std::string& part, PartKind kind,
                     PartProgram& program, IssueList& issues,
                     std::vector<TagUse>& uses) {
  if (text.find('{') == std::string_view::npos && text.find('}') == std::string_view::npos)
    return false;
  // Line starts, to number lines.
  std::vector<std::size_t> lineStarts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') lineStarts.push_back(i + 1);
  auto lineOf = [&](std::size_t pos) {
    return static_cast<std::size_t>(std::upper_bound(lineStarts.begin(), lineStarts.end(), pos) -
                                    lineStarts.begin());
  };
  // End of 1-based line `line`: its '\n', or the end of the text.
  auto lineEnd = [&](std::size_t line) {
    return line < lineStarts.size() ? lineStarts[line] - 1 : text.size();
  };
  CharCounter chars;
  auto siteFor = [&](std::size_t b, std::size_t e) {
    TagSite s;
    s.part = part;
    s.inLines = true;
    s.paragraph = lineOf(b);
    const std::size_t ls = lineStarts[s.paragraph - 1], le = lineEnd(s.paragraph);
    s.position = chars.count(text, ls, b) + 1;
    s.offset = b;
    s.snippet = snippetOf(text, b, e, ls, le);
    return s;
  };

  std::vector<DelimitedTag> delimited;
  std::vector<DelimiterIssue> problems;
  DelimiterOverflow over =
      lexDelimiters(text, delimited, problems, kMaxTags - std::min(uses.size(), kMaxTags), kMaxIssues);
  if (!reportDelimiters(text, delimited, problems, over, siteFor, issues)) return true;

  Flat flat;
  std::size_t cursor = 0;
  for (std::size_t k = 0; k < delimited.size(); ++k) {
    const auto& d = delimited[k];
    FlatTag t;
    t.begin = d.begin;
    t.end = d.end;
    t.site = siteFor(d.begin, d.end);
    std::string inner(text.substr(d.begin + 1, d.end - d.begin - 2));
    std::string message;
    t.valid = parseTag(inner, t.parsed, message);
    t.site.tag = t.valid ? tagText(t.parsed) : writtenTag(inner);
    if (!t.valid)
      issues.push_back(issueAt("invalid_tag", "ongeldige tag " + t.site.tag + ": " + message, t.site));
    else {
      TagUse u;
      u.part = part;
      u.tag = t.site.tag;
      u.kind = tagKindName(t.parsed.kind);
      u.name = t.parsed.name;
      u.formatters = t.parsed.formatters;
      u.paragraph = t.site.paragraph;
      u.position = t.site.position;
      u.offset = t.site.offset;
      u.inLines = true;
      uses.push_back(std::move(u));
    }
    // A section tag alone on its line takes the line with it.
    std::size_t cutBegin = d.begin, cutEnd = d.end;
    bool section = t.valid && (t.parsed.kind == ParsedTag::open ||
                               t.parsed.kind == ParsedTag::inverted ||
                               t.parsed.kind == ParsedTag::close);
    if (section) {
      std::size_t ls = lineStarts[lineOf(d.begin) - 1];
      std::size_t le = lineEnd(lineOf(d.end));
      bool prevOk = k == 0 || delimited[k - 1].end <= ls;
      bool nextOk = k + 1 == delimited.size() || delimited[k + 1].begin > le;
      if (prevOk && nextOk && ls >= cursor && blank(text.substr(ls, d.begin - ls)) &&
          blank(text.substr(d.end, le - d.end))) {
        cutBegin = ls;
        cutEnd = le < text.size() ? le + 1 : le;
      }
    }
    flat.literal(text.substr(cursor, cutBegin - cursor));
    FlatItem it;
    it.kind = FlatItem::tag;
    it.tagIdx = static_cast<int>(flat.tags.size());
    flat.items.push_back(std::move(it));
    t.item = static_cast<int>(flat.items.size()) - 1;
    flat.tags.push_back(std::move(t));
    cursor = cutEnd;
  }
  flat.literal(text.substr(cursor));

  std::vector<SectionRange> ranges;
  for (auto [o, c] : pairSections(flat, issues)) {
    SectionRange r;
    r.openTag = o;
    r.closeTag = c;
    r.start = flat.tags[o].item;
    r.end = flat.tags[c].item;
    r.innerStart = r.start + 1;
    r.innerEnd = r.end;
    ranges.push_back(r);
  }
  for (int t = 0; t < static_cast<int>(flat.tags.size()); ++t) {
    if (!flat.tags[t].valid || flat.tags[t].parsed.kind != ParsedTag::raw) continue;
    SectionRange r;
    r.openTag = t;
    r.start = r.end = r.innerStart = r.innerEnd = flat.tags[t].item;
    ranges.push_back(r);
  }
  program.mode = kind == PartKind::html ? ValueMode::html : ValueMode::markdown;
  program.sizeHint = text.size();
  assemble(flat, std::move(ranges), program, issues);
  return true;
}

}  // namespace igsgov::docs
