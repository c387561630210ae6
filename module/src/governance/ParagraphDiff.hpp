// ParagraphDiff: a readable paragraph-level comparison of two texts.
//
// The paragraphs of `before` and `after` are aligned with a longest common
// subsequence (common prefix and suffix first, then dynamic programming on the
// middle); a paragraph only in `before` is removed, only in `after` added,
// in both unchanged. A removed paragraph directly followed by an added one is
// reported as one `changed` pair, so the reader sees "artikel 5 werd ...".
// Paragraphs are compared by number (each distinct text interned once), so
// the table costs one 16-bit cell per pair whatever the paragraphs' length.
// When the middle is too large for the table (more than kMaxDiffCells cells,
// 8 MiB) the middle is reported as removed + added, never a wrong alignment.
// Output as Dutch text (lines "- ", "+ ", "  ", with paragraph numbers) and as
// a self-contained HTML fragment (everything escaped; <del>/<ins>); each is
// at most kMaxDiffOutputBytes, beyond which Error(invalid) names the limit in
// its place ("limit"; REST answers 422).
// Thread safety: pure functions.
#pragma once

#include "core/Json.hpp"

#include <string>
#include <vector>

namespace igsgov::governance {

constexpr std::size_t kMaxDiffCells = 4u << 20;        // LCS table cells (16 bits each)
constexpr std::size_t kMaxDiffOutputBytes = 4u << 20;  // the text and the HTML rendering, each

struct DiffLine {
  enum class Kind { same, removed, added, changed };
  Kind kind = Kind::same;
  std::string before;  // same, removed, changed
  std::string after;   // same (== before), added, changed
  int beforeNo = 0;    // 1-based paragraph number in before (0 when none)
  int afterNo = 0;
};

struct TextDiff {
  std::vector<DiffLine> lines;
  int removed = 0, added = 0, changed = 0, same = 0;
  bool identical() const { return removed == 0 && added == 0 && changed == 0; }
};

TextDiff diffParagraphs(const std::vector<std::string>& before, const std::vector<std::string>& after);

// context: unchanged paragraphs shown around each change (-1 = all).
std::string diffToText(const TextDiff& d, int context = 1);
std::string diffToHtml(const TextDiff& d, const std::string& title);
JsonObject diffSummaryJson(const TextDiff& d);

std::string htmlEscape(const std::string& s);

}  // namespace igsgov::governance
