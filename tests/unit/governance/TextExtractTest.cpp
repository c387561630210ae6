// Media type detection and paragraph extraction from DOCX, ODT (and the PDF
// error when pdftotext is missing).
#include "governance/FileStore.hpp"
#include "governance/TextExtract.hpp"
#include "GovFixture.hpp"

#include <Poco/Environment.h>

#include <functional>

using namespace igsgov;
using namespace igsgov::governance;
using igsgov::testing::docxOf;
using igsgov::testing::odtOf;
using igsgov::testing::zipOf;

TEST(DetectFileKind, ByContentNotByName) {
  EXPECT_EQ(detectFileKind(docxOf({"a"}), "x.pdf"), FileKind::docx);
  EXPECT_EQ(detectFileKind(odtOf({"a"}), "x.docx"), FileKind::odt);
  EXPECT_EQ(detectFileKind("%PDF-1.4\n...", "x.odt"), FileKind::pdf);
}

TEST(DetectFileKind, RefusesOtherFilesNamingThem) {
  try {
    detectFileKind("Hallo, gewone tekst", "statuten.docx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(e.place().fields.at("file"), "statuten.docx");
  }
  EXPECT_THROW(detectFileKind(zipOf({{"a.txt", "x"}}), "a.zip"), Error);
  EXPECT_THROW(detectFileKind(zipOf({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}), "a.ods"), Error);
  EXPECT_THROW(detectFileKind(std::string("PK\3\4garbage-not-a-zip"), "kapot.docx"), Error);
}

TEST(ExtractParagraphs, DocxJoinsRunsAndSkipsEmptyParagraphs) {
  auto bytes = docxOf({"Artikel 1. De vereniging heet IGS A.", "", "Artikel 2 – zetel: Oudenaarde & omgeving"});
  auto ps = extractParagraphs(bytes, FileKind::docx, "t.docx");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0], "Artikel 1. De vereniging heet IGS A.");
  EXPECT_EQ(ps[1], "Artikel 2 – zetel: Oudenaarde & omgeving");
}

TEST(ExtractParagraphs, DocxTabsBreaksAndNestedTextBoxes) {
  std::string xml =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
      "<w:r><w:txbxContent><w:p><w:r><w:t>kader</w:t></w:r></w:p></w:txbxContent></w:r>"
      "<w:r><w:t>d</w:t></w:r></w:p>"
      "<w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>";
  auto ps = paragraphsOfXml(xml, FileKind::docx, "word/document.xml");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0], "kader");
  EXPECT_EQ(ps[1], "a b cd");  // runs join without a space; the text box is its own paragraph
}

TEST(ExtractParagraphs, OdtHeadingsParagraphsSpansAndSpaces) {
  auto ps = extractParagraphs(odtOf({"Statuten", "Artikel 1 <A>", "Artikel 2"}), FileKind::odt, "t.odt");
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0], "Statuten");
  EXPECT_EQ(ps[1], "Artikel 1 <A>");
  std::string xml =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
      "<text:p>een<text:s text:c=\"3\"/>twee<text:tab/>drie<text:line-break/>vier</text:p>"
      "<office:annotation><text:p>commentaar</text:p></office:annotation>"
      "</office:text></office:body></office:document-content>";
  auto qs = paragraphsOfXml(xml, FileKind::odt, "content.xml");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0], "een twee drie vier");
}

TEST(ExtractParagraphs, RefusesDoctypeAndEntities) {
  std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;"
      "</w:t></w:r></w:p></w:body></w:document>";
  auto docx = zipOf({{"word/document.xml", bomb}});
  try {
    extractParagraphs(docx, FileKind::docx, "bom.docx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(std::string(e.what()).find("DOCTYPE"), std::string::npos) << e.what();
    EXPECT_EQ(e.place().fields.at("file"), "bom.docx");
    EXPECT_EQ(e.place().fields.at("part"), "word/document.xml");
  }
  // Also when the pre-check is bypassed (lower-level entry point with a lowercase-free variant).
  std::string sneaky = "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>";
  EXPECT_THROW(paragraphsOfXml(sneaky, FileKind::docx, "p"), Error);
}

TEST(ExtractParagraphs, MalformedXmlNamesLineAndColumn) {
  std::string xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n<w:body>\n<w:p></w:r>";
  try {
    paragraphsOfXml(xml, FileKind::docx, "word/document.xml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("line"), "3");
    EXPECT_TRUE(e.place().fields.count("column"));
  }
}

TEST(ExtractParagraphs, MissingPartIsNamed) {
  try {
    extractParagraphs(zipOf({{"mimetype", "application/vnd.oasis.opendocument.text"}}), FileKind::odt, "leeg.odt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("part"), "content.xml");
  }
}

TEST(ExtractParagraphs, PdfWithoutPdftotextSaysWhatToInstall) {
  Poco::Environment::set("IGSGOV_PDFTOTEXT", "/nonexistent/pdftotext");
  try {
    extractParagraphs("%PDF-1.4\n", FileKind::pdf, "statuten.pdf");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::unsupported);
    EXPECT_NE(std::string(e.what()).find("poppler-utils"), std::string::npos);
  }
  Poco::Environment::set("IGSGOV_PDFTOTEXT", "");
  EXPECT_EQ(findPdfToText(), "");
}

// What one document may cost is capped (issue 13): a tiny zip that inflates to
// a huge text is refused while streaming, with the limit named.
namespace {
void expectLimit(const std::function<void()>& fn, const std::string& limitStart) {
  try {
    fn();
    FAIL() << "expected a refusal at the limit " << limitStart;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    ASSERT_TRUE(e.place().fields.count("limit")) << e.fullText();
    EXPECT_EQ(e.place().fields.at("limit").rfind(limitStart, 0), 0u) << e.fullText();
  }
}
}  // namespace

TEST(ExtractParagraphs, TextOverTheCapIsRefusedNamingTheLimit) {
  std::string huge(kMaxTextBytes + 1, 'a');
  auto bytes = docxOf({"Artikel 1.", huge});
  EXPECT_LT(bytes.size(), 64u * 1024) << "a small upload";
  expectLimit([&] { extractParagraphs(bytes, FileKind::docx, "groot.docx"); }, "tekst per document");
  try {
    extractParagraphs(bytes, FileKind::docx, "groot.docx");
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("file"), "groot.docx");
    EXPECT_NE(std::string(e.message()).find("tekst per document"), std::string::npos) << e.message();
  }
  // White space counts too: it is held before it is collapsed.
  expectLimit([&] { extractParagraphs(docxOf({std::string(kMaxTextBytes + 1, ' ')}), FileKind::docx, "leeg.docx"); },
              "tekst per document");
  // Just under the cap passes.
  auto ps = extractParagraphs(docxOf({std::string(kMaxTextBytes - 100, 'b')}), FileKind::docx, "net.docx");
  ASSERT_EQ(ps.size(), 1u);
}

TEST(ExtractParagraphs, TooManyOrTooDeeplyNestedParagraphsAreRefused) {
  std::vector<std::string> many(kMaxParagraphs + 1, "x");
  expectLimit([&] { extractParagraphs(docxOf(many), FileKind::docx, "veel.docx"); }, "paragrafen per document");
  std::string nested;
  for (int i = 0; i <= kMaxNesting; ++i) nested += "<w:p>";
  for (int i = 0; i <= kMaxNesting; ++i) nested += "</w:p>";
  expectLimit(
      [&] {
        paragraphsOfXml("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" + nested +
                            "</w:document>",
                        FileKind::docx, "word/document.xml");
      },
      "nesting van paragrafen");
}
