// The engine's bounds (docs/Limits.hpp): each one at the bound (works) and far
// beyond it (a clear error, never a crash, a hang or unbounded memory).
// Issue 14: loops nested 40,000 deep overflowed the stack (SIGSEGV) in
// `template check` and `generate`.
#include "DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Limits.hpp"
#include "docs/Template.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Paragraph loops nested `depth` deep around one value.
std::string nestedDocxBody(std::size_t depth) {
  return repeat(para("{#a}"), depth) + para("kern {x}") + repeat(para("{/a}"), depth);
}

std::vector<std::string> issueIds(const CheckResult& r) {
  std::vector<std::string> ids;
  for (const auto& i : r.issues) ids.push_back(i.id);
  return ids;
}

std::string renderedText(const Template& t, const std::string& json) {
  return join(docxParagraphs(readPart(t.render(parseJson(json)), "word/document.xml")));
}

}  // namespace

TEST(Limits, SectionsNestedToTheBoundCompileAndRender) {
  Template t = Template::compile(makeDocx(nestedDocxBody(kMaxSectionDepth)));
  EXPECT_EQ(renderedText(t, R"({"a":true,"x":"1"})"), "kern 1");
  Template md = Template::compile(repeat("{#a}", kMaxSectionDepth) + "{x}" + repeat("{/a}", kMaxSectionDepth));
  EXPECT_EQ(md.render(parseJson(R"({"a":[1],"x":"y"})")), "y");
}

TEST(Limits, SectionsNestedOneTooDeepAreOneClearError) {
  CheckResult r = checkTemplate(makeDocx(nestedDocxBody(kMaxSectionDepth + 1)));
  ASSERT_EQ(issueIds(r), std::vector<std::string>{"nesting_too_deep"});
  EXPECT_EQ(r.issues[0].paragraph, kMaxSectionDepth + 1);  // the first section too deep
  EXPECT_NE(r.issues[0].message.find("100"), std::string::npos) << r.issues[0].message;
}

TEST(Limits, LoopsNested40000DeepDoNotCrash) {
  const std::size_t deep = 40000;
  // DOCX paragraph loops, as in the issue: check, compile (generate) and a
  // Markdown template of inline loops.
  // 80,001 tags are also more than kMaxTags: both are reported, nesting first.
  const std::vector<std::string> both{"nesting_too_deep", "too_many_tags"};
  std::string docx = makeDocx(nestedDocxBody(deep));
  CheckResult r = checkTemplate(docx);
  EXPECT_EQ(issueIds(r), both);
  EXPECT_EQ(r.issues.at(0).paragraph, kMaxSectionDepth + 1);
  EXPECT_EQ(r.issues.at(0).tag, "{#a}");
  try {
    Template::compile(docx);
    FAIL() << "compiled a template nested 40,000 deep";
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 2u);
    EXPECT_EQ(e.issues()[0].id, "nesting_too_deep");
    EXPECT_EQ(e.place().fields.at("part"), "word/document.xml");
    EXPECT_NE(e.message().find("secties in elkaar"), std::string::npos) << e.message();
  }
  for (const std::string open : {"{#a}", "{^a}"}) {
    CheckResult md = checkTemplate(repeat(open, deep) + "x" + repeat("{/a}", deep));
    EXPECT_EQ(issueIds(md), both) << open;
    EXPECT_EQ(md.issues.at(0).position, kMaxSectionDepth * 4 + 1) << open;
  }
  // Within the tag cap: 5,000 deep, and 5,000 opened that are never closed.
  CheckResult five = checkTemplate(repeat("{#a}", 5000) + "x" + repeat("{/a}", 5000));
  EXPECT_EQ(issueIds(five), std::vector<std::string>{"nesting_too_deep"});
  CheckResult unclosed = checkTemplate(repeat("{#a}", 5000));
  ASSERT_EQ(unclosed.issues.size(), kMaxIssues + 1);
  EXPECT_EQ(unclosed.issues[0].id, "nesting_too_deep");
  EXPECT_EQ(unclosed.issues.back().id, "too_many_errors");
}

TEST(Limits, TagsPerTemplate) {
  // At the bound: kMaxTags tags over two parts; one more is too_many_tags.
  const std::string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  auto header = [&](std::size_t n) {
    return Entries{{"word/header1.xml", "<w:hdr xmlns:w=\"" + W + "\">" + para(repeat("{k}", n)) + "</w:hdr>"}};
  };
  const std::size_t inBody = kMaxTags / 2;
  CheckResult fits = checkTemplate(makeDocx(para(repeat("{v}", inBody)), header(kMaxTags - inBody)));
  EXPECT_TRUE(fits.ok());
  EXPECT_EQ(fits.tags.size(), kMaxTags);
  CheckResult over = checkTemplate(makeDocx(para(repeat("{v}", inBody)), header(kMaxTags - inBody + 1)));
  ASSERT_EQ(issueIds(over), std::vector<std::string>{"too_many_tags"});
  EXPECT_NE(over.issues[0].message.find("20000"), std::string::npos) << over.issues[0].message;
  // A million tags in a 10 MB part: refused quickly, with bounded memory.
  CheckResult million = checkTemplate(repeat("{a} ", 1000000));
  ASSERT_EQ(issueIds(million), std::vector<std::string>{"too_many_tags"});
  EXPECT_EQ(million.issues[0].position, kMaxTags * 4 + 1);
  EXPECT_LE(million.tags.size(), kMaxTags);
}

TEST(Limits, XmlNestedToTheBoundIsFineBeyondItMalformed) {
  // <w:document><w:body> are two levels, the paragraph three (w:p, w:r, w:t).
  auto nested = [](std::size_t levels) {
    return repeat("<w:customXml>", levels) + para("{x}") + repeat("</w:customXml>", levels);
  };
  const std::size_t fits = kMaxXmlDepth - 2 - 3;
  Template t = Template::compile(makeDocx(nested(fits)));
  EXPECT_EQ(renderedText(t, R"({"x":"diep"})"), "diep");
  for (std::size_t levels : {fits + 1, std::size_t{80000}}) {
    CheckResult r = checkTemplate(makeDocx(nested(levels)));
    ASSERT_EQ(issueIds(r), std::vector<std::string>{"malformed_xml"}) << levels;
    EXPECT_NE(r.issues[0].message.find("elementen in elkaar"), std::string::npos) << r.issues[0].message;
  }
}

TEST(Limits, FormatterChainsAndTagLength) {
  std::string chain = repeat(" | upper", kMaxFormatters);
  Template t = Template::compile(makeDocx(para("{x" + chain + "}")));
  EXPECT_EQ(renderedText(t, R"({"x":"abc"})"), "ABC");
  CheckResult longer = checkTemplate(makeDocx(para("{x" + chain + " | lower}")));
  ASSERT_EQ(issueIds(longer), std::vector<std::string>{"invalid_tag"});
  EXPECT_NE(longer.issues[0].message.find("formatters"), std::string::npos);
  // A tag of 100,000 bytes: refused, and neither the tag nor the snippet
  // quotes all of it.
  CheckResult huge = checkTemplate(makeDocx(para("{" + std::string(100000, 'a') + "}")));
  ASSERT_EQ(issueIds(huge), std::vector<std::string>{"invalid_tag"});
  EXPECT_NE(huge.issues[0].message.find("te lang"), std::string::npos);
  EXPECT_LT(huge.issues[0].tag.size(), 100u);
  EXPECT_LT(huge.issues[0].snippet.size(), 100u);
  EXPECT_LT(huge.issues[0].message.size(), 200u);
  std::string atBound(kMaxTagBytes, 'b');
  EXPECT_TRUE(checkTemplate(makeDocx(para("{" + atBound + "}"))).ok());
}

TEST(Limits, IssuesAreCappedAndCounted) {
  CheckResult r = checkTemplate(std::string(kMaxIssues + 4000, '}'));
  ASSERT_EQ(r.issues.size(), kMaxIssues + 1);
  EXPECT_EQ(r.issues[0].id, "unopened_tag");
  EXPECT_EQ(r.issues.back().id, "too_many_errors");
  EXPECT_NE(r.issues.back().message.find("nog 4000 fouten"), std::string::npos) << r.issues.back().message;
  CheckResult exact = checkTemplate(std::string(kMaxIssues, '}'));
  EXPECT_EQ(exact.issues.size(), kMaxIssues);
  EXPECT_EQ(exact.issues.back().id, "unopened_tag");
}

TEST(Limits, RenderingStopsAtTheOutputAndStepCaps) {
  // 40^5 copies of a 1 KiB value: far past 64 MiB.
  Template big = Template::compile("{#a}{#a}{#a}{#a}{#a}{x}{/a}{/a}{/a}{/a}{/a}");
  std::string list = "[" + repeat("1,", 39) + "1]";
  try {
    big.render(parseJson(R"({"a":)" + list + R"(,"x":")" + std::string(1024, 'x') + "\"}"));
    FAIL() << "rendered an unbounded document";
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].id, "output_too_large");
    EXPECT_NE(e.issues()[0].message.find("te groot"), std::string::npos);
  }
  // Loops that write nothing: 40^8 steps, stopped after kMaxRenderSteps.
  Template idle = Template::compile(repeat("{#a}", 8) + repeat("{/a}", 8));
  try {
    idle.render(parseJson(R"({"a":)" + list + "}"));
    FAIL() << "rendered 40^8 empty loops";
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].id, "output_too_large");
    EXPECT_NE(e.issues()[0].message.find("herhalingen"), std::string::npos);
  }
  // A realistic table (30 rows) is far below both.
  Template row = Template::compile("{#a}{x} {x} {x}\n{/a}");
  EXPECT_EQ(row.render(parseJson(R"({"a":)" + list + R"(,"x":"y"})")).size(), 40u * 6);
}

TEST(Limits, TemplateBytesOverTheCapAreRefused) {
  std::string big(kMaxTemplateBytes + 1, 'a');
  try {
    Template::compile(big, CompileOptions{Format::markdown, {}, "groot.md"});
    FAIL() << "compiled " << big.size() << " bytes";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(e.message().find("te groot"), std::string::npos) << e.message();
    EXPECT_EQ(e.place().fields.at("file"), "groot.md");
  }
}
