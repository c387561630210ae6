// Compiles the XML parts of DOCX and ODT templates.
//
// The text of a part is the concatenation of its text nodes (<w:t> in DOCX,
// character data inside <text:p>/<text:h> in ODT). Tags are found in that
// text, so a tag split over runs, proofing marks, bookmarks or insertions is
// one tag; deleted text (<w:delText>) and field codes are not text. A tag is
// placed in the text node where its '{' is; the rest of its characters are
// removed from the following nodes. Sections then choose what they repeat:
//   - both tags in one paragraph: the content between the tags;
//   - tags in different cells/rows of a table: the whole row(s);
//   - each tag alone in its own paragraph: the paragraphs between them
//     (the two tag paragraphs disappear);
//   - otherwise the content between the tags.
#include "core/XmlEscape.hpp"
#include "docs/Assemble.hpp"
#include "docs/Limits.hpp"
#include "docs/PartCompiler.hpp"
#include "docs/XmlScan.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace igsgov::docs {

namespace {

struct TextNode {
  int token = -1;
  std::string text;       // decoded
  std::size_t pos = 0;    // offset in the part's text
  std::size_t paragraphNo = 0;   // 0: outside paragraphs (property parts): the node is its own unit
  std::size_t charsBefore = 0;   // characters of its paragraph in earlier nodes
  std::size_t unitBegin = 0, unitEnd = 0;  // the run of nodes of its paragraph it sits in (part text)
};

class XmlCompiler {
public:
  XmlCompiler(std::string_view xml, const std::string& part, PartKind kind,
              IssueList& issues)
      : xml_(xml), part_(part), docx_(kind == PartKind::docxBody), odt_(kind == PartKind::odtBody), issues_(issues) {}

  bool run(PartProgram& program, std::vector<TagUse>& uses) {
    try {
      tokens_ = scanXml(xml_, part_);
      collectText();
    } catch (const Error& e) {
      TemplateIssue i;
      i.id = "malformed_xml";
      i.message = e.message();
      i.part = part_;
      auto it = e.place().fields.find("offset");
      if (it != e.place().fields.end()) i.offset = std::stoul(it->second);
      issues_.push_back(std::move(i));
      return true;
    }
    if (full_.find('{') == std::string::npos && full_.find('}') == std::string::npos) return false;
    if (!lexTags(uses.size())) return true;
    emit();
    for (const FlatTag& t : flat_.tags) {
      TagUse u;
      u.part = part_;
      u.tag = t.site.tag;
      u.kind = tagKindName(t.parsed.kind);
      u.name = t.parsed.name;
      u.formatters = t.parsed.formatters;
      u.paragraph = t.site.paragraph;
      u.position = t.site.position;
      u.offset = t.site.offset;
      if (t.valid) uses.push_back(std::move(u));
    }
    std::vector<SectionRange> ranges;
    for (auto [o, c] : pairSections(flat_, issues_)) {
      SectionRange r;
      if (chooseRange(o, c, r)) ranges.push_back(r);
    }
    for (int t = 0; t < static_cast<int>(flat_.tags.size()); ++t) {
      const FlatTag& tag = flat_.tags[t];
      if (!tag.valid || tag.parsed.kind != ParsedTag::raw) continue;
      if (tag.paragraph < 0 || !aloneInParagraph(t)) {
        issues_.push_back(issueAt("raw_xml_not_alone",
                                  "de raw-XML-tag " + tag.site.tag +
                                      " moet alleen in zijn alinea staan",
                                  tag.site));
        continue;
      }
      SectionRange r;
      r.openTag = t;
      r.start = tag.paragraph;
      r.end = flat_.items[tag.paragraph].match;
      r.innerStart = r.innerEnd = r.start;
      ranges.push_back(r);
    }
    program.mode = docx_ ? ValueMode::docx : odt_ ? ValueMode::odt : ValueMode::xml;
    program.sizeHint = xml_.size();
    assemble(flat_, std::move(ranges), program, issues_);
    return true;
  }

private:
  bool isParagraph(std::string_view n) const {
    return docx_ ? n == "w:p" : odt_ ? (n == "text:p" || n == "text:h") : false;
  }
  bool isRow(std::string_view n) const {
    return docx_ ? n == "w:tr" : odt_ ? n == "table:table-row" : false;
  }
  bool isCell(std::string_view n) const {
    return docx_ ? n == "w:tc" : odt_ ? (n == "table:table-cell" || n == "table:covered-table-cell")
                                      : false;
  }

  void collectText() {
    std::vector<std::string_view> stack;
    std::vector<std::size_t> paragraphs;
    std::size_t paragraphCount = 0;
    tokenNode_.assign(tokens_.size(), -1);
    for (int i = 0; i < static_cast<int>(tokens_.size()); ++i) {
      const XmlToken& t = tokens_[i];
      switch (t.kind) {
        case XmlToken::open:
          stack.push_back(t.name);
          if (isParagraph(t.name)) paragraphs.push_back(++paragraphCount);
          break;
        case XmlToken::close:
          stack.pop_back();
          if (isParagraph(t.name)) paragraphs.pop_back();
          break;
        case XmlToken::text: {
          bool isText = docx_ ? (!stack.empty() && stack.back() == "w:t")
                              : odt_ ? !paragraphs.empty() : !stack.empty();
          if (!isText) break;
          TextNode node;
          node.token = i;
          node.text = xmlUnescape(xml_.substr(t.begin, t.end - t.begin), part_, t.begin);
          node.pos = full_.size();
          node.paragraphNo = paragraphs.empty() ? 0 : paragraphs.back();
          full_ += node.text;
          tokenNode_[i] = static_cast<int>(nodes_.size());
          nodes_.push_back(std::move(node));
          break;
        }
        default: break;
      }
    }
    measureParagraphs(paragraphCount);
  }

  // Per node: the characters of its paragraph before it (a paragraph's text
  // may be split around a nested one, e.g. a text box), and the run of
  // adjacent nodes of the same paragraph (snippets stay inside it); per
  // paragraph: where its text starts and ends.
  void measureParagraphs(std::size_t paragraphCount) {
    std::vector<std::size_t> chars(paragraphCount + 1, 0);
    paragraphText_.assign(paragraphCount + 1, {std::string::npos, 0});
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      TextNode& n = nodes_[k];
      const std::size_t end = n.pos + n.text.size();
      if (n.paragraphNo == 0) {
        n.unitBegin = n.pos;
        n.unitEnd = end;
        continue;
      }
      n.charsBefore = chars[n.paragraphNo];
      chars[n.paragraphNo] += utf8Length(n.text, 0, n.text.size());
      auto& [first, last] = paragraphText_[n.paragraphNo];
      first = std::min(first, n.pos);
      last = std::max(last, end);
      const bool joins = k > 0 && nodes_[k - 1].paragraphNo == n.paragraphNo;
      n.unitBegin = joins ? nodes_[k - 1].unitBegin : n.pos;
    }
    for (std::size_t k = nodes_.size(); k-- > 0;) {
      TextNode& n = nodes_[k];
      if (n.paragraphNo == 0) continue;
      const bool joins = k + 1 < nodes_.size() && nodes_[k + 1].paragraphNo == n.paragraphNo;
      n.unitEnd = joins ? nodes_[k + 1].unitEnd : n.pos + n.text.size();
    }
  }

  int nodeAt(std::size_t pos) const {
    auto it = std::upper_bound(nodes_.begin(), nodes_.end(), pos,
                               [](std::size_t p, const TextNode& n) { return p < n.pos; });
    return static_cast<int>(it - nodes_.begin()) - 1;
  }

  TagSite siteFor(std::size_t begin, std::size_t end) {
    TagSite s;
    s.part = part_;
    s.offset = begin;
    int k = nodeAt(begin);
    if (k < 0) {
      s.snippet = snippetOf(full_, begin, end, 0, full_.size());
      return s;
    }
    const TextNode& n = nodes_[k];
    s.paragraph = n.paragraphNo;
    s.position = n.charsBefore + chars_.count(full_, n.pos, begin) + 1;
    s.snippet = snippetOf(full_, begin, end, n.unitBegin, n.unitEnd);
    return s;
  }

  // False when the template would hold more than kMaxTags tags (the part is
  // then not compiled further).
  bool lexTags(std::size_t tagsBefore) {
    std::vector<DelimitedTag> delimited;
    std::vector<DelimiterIssue> problems;
    DelimiterOverflow over = lexDelimiters(full_, delimited, problems,
                                           kMaxTags - std::min(tagsBefore, kMaxTags), kMaxIssues);
    if (!reportDelimiters(full_, delimited, problems, over,
                          [this](std::size_t b, std::size_t e) { return siteFor(b, e); }, issues_))
      return false;
    for (const auto& d : delimited) {
      // A tag may cross runs but not paragraphs: report both ends, as the
      // user sees an unclosed tag in one paragraph and a stray '}' in another.
      int a = nodeAt(d.begin), b = nodeAt(d.end - 1);
      if (nodes_[a].paragraphNo != nodes_[b].paragraphNo) {
        TagSite s1 = siteFor(d.begin, d.begin + 1), s2 = siteFor(d.end - 1, d.end);
        issues_.push_back(issueAt("unclosed_tag",
                                  "tag wordt niet gesloten met '}' in dezelfde alinea: \"" +
                                      s1.snippet + "\"",
                                  s1));
        issues_.push_back(issueAt("unopened_tag", "'}' zonder bijhorende '{': \"" + s2.snippet + "\"", s2));
        continue;
      }
      FlatTag t;
      t.begin = d.begin;
      t.end = d.end;
      t.site = siteFor(d.begin, d.end);
      std::string inner = full_.substr(d.begin + 1, d.end - d.begin - 2);
      std::string message;
      t.valid = parseTag(inner, t.parsed, message);
      t.site.tag = t.valid ? tagText(t.parsed) : writtenTag(inner);
      if (!t.valid) issues_.push_back(issueAt("invalid_tag", "ongeldige tag " + t.site.tag + ": " + message, t.site));
      flat_.tags.push_back(std::move(t));
    }
    for (const auto& t : flat_.tags) {
      int a = nodeAt(t.begin), b = nodeAt(t.end - 1);
      for (int n = a; n <= b; ++n) touched_.insert(n);
    }
    return true;
  }

  void emit() {
    std::vector<int> stack;
    std::vector<int> paragraphStack;
    std::size_t tagPtr = 0;
    auto& items = flat_.items;
    for (int i = 0; i < static_cast<int>(tokens_.size()); ++i) {
      const XmlToken& t = tokens_[i];
      std::string_view raw = xml_.substr(t.begin, t.end - t.begin);
      if (t.kind == XmlToken::open) {
        FlatItem it;
        it.kind = FlatItem::open;
        it.name = t.name;
        it.parent = stack.empty() ? -1 : stack.back();
        it.text.assign(raw);
        if (docx_ && t.name == "w:t" && i + 1 < static_cast<int>(tokens_.size()) &&
            tokenNode_[i + 1] >= 0 && touched_.count(tokenNode_[i + 1])) {
          bool found = false;
          attributeValue(raw, "xml:space", &found);
          if (!found) it.text.insert(it.text.size() - 1, " xml:space=\"preserve\"");
        }
        items.push_back(std::move(it));
        stack.push_back(static_cast<int>(items.size()) - 1);
        if (isParagraph(t.name)) paragraphStack.push_back(stack.back());
        continue;
      }
      if (t.kind == XmlToken::close) {
        FlatItem it;
        it.kind = FlatItem::close;
        it.name = t.name;
        it.match = stack.back();
        stack.pop_back();
        it.parent = stack.empty() ? -1 : stack.back();
        it.text.assign(raw);
        items.push_back(std::move(it));
        items[it.match].match = static_cast<int>(items.size()) - 1;
        if (isParagraph(t.name)) paragraphStack.pop_back();
        continue;
      }
      int node = t.kind == XmlToken::text ? tokenNode_[i] : -1;
      if (node < 0 || !touched_.count(node)) {
        flat_.literal(raw);
        continue;
      }
      const TextNode& tn = nodes_[node];
      const std::size_t nodeBegin = tn.pos, nodeEnd = tn.pos + tn.text.size();
      std::size_t cursor = nodeBegin;
      while (tagPtr < flat_.tags.size() && flat_.tags[tagPtr].begin < nodeEnd) {
        FlatTag& tag = flat_.tags[tagPtr];
        if (tag.begin > cursor) literalText(full_.substr(cursor, tag.begin - cursor));
        if (tag.begin >= nodeBegin) {
          FlatItem it;
          it.kind = FlatItem::tag;
          it.tagIdx = static_cast<int>(tagPtr);
          it.parent = stack.empty() ? -1 : stack.back();
          items.push_back(std::move(it));
          tag.item = static_cast<int>(items.size()) - 1;
          tag.paragraph = paragraphStack.empty() ? -1 : paragraphStack.back();
        }
        cursor = std::max(cursor, std::min(tag.end, nodeEnd));
        if (tag.end <= nodeEnd) ++tagPtr;
        else break;
      }
      if (cursor < nodeEnd) literalText(full_.substr(cursor, nodeEnd - cursor));
    }
  }

  void literalText(const std::string& text) {
    std::string escaped;
    appendXmlText(escaped, text);
    flat_.literal(escaped);
  }

  // The paragraph's text equals the tag's text exactly.
  bool aloneInParagraph(int t) const {
    const FlatTag& tag = flat_.tags[t];
    if (tag.paragraph < 0 || tag.site.paragraph == 0) return false;
    const auto& [first, last] = paragraphText_[tag.site.paragraph];
    return first == tag.begin && last == tag.end;
  }

  std::vector<int> ancestors(int item) const {
    std::vector<int> chain;
    for (int p = flat_.items[item].parent; p >= 0; p = flat_.items[p].parent) chain.push_back(p);
    return chain;
  }

  bool chooseRange(int o, int c, SectionRange& r) {
    const FlatTag& open = flat_.tags[o];
    const FlatTag& close = flat_.tags[c];
    r.openTag = o;
    r.closeTag = c;
    const int oi = open.item, ci = close.item;
    auto inline_ = [&] {
      r.start = oi;
      r.end = ci;
      r.innerStart = oi + 1;
      r.innerEnd = ci;
    };
    if (open.paragraph == close.paragraph) {
      inline_();
      return true;
    }
    std::vector<int> chainO = ancestors(oi), chainC = ancestors(ci);
    std::set<int> setC(chainC.begin(), chainC.end());
    int lca = -1;
    std::size_t depthO = chainO.size();
    for (std::size_t k = 0; k < chainO.size(); ++k)
      if (setC.count(chainO[k])) {
        lca = chainO[k];
        depthO = k;
        break;
      }
    std::size_t depthC = chainC.size();
    for (std::size_t k = 0; k < chainC.size(); ++k)
      if (chainC[k] == lca) {
        depthC = k;
        break;
      }
    auto topRow = [&](const std::vector<int>& chain, std::size_t below) {
      int row = -1;
      for (std::size_t k = 0; k < below; ++k)
        if (isRow(flat_.items[chain[k]].name)) row = chain[k];
      return row;
    };
    auto hasCell = [&](const std::vector<int>& chain, std::size_t below) {
      for (std::size_t k = 0; k < below; ++k)
        if (isCell(flat_.items[chain[k]].name) || isRow(flat_.items[chain[k]].name)) return true;
      return false;
    };
    if (hasCell(chainO, depthO) || hasCell(chainC, depthC)) {
      int rowO = topRow(chainO, depthO), rowC = topRow(chainC, depthC);
      if (rowO < 0 && rowC < 0 && lca >= 0 && isRow(flat_.items[lca].name)) rowO = rowC = lca;
      if (rowO < 0 || rowC < 0) {
        issues_.push_back(issueAt("loop_position_invalid",
                                  "de sectie " + open.site.tag + " begint of eindigt in een tabel, "
                                  "maar niet allebei in dezelfde tabel",
                                  open.site));
        return false;
      }
      r.start = rowO;
      r.end = flat_.items[rowC].match;
      r.innerStart = r.start;
      r.innerEnd = r.end + 1;
      return true;
    }
    if (open.paragraph >= 0 && close.paragraph >= 0 && aloneInParagraph(o) && aloneInParagraph(c)) {
      r.start = open.paragraph;
      r.end = flat_.items[close.paragraph].match;
      r.innerStart = flat_.items[open.paragraph].match + 1;
      r.innerEnd = close.paragraph;
      return true;
    }
    // Content between the tags across elements: only when both tags sit at
    // the same depth below the same kinds of elements, so repeating the
    // content keeps the XML balanced.
    bool same = depthO == depthC;
    for (std::size_t k = 0; same && k < depthO; ++k)
      same = flat_.items[chainO[k]].name == flat_.items[chainC[k]].name;
    if (!same) {
      issues_.push_back(issueAt("loop_position_invalid",
                                "de sectie " + open.site.tag + " en zijn sluittag " +
                                    close.site.tag + " staan op plaatsen die niet samen herhaald "
                                    "kunnen worden; zet elk alleen in een eigen alinea",
                                open.site));
      return false;
    }
    inline_();
    return true;
  }

  std::string_view xml_;
  const std::string& part_;
  bool docx_ = false, odt_ = false;
  IssueList& issues_;
  std::vector<XmlToken> tokens_;
  std::vector<int> tokenNode_;
  std::vector<TextNode> nodes_;
  std::vector<std::pair<std::size_t, std::size_t>> paragraphText_;  // per paragraph number: [first, last)
  std::set<int> touched_;
  std::string full_;
  CharCounter chars_;
  Flat flat_;
};

}  // namespace

bool compileXmlPart(std::string_view xml, const std::string& part, PartKind kind,
                    PartProgram& program, IssueList& issues,
                    std::vector<TagUse>& uses) {
  XmlCompiler c(xml, part, kind, issues);
  return c.run(program, uses);
}

}  // namespace igsgov::docs
