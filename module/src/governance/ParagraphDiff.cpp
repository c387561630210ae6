#include "governance/ParagraphDiff.hpp"

#include "core/Error.hpp"

#include <cstdint>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace igsgov::governance {

TextDiff diffParagraphs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<DiffLine> raw;
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  for (std::size_t i = 0; i < pre; ++i)
    raw.push_back({DiffLine::Kind::same, a[i], b[i], static_cast<int>(i + 1), static_cast<int>(i + 1)});
  const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  auto A = [&](std::size_t i) -> const std::string& { return a[pre + i]; };
  auto B = [&](std::size_t j) -> const std::string& { return b[pre + j]; };
  auto removed = [&](std::size_t i) {
    raw.push_back({DiffLine::Kind::removed, A(i), "", static_cast<int>(pre + i + 1), 0});
  };
  auto added = [&](std::size_t j) {
    raw.push_back({DiffLine::Kind::added, "", B(j), 0, static_cast<int>(pre + j + 1)});
  };
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxDiffCells) {
    // Each distinct paragraph gets a number, so a cell compares two integers.
    std::unordered_map<std::string_view, std::uint32_t> numbers;
    std::vector<std::uint32_t> ai(n), bj(m);
    auto number = [&](const std::string& p) { return numbers.emplace(p, static_cast<std::uint32_t>(numbers.size())).first->second; };
    for (std::size_t i = 0; i < n; ++i) ai[i] = number(A(i));
    for (std::size_t j = 0; j < m; ++j) bj[j] = number(B(j));
    // L[i][j] = LCS length of A[i..] and B[j..]; at most min(n, m) < 2^16
    // since (n + 1) * (m + 1) <= kMaxDiffCells = 2^22.
    static_assert(kMaxDiffCells <= (1u << 22));
    std::vector<std::uint16_t> L((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return L[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = ai[i] == bj[j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
      if (ai[i] == bj[j]) {
        raw.push_back({DiffLine::Kind::same, A(i), B(j), static_cast<int>(pre + i + 1), static_cast<int>(pre + j + 1)});
        ++i, ++j;
      } else if (at(i + 1, j) >= at(i, j + 1)) {
        removed(i++);
      } else {
        added(j++);
      }
    }
    while (i < n) removed(i++);
    while (j < m) added(j++);
  } else {
    for (std::size_t i = 0; i < n; ++i) removed(i);
    for (std::size_t j = 0; j < m; ++j) added(j);
  }
  for (std::size_t k = 0; k < suf; ++k) {
    std::size_t i = a.size() - suf + k, j = b.size() - suf + k;
    raw.push_back({DiffLine::Kind::same, a[i], b[j], static_cast<int>(i + 1), static_cast<int>(j + 1)});
  }

  // Pair runs of removed paragraphs with the added run that follows them.
  TextDiff d;
  for (std::size_t k = 0; k < raw.size();) {
    if (raw[k].kind != DiffLine::Kind::removed) {
      d.lines.push_back(raw[k++]);
      continue;
    }
    std::size_t r0 = k;
    while (k < raw.size() && raw[k].kind == DiffLine::Kind::removed) ++k;
    std::size_t a0 = k;
    while (k < raw.size() && raw[k].kind == DiffLine::Kind::added) ++k;
    std::size_t nr = a0 - r0, na = k - a0, pairs = std::min(nr, na);
    for (std::size_t p = 0; p < pairs; ++p) {
      DiffLine c = raw[r0 + p];
      c.kind = DiffLine::Kind::changed;
      c.after = raw[a0 + p].after;
      c.afterNo = raw[a0 + p].afterNo;
      d.lines.push_back(c);
    }
    for (std::size_t p = pairs; p < nr; ++p) d.lines.push_back(raw[r0 + p]);
    for (std::size_t p = pairs; p < na; ++p) d.lines.push_back(raw[a0 + p]);
  }
  for (const auto& l : d.lines) {
    switch (l.kind) {
      case DiffLine::Kind::same: ++d.same; break;
      case DiffLine::Kind::removed: ++d.removed; break;
      case DiffLine::Kind::added: ++d.added; break;
      case DiffLine::Kind::changed: ++d.changed; break;
    }
  }
  return d;
}

namespace {

// Throws the limit error when a rendering has grown past kMaxDiffOutputBytes.
void checkSize(std::ostringstream& os, const char* what) {
  auto size = static_cast<std::size_t>(os.tellp());
  if (size <= kMaxDiffOutputBytes) return;
  throwInvalid(std::string("de vergelijking (") + what + ") wordt te groot: meer dan " +
                   std::to_string(kMaxDiffOutputBytes >> 20) + " MiB (grens: " + std::to_string(kMaxDiffOutputBytes) +
                   " bytes per weergave); vergelijk kleinere documenten of minder context",
               Place().set("limit", std::string("vergelijking als ") + what + ": " + std::to_string(kMaxDiffOutputBytes) + " bytes"));
}

}  // namespace

std::string diffToText(const TextDiff& d, int context) {
  std::ostringstream os;
  if (d.identical()) {
    os << "Geen verschillen in de tekst (" << d.same << " paragrafen).\n";
    return os.str();
  }
  os << d.changed << " gewijzigd, " << d.added << " toegevoegd, " << d.removed << " geschrapt, " << d.same
     << " ongewijzigd.\n";
  const int n = static_cast<int>(d.lines.size());
  std::vector<bool> show(d.lines.size(), context < 0);
  for (int k = 0; k < n; ++k) {
    if (d.lines[k].kind == DiffLine::Kind::same) continue;
    for (int c = std::max(0, k - std::max(context, 0)); c <= std::min(n - 1, k + std::max(context, 0)); ++c) show[c] = true;
  }
  bool skipped = false;
  for (int k = 0; k < n; ++k) {
    const auto& l = d.lines[k];
    if (!show[k]) {
      skipped = true;
      continue;
    }
    if (skipped) os << "  …\n";
    skipped = false;
    checkSize(os, "tekst");
    switch (l.kind) {
      case DiffLine::Kind::same: os << "  [" << l.afterNo << "] " << l.after << "\n"; break;
      case DiffLine::Kind::removed: os << "- [" << l.beforeNo << "] " << l.before << "\n"; break;
      case DiffLine::Kind::added: os << "+ [" << l.afterNo << "] " << l.after << "\n"; break;
      case DiffLine::Kind::changed:
        os << "- [" << l.beforeNo << "] " << l.before << "\n";
        os << "+ [" << l.afterNo << "] " << l.after << "\n";
        break;
    }
  }
  if (skipped) os << "  …\n";
  checkSize(os, "tekst");
  return os.str();
}

std::string htmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string diffToHtml(const TextDiff& d, const std::string& title) {
  std::ostringstream os;
  os << "<section class=\"igsgov-diff\">\n<h2>" << htmlEscape(title) << "</h2>\n";
  os << "<p>" << d.changed << " gewijzigd, " << d.added << " toegevoegd, " << d.removed << " geschrapt, " << d.same
     << " ongewijzigd.</p>\n";
  for (const auto& l : d.lines) {
    checkSize(os, "HTML");
    switch (l.kind) {
      case DiffLine::Kind::same: os << "<p class=\"same\">" << htmlEscape(l.after) << "</p>\n"; break;
      case DiffLine::Kind::removed: os << "<p class=\"removed\"><del>" << htmlEscape(l.before) << "</del></p>\n"; break;
      case DiffLine::Kind::added: os << "<p class=\"added\"><ins>" << htmlEscape(l.after) << "</ins></p>\n"; break;
      case DiffLine::Kind::changed:
        os << "<p class=\"changed\"><del>" << htmlEscape(l.before) << "</del><br><ins>" << htmlEscape(l.after)
           << "</ins></p>\n";
        break;
    }
  }
  os << "</section>\n";
  checkSize(os, "HTML");
  return os.str();
}

JsonObject diffSummaryJson(const TextDiff& d) {
  auto o = newObject();
  o->set("identical", d.identical());
  o->set("changed", d.changed);
  o->set("added", d.added);
  o->set("removed", d.removed);
  o->set("unchanged", d.same);
  auto lines = newArray();
  for (const auto& l : d.lines) {
    if (l.kind == DiffLine::Kind::same) continue;
    auto lo = newObject();
    lo->set("kind", l.kind == DiffLine::Kind::removed ? "removed" : l.kind == DiffLine::Kind::added ? "added" : "changed");
    if (l.beforeNo) {
      lo->set("before_no", l.beforeNo);
      lo->set("before", l.before);
    }
    if (l.afterNo) {
      lo->set("after_no", l.afterNo);
      lo->set("after", l.after);
    }
    lines->add(lo);
  }
  o->set("changes", lines);
  return o;
}

}  // namespace igsgov::governance
