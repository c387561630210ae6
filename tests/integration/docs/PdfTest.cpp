// Integration: rendered DOCX/ODT are valid zips (checked with `unzip -t`) and
// LibreOffice converts them to PDF. Needs LibreOffice (scripts/packages/docs.txt).
#include "../../unit/docs/DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Pdf.hpp"
#include "docs/Template.hpp"

#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

const char* kData = R"({"naam":"An & Co","adres":"Straat 1\n9000 Gent","datum":"2026-11-22","bedrag":211250,
  "leden":[{"naam":"A","bedrag":100},{"naam":"B","bedrag":2500}]})";

std::string docxTemplate() {
  auto cell = [](const std::string& t) { return "<w:tc>" + para(t) + "</w:tc>"; };
  return makeDocx(para("Beste {naam},") + para("{adres}") + para("Gent, {datum | datum_lang}") +
                  "<w:tbl><w:tr>" + cell("{#leden}{naam}") + cell("{bedrag | euro}{/leden}") +
                  "</w:tr></w:tbl>" + para("Totaal {bedrag | euro}"));
}

std::string odtTemplate() {
  return makeOdt(
      "<text:p>Beste {naam},</text:p><text:p>{adres}</text:p><text:p>{#leden}</text:p>"
      "<text:p>{naam}: {bedrag | euro}</text:p><text:p>{/leden}</text:p>");
}

void unzipTest(const std::string& bytes, const std::string& ext) {
  Poco::TemporaryFile tmp;
  std::string path = tmp.path() + "." + ext;
  Poco::TemporaryFile::registerForDeletion(path);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string cmd = "unzip -tq '" + path + "' > /dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "unzip -t failed for " << ext;
}

}  // namespace

TEST(DocsPdf, RenderedDocxAndOdtAreValidZipsAndConvertToPdf) {
  ASSERT_FALSE(findLibreOffice().empty()) << "LibreOffice is required for this integration test";
  RenderOptions o;
  o.properties = {{"igsgov.as_of", "2026-11-22"}};
  for (auto [bytes, ext] : {std::pair{docxTemplate(), std::string("docx")}, std::pair{odtTemplate(), std::string("odt")}}) {
    Template t = Template::compile(bytes);
    std::string doc = t.render(parseJson(kData), o);
    unzipTest(doc, ext);
    std::string pdf = convertToPdf(doc, ext);
    ASSERT_GT(pdf.size(), 500u) << ext;
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-") << ext;
  }
}

TEST(DocsPdf, MissingLibreOfficeIsAClearDutchError) {
  PdfOptions o;
  o.executable = "/nonexistent/soffice";
  try {
    convertToPdf("x", "docx", o);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::unsupported);
    EXPECT_NE(e.message().find("LibreOffice is niet"), std::string::npos);
  }
  EXPECT_THROW(convertToPdf("x", "pdf"), Error);
}
