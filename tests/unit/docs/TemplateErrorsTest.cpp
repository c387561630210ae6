// Every error id, all errors of a template at once, places and JSON.
#include "DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

std::vector<TemplateIssue> compileIssues(const std::string& bytes) {
  try {
    Template::compile(bytes);
  } catch (const TemplateErrors& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    return e.issues();
  }
  return {};
}

std::vector<std::string> ids(const std::vector<TemplateIssue>& issues) {
  std::vector<std::string> v;
  for (const auto& i : issues) v.push_back(i.id);
  return v;
}

}  // namespace

TEST(TemplateErrors, EachDocxtemplaterIdIsReported) {
  struct Case {
    std::string body, id;
  } cases[] = {
      {para("Dag {naam"), "unclosed_tag"},
      {para("Dag naam}"), "unopened_tag"},
      {para("{#leden}x"), "unclosed_loop"},
      {para("x{/leden}"), "unopened_loop"},
      {para("{#leden}x{/lid}"), "closing_tag_does_not_match_opening_tag"},
      {para("{naam | onbekend}"), "unknown_formatter"},
      {para("voor {@blok}"), "raw_xml_not_alone"},
      {para("{}"), "invalid_tag"},
      {para("{a b}"), "invalid_tag"},
  };
  for (const auto& c : cases) {
    auto issues = compileIssues(makeDocx(c.body));
    ASSERT_EQ(issues.size(), 1u) << c.id;
    EXPECT_EQ(issues[0].id, c.id);
    EXPECT_EQ(issues[0].part, "word/document.xml");
    EXPECT_EQ(issues[0].paragraph, 1u);
    EXPECT_FALSE(issues[0].message.empty());
  }
}

TEST(TemplateErrors, AllErrorsAtOnceWithPlaces) {
  const std::string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  std::string body = para("Goed {naam}") + para("Fout {#a}") + para("Nog {x | bestaatniet}") + para("{/b}");
  auto issues = compileIssues(makeDocx(
      body, {{"word/header1.xml", "<w:hdr xmlns:w=\"" + W + "\">" + para("kop {") + "</w:hdr>"}}));
  auto list = ids(issues);
  ASSERT_EQ(issues.size(), 3u) << join(list);
  // document.xml: unknown formatter, mismatch a/b; header: unclosed tag.
  EXPECT_NE(std::find(list.begin(), list.end(), "unknown_formatter"), list.end());
  EXPECT_NE(std::find(list.begin(), list.end(), "closing_tag_does_not_match_opening_tag"), list.end());
  bool header = false;
  for (const auto& i : issues)
    if (i.part == "word/header1.xml") {
      header = true;
      EXPECT_EQ(i.id, "unclosed_tag");
      EXPECT_EQ(i.paragraph, 1u);
      EXPECT_EQ(i.offset, 4u);
    }
  EXPECT_TRUE(header);
  for (const auto& i : issues)
    if (i.id == "unknown_formatter") {
      EXPECT_EQ(i.paragraph, 3u);
      EXPECT_EQ(i.offset, std::string("Goed {naam}Fout {#a}Nog ").size());
      EXPECT_NE(i.snippet.find("{x | bestaatniet}"), std::string::npos);
    }
}

TEST(TemplateErrors, ThrownAsOneErrorNamingTheFirst) {
  try {
    Template::compile(makeDocx(para("{#a}") + para("{b | zz}")));
    FAIL() << "no error";
  } catch (const Error& e) {  // catchable as the base type
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(e.place().fields.at("part"), "word/document.xml");
    auto* te = dynamic_cast<const TemplateErrors*>(&e);
    ASSERT_NE(te, nullptr);
    auto json = te->toJson();
    ASSERT_TRUE(json->has("errors"));
    EXPECT_EQ(json->getArray("errors")->size(), 2u);
    EXPECT_EQ(json->getValue<std::string>("code"), "invalid");
    EXPECT_NE(e.message().find("2 fouten"), std::string::npos);
  }
}

TEST(TemplateErrors, UnknownTagAtRenderTimeListsEveryMissingValueOnce) {
  Template t = Template::compile(makeDocx(para("{#leden}{naam} {x}{/leden}") + para("{y.z}")));
  try {
    t.render(parseJson(R"({"leden":[{"naam":"a"},{"naam":"b"}]})"));
    FAIL() << "no error";
  } catch (const TemplateErrors& e) {
    auto list = ids(e.issues());
    ASSERT_EQ(list.size(), 2u) << join(list);
    EXPECT_EQ(list[0], "unknown_tag");
    EXPECT_EQ(list[1], "unknown_tag");
    EXPECT_EQ(e.issues()[0].tag, "{x}");
    EXPECT_EQ(e.issues()[1].tag, "{y.z}");
    EXPECT_EQ(e.issues()[1].paragraph, 2u);
  }
}

TEST(TemplateErrors, FormatterOnWrongValueIsAnError) {
  Template t = Template::compile(makeDocx(para("{d | datum}")));
  try {
    t.render(parseJson(R"({"d":"22-11-2026"})"));
    FAIL();
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].id, "invalid_value");
  }
}

TEST(TemplateErrors, LoopAcrossTableBoundaryIsRejected) {
  auto cell = [](const std::string& t) { return "<w:tc>" + para(t) + "</w:tc>"; };
  std::string body = "<w:tbl><w:tr>" + cell("{#a}") + "</w:tr></w:tbl>" + para("{/a}");
  auto issues = compileIssues(makeDocx(body));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].id, "loop_position_invalid");
}

TEST(TemplateErrors, CheckTemplateListsTagsAndIssues) {
  CheckResult ok = checkTemplate(makeDocx(para("{naam}") + para("{#leden}{.}{/leden}") + para("{d | datum_lang}")));
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.format, Format::docx);
  ASSERT_EQ(ok.tags.size(), 5u);
  EXPECT_EQ(ok.tags[0].tag, "{naam}");
  EXPECT_EQ(ok.tags[1].kind, "loop");
  EXPECT_EQ(ok.tags[4].formatters.at(0), "datum_lang");
  CheckResult bad = checkTemplate(makeDocx(para("{naam") + para("x}")));
  EXPECT_FALSE(bad.ok());
  ASSERT_EQ(bad.issues.size(), 2u);
  EXPECT_EQ(bad.issues[0].id, "unclosed_tag");
  EXPECT_EQ(bad.issues[1].id, "unopened_tag");
  EXPECT_EQ(bad.toJson()->getArray("errors")->size(), 2u);
}

// Issue 14: "alinea 2, positie 20" in an 8-character paragraph: positions
// were offsets into the text of the whole part, and snippets ran the
// paragraphs together.
TEST(TemplateErrors, PositionsCountCharactersWithinTheParagraph) {
  CheckResult res = checkTemplate(makeDocx(para("Eerste alinea met tekst") + p(r("é ") + r("ab {x"))));
  ASSERT_EQ(res.issues.size(), 1u);
  const TemplateIssue& i = res.issues[0];
  EXPECT_EQ(i.id, "unclosed_tag");
  EXPECT_EQ(i.paragraph, 2u);
  EXPECT_EQ(i.position, 6u);  // é, space, a, b, space: '{' is the 6th character
  EXPECT_EQ(i.offset, std::string("Eerste alinea met tekst\xC3\xA9 ab ").size());  // docxtemplater's offset
  EXPECT_EQ(i.snippet, "\xC3\xA9 ab {x");
  EXPECT_EQ(i.snippet.find("tekst"), std::string::npos);
  auto json = i.toJson();
  EXPECT_EQ(json->getValue<int>("paragraph"), 2);
  EXPECT_EQ(json->getValue<int>("position"), 6);
  // The error's place, as the CLI prints it for generate: alinea and positie.
  try {
    Template::compile(makeDocx(para("Eerste alinea met tekst") + p(r("é ") + r("ab {x"))));
    FAIL();
  } catch (const TemplateErrors& e) {
    EXPECT_NE(e.fullText().find("alinea 2, positie 6"), std::string::npos) << e.fullText();
  }
}

TEST(TemplateErrors, TextOfAnotherParagraphNeverCounts) {
  // A text box paragraph inside the paragraph: the outer paragraph's text is
  // "ab" + "c {x"; the box's "zz" is another paragraph.
  const std::string box = "<w:r><w:pict><w:txbxContent>" + para("zz") + "</w:txbxContent></w:pict></w:r>";
  CheckResult res = checkTemplate(makeDocx(para("voor") + p(r("ab") + box + r("c {x")) + para("na")));
  ASSERT_EQ(res.issues.size(), 1u);
  EXPECT_EQ(res.issues[0].paragraph, 2u);
  EXPECT_EQ(res.issues[0].position, 5u);
  EXPECT_EQ(res.issues[0].snippet, "c {x");
  // A stray '}' at the start of the next paragraph: its own snippet.
  CheckResult s = checkTemplate(makeDocx(para("12345678") + para("} rest")));
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].paragraph, 2u);
  EXPECT_EQ(s.issues[0].position, 1u);
  EXPECT_EQ(s.issues[0].snippet, "} rest");
}

TEST(TemplateErrors, MarkdownAndHtmlCountLines) {
  CheckResult res = checkTemplate("abc\n12345678 }\n");
  ASSERT_EQ(res.issues.size(), 1u);
  EXPECT_TRUE(res.issues[0].inLines);
  EXPECT_EQ(res.issues[0].paragraph, 2u);
  EXPECT_EQ(res.issues[0].position, 10u);
  EXPECT_EQ(res.issues[0].snippet, "12345678 }");
  auto json = res.issues[0].toJson();
  EXPECT_EQ(json->getValue<int>("line"), 2);
  EXPECT_FALSE(json->has("paragraph"));
  CheckResult tags = checkTemplate("<p>\n  {naam}</p>");
  ASSERT_EQ(tags.tags.size(), 1u);
  EXPECT_EQ(tags.tags[0].paragraph, 2u);
  EXPECT_EQ(tags.tags[0].position, 3u);
}

TEST(TemplateErrors, MessagesSayAlineaNeverParagraaf) {
  std::vector<std::string> bodies = {para("voor {@blok}"), para("{x") + para("}"),
                                     "<w:tbl><w:tr><w:tc>" + para("{#a}") + "</w:tc></w:tr></w:tbl>" + para("x{/a}")};
  for (const auto& body : bodies) {
    CheckResult each = checkTemplate(makeDocx(body));
    ASSERT_FALSE(each.ok());
    for (const auto& i : each.issues) EXPECT_EQ(i.message.find("paragra"), std::string::npos) << i.message;
  }
  CheckResult raw = checkTemplate(makeDocx(para("voor {@blok}")));
  EXPECT_NE(raw.issues.at(0).message.find("alinea"), std::string::npos);
}
