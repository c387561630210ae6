// The shipped templates: the table in Templates.cpp agrees with templates/src,
// every shipped file compiles without a single issue, names resolve, and the
// file names of generated documents are predictable and safe.
#include "docs/Template.hpp"
#include "documents/FileNames.hpp"
#include "documents/Templates.hpp"
#include "core/Error.hpp"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace igsgov;
using namespace igsgov::documents;

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST(ShippedTemplates, TableMatchesSources) {
  std::set<std::string> fromSources;
  for (Poco::DirectoryIterator it(std::string(IGSGOV_SOURCE_DIR) + "/templates/src"), end; it != end; ++it) {
    if (it.path().getExtension() != "xml") continue;
    std::string text = slurp(it.path().toString());
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, std::regex("<template name=\"([a-z]+)\" kind=\"([a-z]+)\""))) << it.name();
    std::smatch members;  // the member kinds a "lid" template is written for
    std::regex_search(text, members, std::regex("members=\"([a-z ]*)\""));
    fromSources.insert(m[1].str() + ":" + m[2].str() + ":" + (members.empty() ? "" : members[1].str()));
  }
  std::set<std::string> fromTable;
  for (const auto& t : shippedTemplates()) {
    std::string kinds;
    for (const auto& k : t.memberKinds) kinds += (kinds.empty() ? "" : " ") + k;
    fromTable.insert(t.name + ":" + t.kind + ":" + kinds);
  }
  EXPECT_EQ(fromSources, fromTable);
}

TEST(ShippedTemplates, EveryFileIsEmbeddedAndCompilesCleanly) {
  int checked = 0;
  for (const auto& t : shippedTemplates()) {
    for (const char* ext : {"docx", "odt", "html", "md"}) {
      std::string name = t.name + "." + ext;
      auto embedded = shippedBytes(name);
      ASSERT_FALSE(embedded.empty()) << name;
      // The embedded bytes are the committed file.
      EXPECT_EQ(std::string(embedded), slurp(std::string(IGSGOV_SOURCE_DIR) + "/templates/" + name)) << name;
      auto result = docs::checkTemplate(std::string(embedded));
      EXPECT_TRUE(result.ok()) << name << ": " << (result.issues.empty() ? "" : result.issues.front().message);
      EXPECT_GT(result.tags.size(), 10u) << name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 24);
}

TEST(ShippedTemplates, DocxHasTheLetterParts) {
  auto docx = docs::Template::compile(std::string(shippedBytes("engagementsverklaring.docx")));
  auto parts = docx.templatedParts();
  std::set<std::string> set(parts.begin(), parts.end());
  EXPECT_TRUE(set.count("word/document.xml"));
  EXPECT_TRUE(set.count("word/header1.xml"));   // letterhead with the cooperation's name
  EXPECT_TRUE(set.count("word/footer1.xml"));   // reference and page numbers
  EXPECT_TRUE(set.count("docProps/core.xml"));  // title with the gemeente
}

TEST(ResolveTemplate, ShippedNamesAndFormats) {
  auto s = resolveTemplate("engagementsverklaring", OutputFormat::odt);
  EXPECT_TRUE(s.shipped);
  EXPECT_EQ(s.format, docs::Format::odt);
  EXPECT_EQ(s.kind, "lid");
  auto pdf = resolveTemplate("samenstelling", OutputFormat::pdf);
  EXPECT_EQ(pdf.format, docs::Format::docx);
  EXPECT_EQ(pdf.kind, "verband");
  try {
    resolveTemplate("brief", OutputFormat::docx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_NE(std::string(e.what()).find("onbekend sjabloon 'brief'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("engagementsverklaring"), std::string::npos);
  }
}

TEST(ResolveTemplate, CustomFileMustMatchTheFormat) {
  Poco::TemporaryFile tmp;
  std::string path = tmp.path() + ".html";
  { std::ofstream(path) << "<p>{verband.naam}</p>"; }
  auto s = resolveTemplate(path, OutputFormat::html);
  EXPECT_FALSE(s.shipped);
  EXPECT_EQ(s.kind, "");
  EXPECT_THROW(resolveTemplate(path, OutputFormat::docx), Error);
  EXPECT_THROW(resolveTemplate(path, OutputFormat::pdf), Error);
  Poco::File(path).remove();
  try {
    resolveTemplate(path, OutputFormat::html);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  }
}

TEST(FileNames, PredictableAndSafe) {
  EXPECT_EQ(slug("Wortegem-Petegem"), "wortegem-petegem");
  EXPECT_EQ(slug("Sint-Genesius-Rode / ../etc"), "sint-genesius-rode-etc");
  EXPECT_EQ(slug("Liège Écaussinnes"), "liege-ecaussinnes");
  EXPECT_EQ(slug("///"), "x");
  EXPECT_EQ(memberFileName("engagementsverklaring", "igs-cultuur-va", "45035", "Oudenaarde", "m1", "docx"),
            "engagementsverklaring_igs-cultuur-va_45035_oudenaarde.docx");
  EXPECT_EQ(memberFileName("intentieverklaring", "igs", "", "CAW", "igs-caw", "odt"), "intentieverklaring_igs_igs-caw.odt");
  EXPECT_EQ(cooperationFileName("samenstelling", "igs-cultuur-va", "2025-10-01", "html"),
            "samenstelling_igs-cultuur-va_2025-10-01.html");
}

TEST(OutputFormats, ParseAndReject) {
  EXPECT_EQ(parseOutputFormat("pdf", {}), OutputFormat::pdf);
  EXPECT_EQ(parseOutputFormat("md", {}), OutputFormat::md);
  EXPECT_THROW(parseOutputFormat("doc", {}), Error);
}
