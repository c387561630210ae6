// Comparing PDF versions through the operations with the real pdftotext
// (poppler-utils, scripts/packages/governance.txt). Integration: needs the
// external program; fails with a clear message when it is not installed.
#include "../../unit/governance/GovFixture.hpp"

#include "core/Base64.hpp"
#include "governance/FileStore.hpp"
#include "governance/TextExtract.hpp"

using namespace igsgov;
using namespace igsgov::testing;

namespace {

// A minimal PDF with one page per content stream (Helvetica), with a correct xref table.
std::string pdfOfPages(const std::vector<std::string>& contents) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (const auto& content : contents) {
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                   std::to_string(objs.size()) + " 0 R >>");
    kids += std::to_string(objs.size()) + " 0 R ";
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>";
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return out;
}

// One page, one line per paragraph, 60pt apart so pdftotext sees separate blocks.
std::string pdfOf(const std::vector<std::string>& paragraphs) {
  std::string content = "BT /F1 12 Tf\n";
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    content += "1 0 0 1 72 " + std::to_string(720 - 60 * static_cast<int>(i)) + " Tm (" + paragraphs[i] + ") Tj\n";
  return pdfOfPages({content + "ET\n"});
}

}  // namespace

TEST_F(GovFixture, ComparesPdfVersionsWithPdftotext) {
  ASSERT_FALSE(governance::findPdfToText().empty()) << "pdftotext ontbreekt: apt-get install poppler-utils";
  smallCooperation();
  run("document.create", R"({"id": "a-statuten", "cooperation": "igs-a", "kind": "statuten"})");
  auto add = [&](const std::string& id, const std::string& bytes) {
    auto in = parseJsonObject("{\"id\": \"" + id + "\", \"document\": \"a-statuten\", \"label\": \"" + id + "\"}");
    in->set("content_base64", igsgov::base64Encode(bytes));
    return run("document.add-version", in);
  };
  EXPECT_EQ(add("v1", pdfOf({"Artikel 1. Naam.", "Artikel 2. Zetel: Oudenaarde.", "Artikel 3. Duur."}))
                ->getObject("file")->getValue<std::string>("media_type"),
            "application/pdf");
  add("v2", pdfOf({"Artikel 1. Naam.", "Artikel 2. Zetel: Ronse.", "Artikel 3. Duur.", "Artikel 4. Nieuw."}));
  auto out = run("document.compare", R"({"from": "v1", "to": "v2"})");
  EXPECT_EQ(out->getValue<int>("changed"), 1) << out->getValue<std::string>("text");
  EXPECT_EQ(out->getValue<int>("added"), 1);
  EXPECT_EQ(out->getValue<int>("unchanged"), 2);
  EXPECT_NE(out->getValue<std::string>("text").find("+ [2] Artikel 2. Zetel: Ronse."), std::string::npos);
  // A PDF compared with a DOCX version of the same text: identical paragraphs.
  add("v3", docxOf({"Artikel 1. Naam.", "Artikel 2. Zetel: Ronse.", "Artikel 3. Duur.", "Artikel 4. Nieuw."}));
  EXPECT_TRUE(run("document.compare", R"({"from": "v2", "to": "v3"})")->getValue<bool>("identical"));
}

TEST_F(GovFixture, ABrokenPdfIsReportedNotCrashed) {
  ASSERT_FALSE(governance::findPdfToText().empty()) << "pdftotext ontbreekt: apt-get install poppler-utils";
  try {
    governance::extractParagraphs("%PDF-1.4\nkapot", governance::FileKind::pdf, "kapot.pdf");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(e.place().fields.at("file"), "kapot.pdf");
  }
}

TEST_F(GovFixture, APdfWithTextOverTheCapIsRefusedNamingTheLimit) {
  // 60 pages of 50 lines of ~480 characters in a 1 pt font: ~1.2 MB of text.
  ASSERT_FALSE(governance::findPdfToText().empty()) << "pdftotext ontbreekt: apt-get install poppler-utils";
  std::vector<std::string> pages;
  for (int p = 0; p < 60; ++p) {
    std::string content = "BT /F1 1 Tf 20 780 Td 14 TL\n";
    for (int l = 0; l < 50; ++l) {
      std::string words;
      for (int w = 0; w < 60; ++w) words += "w" + std::to_string(l) + "p" + std::to_string(p) + " ";
      content += "(" + words + ") '\n";
    }
    pages.push_back(content + "ET\n");
  }
  try {
    governance::extractParagraphs(pdfOfPages(pages), governance::FileKind::pdf, "groot.pdf");
    FAIL() << "the text is over the cap";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(e.place().fields.at("file"), "groot.pdf");
    EXPECT_EQ(e.place().fields.at("limit").rfind("tekst per document", 0), 0u) << e.fullText();
  }
}
