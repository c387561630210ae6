// ODT: content, header in styles.xml, line breaks, table rows, meta.xml,
// and a valid package (mimetype first and stored).
#include "DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <gtest/gtest.h>
#include <zip.h>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

TEST(OdtRender, ValuesLoopsLineBreaksAndHeader) {
  std::string body =
      "<text:p>Beste <text:span>{na</text:span>am},</text:p>"
      "<text:p>{#leden}</text:p><text:p>- {naam | upper}</text:p><text:p>{/leden}</text:p>"
      "<text:p>{adres}</text:p>"
      "<table:table><table:table-row><table:table-cell><text:p>{#rijen}{a}</text:p></table:table-cell>"
      "<table:table-cell><text:p>{b}{/rijen}</text:p></table:table-cell></table:table-row></table:table>";
  std::string styles =
      "<office:document-styles xmlns:office=\"o\" xmlns:style=\"s\" xmlns:text=\"t\"><office:master-styles>"
      "<style:master-page><style:header><text:p>Kop {org}</text:p></style:header></style:master-page>"
      "</office:master-styles></office:document-styles>";
  Template t = Template::compile(makeOdt(body, {{"styles.xml", styles}}));
  EXPECT_EQ(t.format(), Format::odt);
  std::string out = t.render(parseJson(
      R"({"naam":"An","leden":[{"naam":"x"},{"naam":"y"}],"adres":"L1\nL2","org":"IGS",
          "rijen":[{"a":"1","b":"2"},{"a":"3","b":"4"}]})"));
  auto ps = odtParagraphs(readPart(out, "content.xml"));
  EXPECT_EQ(join(ps), "Beste An,|- X|- Y|L1\nL2|1|2|3|4");
  EXPECT_NE(readPart(out, "content.xml").find("<text:line-break/>"), std::string::npos);
  EXPECT_EQ(join(odtParagraphs(readPart(out, "styles.xml"))), "Kop IGS");
}

TEST(OdtRender, MimetypeFirstStoredAndMetaProperties) {
  Template t = Template::compile(makeOdt("<text:p>{x}</text:p>"));
  RenderOptions o;
  o.properties = {{"igsgov.journal_position", "42"}};
  std::string out = t.render(parseJson(R"({"x":"y"})"), o);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* s = zip_source_buffer_create(out.data(), out.size(), 0, &err);
  zip_t* za = zip_open_from_source(s, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  ASSERT_NE(za, nullptr);
  zip_stat_t st;
  ASSERT_EQ(zip_stat_index(za, 0, 0, &st), 0);
  EXPECT_STREQ(st.name, "mimetype");
  EXPECT_EQ(st.comp_method, ZIP_CM_STORE);
  zip_close(za);
  // The local header of the first entry has no extra field (byte 28..29).
  ASSERT_GT(out.size(), 38u);
  EXPECT_EQ(out[28], 0);
  EXPECT_EQ(out[29], 0);
  EXPECT_EQ(out.substr(30, 8), "mimetype");
  std::string meta = readPart(out, "meta.xml");
  EXPECT_NE(meta.find("<meta:user-defined meta:name=\"igsgov.journal_position\">42</meta:user-defined>"),
            std::string::npos);
  EXPECT_NE(meta.find("<meta:generator>igsgov-test</meta:generator>"), std::string::npos);
}

TEST(OdtRender, ErrorsNameContentXml) {
  try {
    Template::compile(makeOdt("<text:p>x</text:p><text:p>{#a}</text:p>"));
    FAIL();
  } catch (const TemplateErrors& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].id, "unclosed_loop");
    EXPECT_EQ(e.issues()[0].part, "content.xml");
    EXPECT_EQ(e.issues()[0].paragraph, 2u);
    EXPECT_EQ(e.issues()[0].offset, 1u);
  }
}
