// What a secretariat would not send (issue 14), checked on the PDF that
// LibreOffice makes of every shipped template's output, with realistic data
// (the sample plus a partner) and extreme data (tests/fixtures/documents/
// extreme.json: a long name and no KBO number, 30 gemeenten, an OCMW, a vzw
// partner, 33 mandates, statuten approved by 31 councils). The text of each
// page comes from pdftotext (poppler-utils). Needs LibreOffice.
#include "../../unit/documents/DocumentsFixture.hpp"

#include "docs/Pdf.hpp"

#include <regex>

using namespace igsgov;
using namespace igsgov::testing;

namespace {

class RenderQuality : public DocumentsFixture {
protected:
  void SetUp() override {
    DocumentsFixture::SetUp();
    ASSERT_FALSE(docs::findLibreOffice().empty()) << "LibreOffice is not installed (scripts/packages/docs.txt)";
    run("member.add", R"({"id": "dr-vzw", "cooperation": "igs-cultuur-va", "kind": "partner", "name": "De Ronde vzw",
         "partner_kind": "privaat_zonder_winstoogmerk", "from": "2021-01-01"})");
    run("register.import", R"({"path": ")" + std::string(IGSGOV_SOURCE_DIR) + R"(/tests/fixtures/documents/extreme.json"})");
    run("contribution.compute", R"({"key": "x-werking", "year": 2025})");
  }

  // Converts every file with extension `ext` in out_ to PDF (one LibreOffice run);
  // returns file name → the text of each page.
  std::map<std::string, std::vector<std::string>> pdfPages(const std::string& ext) {
    std::string pdfDir = dir_ + "/pdf-" + ext;
    Poco::File(pdfDir).createDirectories();
    std::string files;
    for (const auto& name : filesIn(out_))
      if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) files += " '" + out_ + "/" + name + "'";
    std::string cmd = "'" + docs::findLibreOffice() + "' -env:UserInstallation=file://" + dir_ +
                      "/lo-profile --headless --convert-to pdf --outdir '" + pdfDir + "'" + files + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& name : filesIn(pdfDir)) {
      std::string pdf = pdfDir + "/" + name, txt = pdf + ".txt";
      std::string totext = "pdftotext -enc UTF-8 '" + pdf + "' '" + txt + "'";
      EXPECT_EQ(std::system(totext.c_str()), 0) << totext;
      std::string all = slurp(txt);
      std::vector<std::string> pages;
      std::size_t start = 0;
      for (std::size_t ff; (ff = all.find('\f', start)) != std::string::npos; start = ff + 1)
        pages.push_back(all.substr(start, ff - start));
      out[name] = pages;
    }
    return out;
  }

  void generateAll(const std::string& format) {
    const std::string common = "\"format\":\"" + format + "\",\"as_of\":\"2025-10-01\",";
    for (const char* coop : {"igs-cultuur-va", "igs-extreem"})
      for (const char* t : {"samenstelling", "statuten", "auditrapport", "oprichting"})
        generate(common + "\"template\":\"" + t + "\",\"cooperation\":\"" + coop + "\"");
    for (const char* m : {"45035", "dr-vzw"})
      generate(common + R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":")" + m + "\"");
    for (const char* m : {"x-vzw", "x-ocmw", "41011"})
      generate(common + R"("template":"engagementsverklaring","cooperation":"igs-extreem","member":")" + m + "\"");
    generate(common + R"("template":"intentieverklaring","cooperation":"igs-cultuur-va","member":"45035","contributions":{"45035":"12.500,00"})");
    generate(common + R"("template":"intentieverklaring","cooperation":"igs-extreem","member":"41011")");
  }

  static std::string joined(const std::vector<std::string>& pages) {
    std::string all;
    for (const auto& p : pages) all += p + "\n";
    for (auto& c : all)
      if (c == '\n') c = ' ';
    return all;
  }
  static bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

  // Text of the document that the signatures close, by template: a table row's date, the
  // decision, the last article, a finding's severity.
  static std::regex signedText(const std::string& fileName) {
    if (fileName.rfind("engagementsverklaring", 0) == 0) return std::regex("neemt kennis");
    if (fileName.rfind("intentieverklaring", 0) == 0) return std::regex("Artikel 3");
    if (fileName.rfind("auditrapport", 0) == 0) return std::regex(R"(\b(fout|waarschuwing|info)\b)");
    // The letter's last sentence (failed before: the signatures came after the evidence of
    // step 11 and could stand alone on the last page).
    if (fileName.rfind("oprichting", 0) == 0) return std::regex("Wij vragen u|Alle stappen|geldt geen stappenplan");
    return std::regex(R"(\d{2}/\d{2}/\d{4})");  // samenstelling, statuten: a row of the table
  }
};

}  // namespace

TEST_F(RenderQuality, ShippedDocxTemplatesAsPdf) {
  generateAll("docx");
  auto pdfs = pdfPages("docx");
  ASSERT_EQ(pdfs.size(), 15u);
  const std::regex iso(R"(\b\d{4}-\d{2}-\d{2}\b)");
  for (const auto& [name, pages] : pdfs) {
    ASSERT_FALSE(pages.empty()) << name;
    std::string text = joined(pages);
    // Dates in Dutch: never ISO in a sentence or a table (failed on main: the Besluit column, the statuten table).
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, iso)) << name << ": " << m.str();
    // No English words, no placeholder text, no dangling "ondernemingsnummer".
    for (const char* wrong : {"opgegeven bij", "true", "false", "null", "{", "}"})
      EXPECT_FALSE(has(text, wrong)) << name << ": " << wrong;
    if (name.find("igs-extreem") != std::string::npos) {
      EXPECT_FALSE(has(text, "ondernemingsnummer")) << name;
    }
    // The signature block on the same page as the text before it (failed on main: samenstelling, statuten).
    std::size_t sigPage = pages.size();
    for (std::size_t i = 0; i < pages.size(); ++i)
      if (has(pages[i], "..............................")) sigPage = i;
    ASSERT_LT(sigPage, pages.size()) << name;
    bool closing = has(pages[sigPage], "Voor eensluidend") || has(pages[sigPage], "Namens") ||
                   has(pages[sigPage], "Met vriendelijke groeten");
    EXPECT_TRUE(closing) << name << ": the signatures are alone on page " << sigPage + 1 << ":\n" << pages[sigPage];
    // ... and with some of what they sign, not the closing formula alone (failed before: the
    // sample's samenstelling had "Voor eensluidend overzicht," and the signatures alone on page 2).
    EXPECT_TRUE(std::regex_search(pages[sigPage], signedText(name)))
        << name << ": page " << sigPage + 1 << " holds only the closing and the signatures:\n" << pages[sigPage];
  }
  // The board table: no word broken inside (failed on main: "meerderhei|d", "01/09/202|5").
  std::string board = joined(pdfs.at("samenstelling_igs-extreem_2025-10-01.pdf"));
  std::size_t dates = 0;
  for (std::size_t at = 0; (at = board.find("01/09/2025", at)) != std::string::npos; ++at) ++dates;
  EXPECT_EQ(dates, 33u) << board;
  for (const char* word : {"meerderheid", "onafhankelijk", "oppositie", "raadgevend", "ondervoorzitter", "28/08/2025"})
    EXPECT_TRUE(std::regex_search(board, std::regex(std::string("(^|[ ,(])") + word + "($|[ ,)])"))) << word << "\n" << board;
  std::string sample = joined(pdfs.at("samenstelling_igs-cultuur-va_2025-10-01.pdf"));
  EXPECT_TRUE(has(sample, "01/02/2025")) << sample;
  EXPECT_TRUE(has(joined(pdfs.at("statuten_igs-cultuur-va_2025-10-01.pdf")), "statutenwijziging:"));
  // A partner's letter addresses its own board and has no inhabitants line.
  std::string partner = joined(pdfs.at("engagementsverklaring_igs-cultuur-va_dr-vzw.pdf"));
  EXPECT_TRUE(has(partner, "Aan de raad van bestuur van De Ronde vzw")) << partner;
  for (const char* wrong : {"college van burgemeester", "inwoners", "burgemeester"}) EXPECT_FALSE(has(partner, wrong)) << wrong;
  std::string vzw = joined(pdfs.at("engagementsverklaring_igs-extreem_x-vzw.pdf"));
  EXPECT_TRUE(has(vzw, "bedraagt de bijdrage van Vereniging voor Cultuurparticipatie")) << vzw;
  EXPECT_TRUE(has(vzw, "€ 2.500,00")) << vzw;
}

// The "stand van de oprichting" letter as ODT: the signature row is not split
// over two pages (failed before: the sample's letter had the dotted lines alone
// at the top of page 2), and the signatures come with the letter's last
// sentence, before the annex with the evidence per step.
TEST_F(RenderQuality, TheOprichtingLetterAsOdtKeepsItsSignaturesWithTheLetter) {
  generate(R"("format":"odt","as_of":"2026-12-01","template":"oprichting","cooperation":"igs-cultuur-va")");
  auto pdfs = pdfPages("odt");
  ASSERT_EQ(pdfs.size(), 1u);
  const auto& pages = pdfs.begin()->second;
  std::size_t sigPage = pages.size();
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (has(pages[i], "..............................")) sigPage = i;
  ASSERT_LT(sigPage, pages.size());
  for (const char* with : {"Wij vragen u", "Met vriendelijke groeten", "Voor de stuurgroep", "Bijlage: bewijs per stap"})
    EXPECT_TRUE(has(pages[sigPage], with)) << with << " not on page " << sigPage + 1 << ":\n" << pages[sigPage];
}

// Failed on main: LibreOffice printed the HTML version with a blank first page
// (and without the letterhead's first line).
TEST_F(RenderQuality, HtmlVersionHasNoBlankFirstPage) {
  generateAll("html");
  auto pdfs = pdfPages("html");
  ASSERT_EQ(pdfs.size(), 15u);
  for (const auto& [name, pages] : pdfs) {
    ASSERT_FALSE(pages.empty()) << name;
    std::string first = pages.front();
    bool letterhead = has(first, "Cultuurregio Vlaamse Ardennen") || has(first, "Intergemeentelijke Vereniging voor Cultuur");
    EXPECT_TRUE(letterhead) << name << ": page 1 is\n" << first;
  }
}
