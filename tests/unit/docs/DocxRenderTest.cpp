// Rendering DOCX templates: values, paths, escaping, loops, conditions, tables,
// headers/footers, properties, split runs. Output is read back with Poco::XML.
#include "DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <ctime>
#include <map>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

Poco::Dynamic::Var data(const std::string& json) { return parseJson(json); }

std::vector<std::string> renderBody(const std::string& body, const std::string& json,
                                    const RenderOptions& options = {}) {
  Template t = Template::compile(makeDocx(body));
  std::string out = t.render(data(json), options);
  return docxParagraphs(readPart(out, "word/document.xml"));
}

}  // namespace

TEST(DocxRender, ValuesAndDottedPaths) {
  auto ps = renderBody(para("Beste {naam},") + para("{lid.adres.gemeente} ({lid.nis})"),
                       R"({"naam":"An","lid":{"adres":{"gemeente":"Gent"},"nis":44021}})");
  EXPECT_EQ(join(ps), "Beste An,|Gent (44021)");
}

TEST(DocxRender, EscapesXmlInValues) {
  auto ps = renderBody(para("{x}"), R"({"x":"a < b & c > \"d\""})");
  EXPECT_EQ(join(ps), "a < b & c > \"d\"");
}

TEST(DocxRender, NewlineBecomesLineBreak) {
  Template t = Template::compile(makeDocx(para("{adres}")));
  std::string out = t.render(data(R"({"adres":"Straat 1\n9000 Gent"})"));
  std::string xml = readPart(out, "word/document.xml");
  EXPECT_NE(xml.find("<w:br/>"), std::string::npos);
  EXPECT_EQ(join(docxParagraphs(xml)), "Straat 1\n9000 Gent");
}

TEST(DocxRender, TagSplitOverRunsProofErrBookmarksAndRevisions) {
  std::string body =
      p("<w:r><w:t>Dag {</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>na</w:t></w:r>"
        "<w:bookmarkStart w:id=\"0\" w:name=\"b\"/><w:r><w:rPr><w:b/></w:rPr><w:t>am</w:t></w:r>"
        "<w:bookmarkEnd w:id=\"0\"/><w:proofErr w:type=\"spellEnd\"/><w:r><w:t>}!</w:t></w:r>") +
      p("<w:ins w:id=\"1\" w:author=\"x\"><w:r><w:t>{ge</w:t></w:r></w:ins>"
        "<w:del w:id=\"2\" w:author=\"x\"><w:r><w:delText>weg{}</w:delText></w:r></w:del>"
        "<w:r><w:t>meente}</w:t></w:r>");
  auto ps = renderBody(body, R"({"naam":"Jan","gemeente":"Aalst"})");
  EXPECT_EQ(join(ps), "Dag Jan!|Aalst");
}

TEST(DocxRender, CurrentItemAndInlineLoop) {
  auto ps = renderBody(para("Leden: {#leden}{.}, {/leden}einde"), R"({"leden":["A","B","C"]})");
  EXPECT_EQ(join(ps), "Leden: A, B, C, einde");
}

TEST(DocxRender, ParagraphLoopLeavesNoBlankParagraphs) {
  std::string body = para("Begin") + para("{#leden}") + para("- {naam}") + para("{/leden}") + para("Einde");
  auto ps = renderBody(body, R"({"leden":[{"naam":"A"},{"naam":"B"}]})");
  EXPECT_EQ(join(ps), "Begin|- A|- B|Einde");
  auto empty = renderBody(body, R"({"leden":[]})");
  EXPECT_EQ(join(empty), "Begin|Einde");
}

TEST(DocxRender, TableRowLoopRepeatsTheRow) {
  auto cell = [](const std::string& t) { return "<w:tc>" + para(t) + "</w:tc>"; };
  std::string body = "<w:tbl><w:tr>" + cell("Naam") + cell("Bedrag") + "</w:tr><w:tr>" +
                     cell("{#rijen}{naam}") + cell("{bedrag | euro}{/rijen}") + "</w:tr></w:tbl>";
  Template t = Template::compile(makeDocx(body));
  std::string out = t.render(data(R"({"rijen":[{"naam":"A","bedrag":211250},{"naam":"B","bedrag":5}]})"));
  auto rows = docxTableRows(readPart(out, "word/document.xml"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(join(rows[0]), "Naam|Bedrag");
  EXPECT_EQ(join(rows[1]), "A|\xE2\x82\xAC 2.112,50");
  EXPECT_EQ(join(rows[2]), "B|\xE2\x82\xAC 0,05");
}

TEST(DocxRender, NestedLoopsWithOuterScope) {
  std::string body = para("{#organen}") + para("{naam}: {#leden}{voornaam} ({naam}) {/leden}") +
                     para("{/organen}");
  auto ps = renderBody(body,
                       R"({"organen":[{"naam":"RvB","leden":[{"voornaam":"A"},{"voornaam":"B"}]},
                                      {"naam":"AV","leden":[{"voornaam":"C"}]}]})");
  EXPECT_EQ(join(ps), "RvB: A (RvB) B (RvB) |AV: C (AV) ");
}

TEST(DocxRender, ConditionsFollowDocxtemplaterTruthiness) {
  std::string body = para("{#voorzitter}Voorzitter: {naam}{/voorzitter}") + para("{#actief}actief{/actief}") +
                     para("{^actief}niet actief{/actief}") + para("{^leden}geen leden{/leden}") +
                     para("{#leden}x{/leden}") + para("{^ontbreekt}geen waarde{/ontbreekt}");
  auto ps = renderBody(body, R"({"voorzitter":{"naam":"Els"},"actief":false,"leden":[]})");
  EXPECT_EQ(join(ps), "Voorzitter: Els||niet actief|geen leden||geen waarde");
  auto ps2 = renderBody(body, R"({"voorzitter":null,"actief":true,"leden":[1]})");
  EXPECT_EQ(join(ps2), "|actief|||x|geen waarde");
}

TEST(DocxRender, FormattersInTemplate) {
  auto ps = renderBody(para("{datum | datum_lang}") + para("{datum | datum}") + para("{n | getal}") +
                           para("{x | upper}") + para("{x | lower}") + para("{bedrag|euro}"),
                       R"({"datum":"2026-11-22","n":85000,"x":"Één Straat","bedrag":211250})");
  EXPECT_EQ(join(ps), "22 november 2026|22/11/2026|85.000|ÉÉN STRAAT|één straat|\xE2\x82\xAC 2.112,50");
}

TEST(DocxRender, HeadersFootersAndCoreProperties) {
  const std::string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  Template t = Template::compile(makeDocx(
      para("{naam}"),
      {{"word/header1.xml", "<w:hdr xmlns:w=\"" + W + "\">" + para("Kop {organisatie}") + "</w:hdr>"},
       {"word/footer1.xml", "<w:ftr xmlns:w=\"" + W + "\">" + para("Voet {organisatie | upper}") + "</w:ftr>"},
       {"docProps/core.xml",
        "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"y\"><dc:title>Brief aan {naam}</dc:title></cp:coreProperties>"}}));
  auto parts = t.templatedParts();
  EXPECT_EQ(parts.size(), 4u);
  std::string out = t.render(data(R"({"naam":"An","organisatie":"Igs Leie"})"));
  EXPECT_EQ(join(docxParagraphs(readPart(out, "word/header1.xml"))), "Kop Igs Leie");
  EXPECT_EQ(join(docxParagraphs(readPart(out, "word/footer1.xml"))), "Voet IGS LEIE");
  EXPECT_NE(readPart(out, "docProps/core.xml").find("<dc:title>Brief aan An</dc:title>"), std::string::npos);
}

TEST(DocxRender, PlaceholderForUnknownTags) {
  RenderOptions o;
  o.placeholder = "???";
  auto ps = renderBody(para("{a} {b.c}"), R"({"a":"x"})", o);
  EXPECT_EQ(join(ps), "x ???");
}

TEST(DocxRender, RawXmlReplacesItsParagraph) {
  auto ps = renderBody(para("voor") + para("{@blok}") + para("na"),
                       R"({"blok":"<w:p><w:r><w:t>rauw</w:t></w:r></w:p><w:p><w:r><w:t>twee</w:t></w:r></w:p>"})");
  EXPECT_EQ(join(ps), "voor|rauw|twee|na");
}

TEST(DocxRender, ProvenanceInCustomPropertiesAddsPart) {
  Template t = Template::compile(makeDocx(para("{naam}")));
  RenderOptions o;
  o.properties = {{"igsgov.template_sha256", t.sha256()}, {"igsgov.as_of", "2026-11-22"},
                  {"igsgov.operation", "brief <test>"}};
  std::string out = t.render(data(R"({"naam":"An"})"), o);
  std::string custom = readPart(out, "docProps/custom.xml");
  EXPECT_NE(custom.find("name=\"igsgov.template_sha256\"><vt:lpwstr>" + t.sha256()), std::string::npos);
  EXPECT_NE(custom.find("<vt:lpwstr>brief &lt;test&gt;</vt:lpwstr>"), std::string::npos);
  EXPECT_NE(readPart(out, "[Content_Types].xml").find("PartName=\"/docProps/custom.xml\""), std::string::npos);
  EXPECT_NE(readPart(out, "_rels/.rels").find("Target=\"docProps/custom.xml\""), std::string::npos);
  docxParagraphs(custom);  // well-formed
}

TEST(DocxRender, ProvenanceReplacesExistingCustomProperty) {
  std::string custom =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
      "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"igsgov.as_of\"><vt:lpwstr>oud</vt:lpwstr></property>"
      "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"3\" name=\"eigen\"><vt:lpwstr>blijft</vt:lpwstr></property>"
      "</Properties>";
  Template t = Template::compile(makeDocx(para("x"), {{"docProps/custom.xml", custom}}));
  RenderOptions o;
  o.properties = {{"igsgov.as_of", "2026-01-01"}};
  std::string out = readPart(t.render(data("{}"), o), "docProps/custom.xml");
  EXPECT_EQ(out.find("oud"), std::string::npos);
  EXPECT_NE(out.find("blijft"), std::string::npos);
  EXPECT_NE(out.find("pid=\"4\" name=\"igsgov.as_of\"><vt:lpwstr>2026-01-01"), std::string::npos);
}

namespace {

// Every entry's time, by name, read through libzip.
std::map<std::string, std::time_t> entryTimes(const std::string& z) {
  std::map<std::string, std::time_t> out;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* s = zip_source_buffer_create(z.data(), z.size(), 0, &err);
  zip_t* za = zip_open_from_source(s, ZIP_RDONLY, &err);
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
    out[st.name] = st.mtime;
  }
  zip_discard(za);
  return out;
}

// The same zip with every entry dated `when`.
std::string dated(const std::string& z, std::time_t when) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* s = zip_source_buffer_create(z.data(), z.size(), 0, &err);
  zip_source_keep(s);
  zip_t* za = zip_open_from_source(s, 0, &err);
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) zip_file_set_mtime(za, static_cast<zip_uint64_t>(i), when, 0);
  zip_close(za);
  zip_source_open(s);
  zip_source_seek(s, 0, SEEK_END);
  std::string out(static_cast<std::size_t>(zip_source_tell(s)), '\0');
  zip_source_seek(s, 0, SEEK_SET);
  zip_source_read(s, out.data(), out.size());
  zip_source_close(s);
  zip_source_free(s);
  return out;
}

}  // namespace

// Found by the template fuzz target: the entries rewritten for the
// provenance properties ([Content_Types].xml and _rels/.rels when the
// template has no docProps/custom.xml, custom.xml itself when it has one)
// were stamped with the time of rendering, so the same template, data and
// properties gave other bytes (another sha256) from one second to the next.
TEST(DocxRender, EveryEntryKeepsTheTemplatesTimeSoOutputIsReproducible) {
  const std::time_t old = 1577880000;  // 2020-01-01, far from now
  std::string custom =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"></Properties>";
  for (const Entries& parts : {Entries{}, Entries{{"docProps/custom.xml", custom}}}) {
    std::string tpl = dated(makeDocx(para("{naam}"), parts), old);
    auto before = entryTimes(tpl);
    Template t = Template::compile(tpl);
    RenderOptions o;
    o.properties = {{"igsgov.as_of", "2026-11-22"}};
    auto after = entryTimes(t.render(data(R"({"naam":"An"})"), o));
    ASSERT_EQ(after.count("docProps/custom.xml"), 1u);
    for (const auto& [name, when] : after) {
      SCOPED_TRACE(name);
      EXPECT_EQ(when, before.count(name) ? before[name] : before["word/document.xml"]);
    }
  }
}

TEST(DocxRender, UntouchedEntriesAreCopiedRaw) {
  std::string tpl = makeDocx(para("{naam}"), {{"word/media/image1.png", std::string(5000, 'x') + "png"}});
  Template t = Template::compile(tpl);
  std::string out = t.render(data(R"({"naam":"An"})"));
  // Compare the compressed bytes of every entry except the rewritten one.
  auto rawEntries = [](const std::string& z) {
    std::map<std::string, std::string> m;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* s = zip_source_buffer_create(z.data(), z.size(), 0, &err);
    zip_t* za = zip_open_from_source(s, ZIP_RDONLY, &err);
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
      zip_stat_t st;
      zip_stat_index(za, i, 0, &st);
      zip_file_t* f = zip_fopen_index(za, i, ZIP_FL_COMPRESSED);
      std::string d(st.comp_size, '\0');
      zip_fread(f, d.data(), d.size());
      zip_fclose(f);
      m[st.name] = d;
    }
    zip_close(za);
    return m;
  };
  auto a = rawEntries(tpl), b = rawEntries(out);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    if (name == "word/document.xml") {
      EXPECT_NE(b[name], bytes);
    } else {
      EXPECT_EQ(b[name], bytes) << name;
    }
  }
}

TEST(DocxRender, CompiledOnceRenderedMany) {
  Template t = Template::compile(makeDocx(para("{n}")));
  for (int i = 0; i < 50; ++i) {
    auto ps = docxParagraphs(readPart(t.render(data("{\"n\":" + std::to_string(i) + "}")), "word/document.xml"));
    ASSERT_EQ(join(ps), std::to_string(i));
  }
}
