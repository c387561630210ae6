// PDF in batches with the real LibreOffice (scripts/packages/docs.txt):
//   - documents.generate makes the engagementsverklaring of every member as
//     PDF in one batch, and pdftotext (poppler-utils) reads back in each the
//     member's own gemeente and kenmerk, and no other member's kenmerk;
//   - a batch of DOCX and ODT documents, split over the processes, comes back
//     in input order (each PDF reads back as its own text);
//   - a document LibreOffice cannot open is named, nothing else is returned;
//   - a LibreOffice that stops making progress (its soffice.bin frozen with
//     SIGSTOP) is timed out: the whole process group is killed;
// and after each of them no process names the batch's folder and the folder
// (profiles, inputs, outputs) is gone.
#include "../../unit/documents/DocumentsFixture.hpp"
#include "../../unit/pdf/PdfTestSupport.hpp"

#include "docs/Pdf.hpp"
#include "governance/TextExtract.hpp"

#include <signal.h>

#include <future>
#include <map>

using namespace igsgov;
using namespace igsgov::testing;
using docs::test::makeDocx;
using docs::test::makeOdt;
using docs::test::para;

namespace {

std::string pdfText(const std::string& pdf, const std::string& name) {
  std::string all;
  for (const auto& p : governance::extractParagraphs(pdf, governance::FileKind::pdf, name)) all += p + "\n";
  return all;
}

// NIS code -> name, from the reference data the register uses.
std::map<std::string, std::string> gemeenteNames() {
  std::map<std::string, std::string> names;
  std::istringstream in(DocumentsFixture::slurp(std::string(IGSGOV_SOURCE_DIR) + "/config/refdata/gemeenten.csv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::size_t c1 = line.find(','), c2 = line.find(',', c1 + 1);
    names[line.substr(0, c1)] = line.substr(c1 + 1, c2 - c1 - 1);
  }
  return names;
}

void expectCleanedUp(const PrivateTmp& tmp) {
  EXPECT_TRUE(gone(processesMentioning(tmp.path()))) << "a LibreOffice process of the batch is still running";
  EXPECT_TRUE(tmp.entries().empty()) << "the batch's temporary folder (profiles, files) was left behind";
}

}  // namespace

TEST_F(DocumentsFixture, PdfBatchOfAllMembersReadsBackWithEachMembersOwnText) {
  ASSERT_FALSE(docs::findLibreOffice().empty()) << "LibreOffice is required (scripts/packages/docs.txt)";
  ASSERT_FALSE(governance::findPdfToText().empty()) << "pdftotext is required (poppler-utils)";
  PrivateTmp tmp;
  auto out = generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","all_members":true,
                         "format":"pdf","as_of":"2025-10-01")");
  auto docs = out->getArray("documents");
  ASSERT_EQ(docs->size(), 8u);
  EXPECT_EQ(registered(), 8);
  auto names = gemeenteNames();
  std::vector<std::string> kenmerken;
  for (std::size_t i = 0; i < docs->size(); ++i) {
    std::string member = docs->getObject(static_cast<unsigned>(i))->getValue<std::string>("member");
    kenmerken.push_back("IGS-CULTUUR-VA/ENG/2025/" + member.substr(member.rfind('-') + 1));
  }
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    std::string path = d->getValue<std::string>("path");
    std::string member = d->getValue<std::string>("member");
    std::string nis = member.substr(member.rfind('-') + 1);
    std::string text = pdfText(slurp(path), path);
    EXPECT_NE(text.find("Engagementsverklaring"), std::string::npos) << path << "\n" << text;
    EXPECT_NE(text.find(names.at(nis)), std::string::npos) << path << " lacks " << names.at(nis) << "\n" << text;
    for (std::size_t k = 0; k < kenmerken.size(); ++k)
      EXPECT_EQ(text.find(kenmerken[k]) != std::string::npos, k == i) << path << " and " << kenmerken[k] << "\n" << text;
  }
  expectCleanedUp(tmp);
}

TEST(PdfLibreOffice, ABatchSplitOverTheProcessesComesBackInInputOrder) {
  ASSERT_FALSE(docs::findLibreOffice().empty());
  PrivateTmp tmp;
  std::vector<docs::PdfInput> in;
  for (int i = 0; i < 5; ++i) {
    std::string text = "Dit is document nummer " + std::to_string(i) + " van de reeks";
    if (i % 2)
      in.push_back({makeOdt("<text:p>" + text + "</text:p>"), "odt", "d" + std::to_string(i) + ".pdf"});
    else
      in.push_back({makeDocx(para(text)), "docx", "d" + std::to_string(i) + ".pdf"});
  }
  docs::PdfOptions o;
  o.processes = 2;
  auto pdfs = docs::convertBatchToPdf(in, o);
  ASSERT_EQ(pdfs.size(), in.size());
  for (std::size_t i = 0; i < pdfs.size(); ++i) {
    std::string text = pdfText(pdfs[i], in[i].label);
    EXPECT_NE(text.find("document nummer " + std::to_string(i) + " van"), std::string::npos) << i << ": " << text;
  }
  expectCleanedUp(tmp);
}

// Two batches at the same time (two igsgov processes, or a CLI next to the
// daemon): with a shared LibreOffice profile the second soffice would hand its
// documents to the first one's instance and exit; with a private profile per
// run both convert their own documents.
TEST(PdfLibreOffice, TwoConcurrentBatchesEachConvertTheirOwnDocuments) {
  ASSERT_FALSE(docs::findLibreOffice().empty());
  PrivateTmp tmp;
  auto batch = [](const std::string& name) {
    std::vector<docs::PdfInput> in;
    for (int i = 0; i < 3; ++i)
      in.push_back({makeDocx(para("Reeks " + name + " document " + std::to_string(i))), "docx", name + std::to_string(i) + ".pdf"});
    docs::PdfOptions o;
    o.processes = 1;
    return docs::convertBatchToPdf(in, o);
  };
  auto first = std::async(std::launch::async, batch, "alfa");
  auto second = std::async(std::launch::async, batch, "beta");
  auto a = first.get(), b = second.get();
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    std::string ta = pdfText(a[i], "alfa"), tb = pdfText(b[i], "beta");
    EXPECT_NE(ta.find("Reeks alfa document " + std::to_string(i)), std::string::npos) << ta;
    EXPECT_NE(tb.find("Reeks beta document " + std::to_string(i)), std::string::npos) << tb;
  }
  expectCleanedUp(tmp);
}

TEST(PdfLibreOffice, ADocumentLibreOfficeCannotOpenIsNamed) {
  ASSERT_FALSE(docs::findLibreOffice().empty());
  PrivateTmp tmp;
  std::string good = makeDocx(para("Een goed document"));
  std::vector<docs::PdfInput> in = {{good, "docx", "goed-1.pdf"},
                                    {good.substr(0, good.size() / 2), "docx", "afgebroken.pdf"},
                                    {good, "docx", "goed-2.pdf"}};
  docs::PdfOptions o;
  o.processes = 1;
  try {
    docs::convertBatchToPdf(in, o);
    FAIL() << "a truncated DOCX was converted";
  } catch (const docs::PdfBatchError& e) {
    ASSERT_EQ(e.failures().size(), 1u) << e.what();
    EXPECT_EQ(e.failures()[0].label, "afgebroken.pdf");
    EXPECT_NE(e.failures()[0].reason.find("kon het document niet openen"), std::string::npos) << e.what();
    EXPECT_EQ(e.notConverted(), 0u);
  }
  expectCleanedUp(tmp);
}

TEST(PdfLibreOffice, AFrozenLibreOfficeIsTimedOutAndItsWholeProcessGroupKilled) {
  ASSERT_FALSE(docs::findLibreOffice().empty());
  PrivateTmp tmp;
  std::vector<docs::PdfInput> in;
  for (int i = 0; i < 40; ++i) in.push_back({makeDocx(para("Document " + std::to_string(i))), "docx", "d" + std::to_string(i) + ".pdf"});
  docs::PdfOptions o;
  o.processes = 1;
  o.timeoutSeconds = 20;  // generous: a loaded machine must not time out before the freeze
  auto result = std::async(std::launch::async, [&] { return docs::convertBatchToPdf(in, o); });
  // Freeze soffice.bin (found by the batch's private folder in its command line).
  int frozen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!frozen && std::chrono::steady_clock::now() < deadline &&
         result.wait_for(std::chrono::milliseconds(20)) == std::future_status::timeout) {
    for (int pid : processesMentioning(tmp.path()))
      if (readAll("/proc/" + std::to_string(pid) + "/comm").rfind("soffice.bin", 0) == 0 && ::kill(pid, SIGSTOP) == 0)
        frozen = pid;
  }
  ASSERT_NE(frozen, 0) << "soffice.bin was not seen running (the batch ended first?)";
  try {
    result.get();
    FAIL() << "a frozen LibreOffice was not timed out";
  } catch (const docs::PdfBatchError& e) {
    ASSERT_EQ(e.failures().size(), 1u) << e.what();
    EXPECT_NE(e.failures()[0].reason.find("langer dan 20 seconden"), std::string::npos) << e.what();
    EXPECT_EQ(e.failures().size() + e.notConverted() <= in.size(), true);
  }
  EXPECT_TRUE(gone({frozen})) << "the frozen soffice.bin survived";
  expectCleanedUp(tmp);
}
