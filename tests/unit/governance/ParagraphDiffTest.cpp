// Paragraph-level diff: alignment, pairing of changed paragraphs, text and
// HTML output (escaped), and the property that applying the diff gives back
// both sides.
#include "core/Error.hpp"
#include "governance/ParagraphDiff.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace igsgov::governance;
using V = std::vector<std::string>;

TEST(ParagraphDiff, IdenticalTexts) {
  auto d = diffParagraphs({"a", "b"}, {"a", "b"});
  EXPECT_TRUE(d.identical());
  EXPECT_EQ(d.same, 2);
  EXPECT_NE(diffToText(d).find("Geen verschillen"), std::string::npos);
}

TEST(ParagraphDiff, ChangedAddedRemoved) {
  auto d = diffParagraphs({"Art. 1", "Art. 2 oud", "Art. 3", "Art. 4"}, {"Art. 1", "Art. 2 nieuw", "Art. 3", "Art. 3bis"});
  EXPECT_EQ(d.changed, 2);  // Art. 2 changed; Art. 4 → Art. 3bis paired as a change
  EXPECT_EQ(d.same, 2);
  EXPECT_EQ(d.added + d.removed, 0);
  ASSERT_EQ(d.lines.size(), 4u);
  EXPECT_EQ(d.lines[1].kind, DiffLine::Kind::changed);
  EXPECT_EQ(d.lines[1].before, "Art. 2 oud");
  EXPECT_EQ(d.lines[1].after, "Art. 2 nieuw");
  EXPECT_EQ(d.lines[1].beforeNo, 2);

  auto e = diffParagraphs({"a", "b", "c"}, {"a", "c", "d"});
  EXPECT_EQ(e.removed, 1);
  EXPECT_EQ(e.added, 1);
  auto text = diffToText(e, -1);
  EXPECT_NE(text.find("- [2] b"), std::string::npos) << text;
  EXPECT_NE(text.find("+ [3] d"), std::string::npos) << text;
}

TEST(ParagraphDiff, HtmlEscapesEverything) {
  auto d = diffParagraphs({"<script>alert(1)</script>"}, {"a & \"b\""});
  auto html = diffToHtml(d, "v1 <-> v2");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; &quot;b&quot;"), std::string::npos);
  EXPECT_NE(html.find("<del>"), std::string::npos);
  EXPECT_NE(html.find("<ins>"), std::string::npos);
  EXPECT_NE(html.find("v1 &lt;-&gt; v2"), std::string::npos);
}

TEST(ParagraphDiff, ContextElidesUnchangedParagraphs) {
  V a, b;
  for (int i = 0; i < 20; ++i) a.push_back("p" + std::to_string(i));
  b = a;
  b[10] = "gewijzigd";
  auto text = diffToText(diffParagraphs(a, b), 1);
  EXPECT_NE(text.find("[10] p9"), std::string::npos);
  EXPECT_NE(text.find("[12] p11"), std::string::npos);
  EXPECT_EQ(text.find("p3\n"), std::string::npos);
  EXPECT_NE(text.find("…"), std::string::npos);
}

// Reconstructing both sides from the diff lines gives the inputs back, and
// the number of unchanged paragraphs is a longest common subsequence.
TEST(ParagraphDiff, RandomRoundTripAndMinimality) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    V a, b;
    int n = static_cast<int>(rng() % 12), m = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) a.push_back(std::string(1, static_cast<char>('a' + rng() % 4)));
    for (int i = 0; i < m; ++i) b.push_back(std::string(1, static_cast<char>('a' + rng() % 4)));
    auto d = diffParagraphs(a, b);
    V ra, rb;
    for (const auto& l : d.lines) {
      if (l.kind != DiffLine::Kind::added) ra.push_back(l.before);
      if (l.kind != DiffLine::Kind::removed) rb.push_back(l.after);
    }
    ASSERT_EQ(ra, a);
    ASSERT_EQ(rb, b);
    std::vector<std::vector<int>> L(n + 1, std::vector<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i)
      for (int j = m - 1; j >= 0; --j) L[i][j] = a[i] == b[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    ASSERT_EQ(d.same, L[0][0]);
  }
}

// The renderings are capped (issue 13): escaping can multiply a text by six.
TEST(ParagraphDiff, RenderingsOverTheCapAreRefusedNamingTheLimit) {
  std::string quotes(kMaxDiffOutputBytes / 5, '"');  // 6 bytes each once escaped
  auto d = diffParagraphs({"a"}, {quotes});
  EXPECT_NO_THROW(diffToText(d));
  try {
    diffToHtml(d, "t");
    FAIL() << "the HTML is over the cap";
  } catch (const igsgov::Error& e) {
    EXPECT_EQ(e.place().fields.at("limit").rfind("vergelijking als HTML", 0), 0u) << e.fullText();
  }
  std::vector<std::string> many(60, std::string(100 * 1024, 'x'));
  for (std::size_t i = 0; i < many.size(); ++i) many[i] += std::to_string(i);
  auto big = diffParagraphs({}, many);
  EXPECT_THROW(diffToText(big, -1), igsgov::Error);
}

TEST(ParagraphDiff, LongParagraphsAreComparedByNumberNotByText) {
  // 2000 x 2000 distinct long paragraphs with a common core: the table is
  // 4M cells of 16 bits, each a comparison of two integers.
  V a, b;
  for (int i = 0; i < 2000; ++i) {
    std::string p(500, 'p');
    p += std::to_string(i);
    a.push_back(i % 7 == 0 ? "oud " + p : p);
    b.push_back(i % 11 == 0 ? "nieuw " + p : p);
  }
  auto d = diffParagraphs(a, b);
  EXPECT_GT(d.same, 1500);
  EXPECT_GT(d.changed, 0);
}
