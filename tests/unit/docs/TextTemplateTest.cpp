// HTML and Markdown templates.
#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::docs;

TEST(TextTemplate, HtmlEscapesValuesAndCarriesMeta) {
  CompileOptions c;
  c.format = Format::html;
  Template t = Template::compile("<html><head><title>{titel}</title></head><body><p>{x}</p></body></html>", c);
  RenderOptions o;
  o.properties = {{"igsgov.as_of", "2026-11-22"}};
  std::string out = t.render(parseJson(R"({"titel":"A & B","x":"<script>"})"), o);
  EXPECT_EQ(out,
            "<html><head>\n<meta name=\"igsgov.as_of\" content=\"2026-11-22\"><title>A &amp; B</title></head>"
            "<body><p>&lt;script&gt;</p></body></html>");
}

// Register data is text in a generated document, never markup (issue 13).
TEST(TextTemplate, MarkdownEscapesHtmlAndMarkdownInValues) {
  Template t = Template::compile("Naam: {x}\n\n{y}\n\n<div align=\"right\">{x}</div>\n");
  std::string out = t.render(parseJson(R"({"x":"<script>alert(1)</script> & 'a' \"b\"",
                                           "y":"# Kop\n1. lijst\n- [klik](javascript:x) *vet* _schuin_ `code` a|b ~c~ \\"})"));
  EXPECT_EQ(out,
            "Naam: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;a&#39; &quot;b&quot;\n\n"
            "&#35; Kop<br>1&#46; lijst<br>&#45; &#91;klik&#93;(javascript:x) &#42;vet&#42; &#95;schuin&#95; &#96;code&#96; "
            "a&#124;b &#126;c&#126; &#92;\n\n"
            "<div align=\"right\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;a&#39; &quot;b&quot;</div>\n");
}

TEST(TextTemplate, HtmlEscapesQuotesForAttributes) {
  CompileOptions c;
  c.format = Format::html;
  Template t = Template::compile("<p title='{x}' class=\"{x}\">{x}</p>", c);
  EXPECT_EQ(t.render(parseJson(R"({"x":"' onmouseover='a\" b<img src=x onerror=y>&"})")),
            "<p title='&#39; onmouseover=&#39;a&quot; b&lt;img src=x onerror=y&gt;&amp;' class=\"&#39; onmouseover=&#39;a&quot; "
            "b&lt;img src=x onerror=y&gt;&amp;\">&#39; onmouseover=&#39;a&quot; b&lt;img src=x onerror=y&gt;&amp;</p>");
}

TEST(TextTemplate, MarkdownLoopLinesLeaveNoBlankLines) {
  Template t = Template::compile("# {titel}\n\n{#leden}\n- {naam} ({bedrag | euro})\n{/leden}\n{^leden}\nGeen leden.\n{/leden}\nEinde\n");
  EXPECT_EQ(t.format(), Format::markdown);
  std::string out = t.render(parseJson(R"({"titel":"Leden","leden":[{"naam":"A","bedrag":100},{"naam":"B & C","bedrag":250}]})"));
  EXPECT_EQ(out, "# Leden\n\n- A (\xE2\x82\xAC 1,00)\n- B &amp; C (\xE2\x82\xAC 2,50)\nEinde\n");
  std::string none = t.render(parseJson(R"({"titel":"Leden","leden":[]})"));
  EXPECT_EQ(none, "# Leden\n\nGeen leden.\nEinde\n");
}

TEST(TextTemplate, MarkdownProvenanceComment) {
  Template t = Template::compile("Hallo {naam}");
  RenderOptions o;
  o.properties = {{"igsgov.operation", "brief--test"}};
  std::string out = t.render(parseJson(R"({"naam":"X"})"), o);
  EXPECT_EQ(out, "Hallo X\n\n<!--\nigsgov.operation: brief- -test\n-->\n");
}

TEST(TextTemplate, ErrorsCarryLineNumbers) {
  try {
    Template::compile("regel 1\nregel {2\n{/x}\n");
    FAIL();
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 2u);
    EXPECT_EQ(e.issues()[0].id, "unclosed_tag");
    EXPECT_EQ(e.issues()[0].paragraph, 2u);
    EXPECT_EQ(e.issues()[1].id, "unopened_loop");
    EXPECT_EQ(e.issues()[1].paragraph, 3u);
  }
}

// Found by the tag_syntax fuzz target: trimming took the last byte of a
// character ending in A0 ("à" is C3 A0) for a no-break space, so {voilà}
// looked up "voil\xC3", and a no-break space between two spaces stayed.
TEST(TextTemplate, TagNamesKeepCharactersEndingInA0AndLoseNoBreakSpaces) {
  Template t = Template::compile("{voil\xC3\xA0} { \xC2\xA0 naam \xC2\xA0 }");
  std::vector<std::string> names;
  for (const auto& tag : t.tags()) names.push_back(tag.name);
  EXPECT_EQ(names, (std::vector<std::string>{"voil\xC3\xA0", "naam"}));
  EXPECT_EQ(t.render(parseJson("{\"voil\xC3\xA0\":\"ja\",\"naam\":\"An\"}")), "ja An");
}
