#include "docs/Assemble.hpp"

#include <algorithm>
#include <map>

namespace igsgov::docs {

TemplateIssue issueAt(const std::string& id, const std::string& message, const TagSite& site) {
  TemplateIssue i;
  i.id = id;
  i.message = message;
  i.part = site.part;
  i.paragraph = site.paragraph;
  i.offset = site.offset;
  i.snippet = site.snippet;
  i.tag = site.tag;
  return i;
}

std::string snippetOf(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t margin = 20;
  std::size_t b = begin > margin ? begin - margin : 0;
  std::size_t e = std::min(text.size(), end + margin);
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  std::string s(text.substr(b, e - b));
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::vector<std::pair<int, int>> pairSections(const Flat& flat, std::vector<TemplateIssue>& issues) {
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> stack;
  for (int t = 0; t < static_cast<int>(flat.tags.size()); ++t) {
    const FlatTag& tag = flat.tags[t];
    if (!tag.valid) continue;
    auto kind = tag.parsed.kind;
    if (kind == ParsedTag::open || kind == ParsedTag::inverted) {
      stack.push_back(t);
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
      pairs.emplace_back(open, t);
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
  Builder(const Flat& flat, PartProgram& program, std::vector<TemplateIssue>& issues)
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
                                      "paragraaf; zet ze in aparte rijen of paragrafen",
                                  t.site));
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
  std::vector<TemplateIssue>& issues_;
  std::map<int, SectionRange> rangeAt_;
  std::map<int, int> siteOf_;
};

}  // namespace

void assemble(const Flat& flat, std::vector<SectionRange> ranges, PartProgram& program,
              std::vector<TemplateIssue>& issues) {
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
