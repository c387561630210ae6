// Every shipped template's output for the sample register opens in
// LibreOffice: `soffice --headless --convert-to pdf` succeeds on each DOCX and
// ODT (docs::convertToPdf runs it in a private profile), and the PDF format of
// documents.generate writes real PDFs. Needs LibreOffice (scripts/packages/docs.txt).
#include "../../unit/documents/DocumentsFixture.hpp"

#include "docs/Pdf.hpp"

using namespace igsgov;
using namespace igsgov::testing;

TEST_F(DocumentsFixture, LibreOfficeConvertsEveryShippedTemplatesOutput) {
  ASSERT_FALSE(docs::findLibreOffice().empty()) << "LibreOffice is not installed (scripts/packages/docs.txt)";
  for (const char* fmt : {"docx", "odt"}) {
    for (const char* t : {"engagementsverklaring", "intentieverklaring"})
      generate(std::string("\"template\":\"") + t + "\",\"cooperation\":\"igs-cultuur-va\",\"member\":\"45035\",\"format\":\"" + fmt + "\"");
    for (const char* t : {"samenstelling", "statuten", "auditrapport"})
      generate(std::string("\"template\":\"") + t + "\",\"cooperation\":\"igs-cultuur-va\",\"format\":\"" + fmt + "\"");
  }
  auto files = filesIn(out_);
  ASSERT_EQ(files.size(), 10u);
  for (const auto& name : files) {
    std::string ext = name.substr(name.rfind('.') + 1);
    std::string pdf;
    ASSERT_NO_THROW(pdf = docs::convertToPdf(slurp(out_ + "/" + name), ext)) << name;
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u) << name;
    EXPECT_GT(pdf.size(), 5000u) << name;
  }
}

TEST_F(DocumentsFixture, GenerateWritesPdf) {
  ASSERT_FALSE(docs::findLibreOffice().empty());
  auto out = generate(R"("template":"samenstelling","cooperation":"igs-cultuur-va","format":"pdf","as_of":"2025-10-01")");
  std::string path = out->getArray("documents")->getObject(0)->getValue<std::string>("path");
  EXPECT_EQ(path, out_ + "/samenstelling_igs-cultuur-va_2025-10-01.pdf");
  EXPECT_EQ(slurp(path).rfind("%PDF-", 0), 0u);
  EXPECT_EQ(registered(), 1);
}
