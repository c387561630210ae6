#include "docs/Assemble.hpp"

#include "docs/Limits.hpp"

#include <algorithm>
#include <map>

namespace igsgov::docs {

TemplateIssue issueAt(const std::string& id, const std::string& message, const TagSite& site) {
  TemplateIssue i;
  i.id = id;
  i.message = message;
  i.part = site.part;
  i.paragraph = site.paragraph;
  i.position = site.position;
  i.offset = site.offset;
  i.inLines = site.inLines;
  i.snippet = site.snippet;
  i.tag = site.tag;
  return i;
}

bool reportDelimiters(std::string_view text, const std::vector<DelimitedTag>& tags,
                      const std::vector<DelimiterIssue>& problems, const DelimiterOverflow& overflow,
                      const std::function<TagSite(std::size_t, std::size_t)>& site, IssueList& issues) {
  issues.countDropped(overflow.droppedIssues);
  for (const auto& p : problems) {
    TagSite s = site(p.offset, p.offset + 1);
    issues.push_back(issueAt(p.id,
                             p.id == "unclosed_tag"
                                 ? "tag wordt niet gesloten met '}': \"" + s.snippet + "\""
                                 : "'}' zonder bijhorende '{': \"" + s.snippet + "\"",
                             s));
  }
  if (!overflow.tooManyTags) return true;
  long deep = firstNestedTooDeep(text, tags, kMaxSectionDepth);
  if (deep >= 0) {
    const DelimitedTag& d = tags[static_cast<std::size_t>(deep)];
    TagSite s = site(d.begin, d.end);
    s.tag = writtenTag(text.substr(d.begin + 1, d.end - d.begin - 2));
    issues.push_back(nestingTooDeep(s));
  }
  issues.push_back(issueAt("too_many_tags",
                           "het sjabloon bevat meer dan " + std::to_string(kMaxTags) +
                               " tags; zoveel velden worden niet verwerkt",
                           site(overflow.firstOver, overflow.firstOver + 1)));
  return false;
}

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8Length(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to && i < text.size(); ++i)
    if (!continuation(text[i])) ++n;
  return n;
}

std::size_t CharCounter::count(std::string_view text, std::size_t from, std::size_t to) {
  if (from != from_ || to < to_) {
    from_ = from;
    to_ = from;
    chars_ = 0;
  }
  chars_ += utf8Length(text, to_, to);
  to_ = to;
  return chars_;
}

std::string snippetOf(std::string_view text, std::size_t begin, std::size_t end, std::size_t lo,
                      std::size_t hi) {
  const std::size_t margin = 20, longest = 60;  // a long tag shows its start only
  hi = std::min(hi, text.size());
  lo = std::min(lo, hi);
  begin = std::clamp(begin, lo, hi);
  end = std::clamp(std::min(end, begin + longest), begin, hi);
  std::size_t b = begin - lo > margin ? begin - margin : lo;
  std::size_t e = hi - end > margin ? end + margin : hi;
  while (b > lo && continuation(text[b])) --b;
  while (e < hi && continuation(text[e])) ++e;
  std::string s(text.substr(b, e - b));
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

TemplateIssue nestingTooDeep(const TagSite& site) {
  return issueAt("nesting_too_deep",
                 "de sectie " + site.tag + " staat in " + std::to_string(kMaxSectionDepth) +
                     " of meer andere secties; zoveel secties in elkaar zijn niet toegestaan",
                 site);
}

std::vector<std::pair<int, int>> pairSections(const Flat& flat, IssueList& issues) {
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> stack;
  bool deepReported = false;
  for (int t = 0; t < static_cast<int>(flat.tags.size()); ++t) {
    const FlatTag& tag = flat.tags[t];
    if (!tag.valid) continue;
    auto kind = tag.parsed.kind;
    if (kind == ParsedTag::open || kind == ParsedTag::inverted) {
      stack.push_back(t);
      if (stack.size() > kMaxSectionDepth && !deepReported) {
        deepReported = true;
        issues.push_back(nestingTooDeep(tag.site));
      }
    } else if (kind == ParsedTag::close) {
      if (stack.empty()) {
        issues.push_back(issueAt("unopened_loop",
                                 "sluittag " + tag.site.tag + " zonder openingstag {#" +
                                     tag.parsed.name + "}",
                                 tag.site));
        continue;
      }
      int open = stack.back();
      stack.pop_back();
      const FlatTag& o = flat.tags[open];
      if (!tag.parsed.name.empty() && o.parsed.name != tag.parsed.name) {
        issues.push_back(issueAt("closing_tag_does_not_match_opening_tag",
                                 "sluittag " + tag.site.tag + " past niet bij openingstag " +
                                     o.site.tag,
                                 tag.site));
        continue;
      }
      // Pairs opened too deep are left out: no tree deeper than the bound.
      if (stack.size() < kMaxSectionDepth) pairs.emplace_back(open, t);
    }
  }
  for (int open : stack) {
    const FlatTag& o = flat.tags[open];
    issues.push_back(issueAt("unclosed_loop",
                             "openingstag " + o.site.tag + " wordt nergens gesloten met {/" +
                                 o.parsed.name + "}",
                             o.site));
  }
  return pairs;
}

namespace {

class Builder {
public:
  Builder(const Flat& flat, PartProgram& program, IssueList& issues)
      : flat_(flat), program_(program), issues_(issues) {}

  void prepare(std::vector<SectionRange>& ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const SectionRange& a, const SectionRange& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<const SectionRange*> stack;
    for (const SectionRange& r : ranges) {
      while (!stack.empty() && stack.back()->end < r.start) stack.pop_back();
      bool bad = false;
      if (!stack.empty()) {
        const SectionRange& outer = *stack.back();
        bad = r.end > outer.end || r.start < outer.innerStart || r.end >= outer.innerEnd ||
              r.start == outer.start;
      }
      if (bad || rangeAt_.count(r.start)) {
        const FlatTag& t = flat_.tags[r.openTag];
        issues_.push_back(issueAt("loop_position_invalid",
                                  "de sectie " + t.site.tag +
                                      " overlapt met een andere sectie in dezelfde tabelrij of "
                                      "alinea; zet ze in aparte rijen of alinea's",
                                  t.site));
        continue;
      }
      // The tree's depth bounds build() and rendering; pairSections already
      // reported templates nested too deep, this guards ranges nested by the
      // XML around them too.
      if (stack.size() >= kMaxSectionDepth) {
        if (!tooDeepReported_) issues_.push_back(nestingTooDeep(flat_.tags[r.openTag].site));
        tooDeepReported_ = true;
        continue;
      }
      rangeAt_[r.start] = r;
      stack.push_back(&rangeAt_[r.start]);
    }
  }

  // `self` is the start of the section being built, when its inner range
  // starts at the same item (table-row loops): that item is content there.
  void build(int from, int to, std::vector<Node>& out, int self = -1) {
    for (int i = from; i < to;) {
      auto it = i == self ? rangeAt_.end() : rangeAt_.find(i);
      if (it != rangeAt_.end()) {
        const SectionRange& r = it->second;
        const FlatTag& t = flat_.tags[r.openTag];
        Node n;
        n.path = t.parsed.path;
        n.site = site(r.openTag);
        if (r.closeTag < 0) {
          n.kind = Node::raw;
        } else {
          n.kind = Node::section;
          n.inverted = t.parsed.kind == ParsedTag::inverted;
          build(r.innerStart, r.innerEnd, n.children, r.start);
        }
        out.push_back(std::move(n));
        i = r.end + 1;
        continue;
      }
      const FlatItem& item = flat_.items[i];
      if (item.kind == FlatItem::tag) {
        const FlatTag& t = flat_.tags[item.tagIdx];
        if (t.valid && t.parsed.kind == ParsedTag::value) {
          Node n;
          n.kind = Node::value;
          n.path = t.parsed.path;
          n.site = site(item.tagIdx);
          for (const auto& name : t.parsed.formatters) n.formatters.push_back(findFormatter(name));
          out.push_back(std::move(n));
        }
      } else {
        if (out.empty() || out.back().kind != Node::literal) {
          Node n;
          n.kind = Node::literal;
          out.push_back(std::move(n));
        }
        out.back().text += item.text;
      }
      ++i;
    }
  }

private:
  int site(int tag) {
    auto it = siteOf_.find(tag);
    if (it != siteOf_.end()) return it->second;
    program_.sites.push_back(flat_.tags[tag].site);
    int s = static_cast<int>(program_.sites.size()) - 1;
    siteOf_[tag] = s;
    return s;
  }

  const Flat& flat_;
  PartProgram& program_;
  IssueList& issues_;
  std::map<int, SectionRange> rangeAt_;
  std::map<int, int> siteOf_;
  bool tooDeepReported_ = false;
};

}  // namespace

void assemble(const Flat& flat, std::vector<SectionRange> ranges, PartProgram& program,
              IssueList& issues) {
  for (const FlatTag& t : flat.tags) {
    if (!t.valid) continue;
    for (const auto& f : t.parsed.formatters)
      if (!findFormatter(f)) {
        std::string known;
        for (const auto& n : formatterNames()) known += (known.empty() ? "" : ", ") + n;
        issues.push_back(issueAt("unknown_formatter",
                                 "onbekende formatter '" + f + "' in " + t.site.tag +
                                     " (bekend: " + known + ")",
                                 t.site));
      }
  }
  Builder b(flat, program, issues);
  b.prepare(ranges);
  b.build(0, static_cast<int>(flat.items.size()), program.nodes);
}

}  // namespace igsgov::docs
