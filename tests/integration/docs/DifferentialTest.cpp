// Differential test: the same DOCX templates and data rendered by our engine
// and by docxtemplater (npm, tests/integration/docs/node, run with node);
// the text of every paragraph and table cell must be equal.
// Set up once: (cd tests/integration/docs/node && npm ci)
#include "../../unit/docs/DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

struct Case {
  std::string name, body, data;
};

std::string cell(const std::string& t) { return "<w:tc>" + para(t) + "</w:tc>"; }

std::vector<Case> cases() {
  return {
      {"values", para("Beste {naam},") + para("{lid.adres.gemeente} ({lid.nis})") + para("{x}"),
       R"({"naam":"An","lid":{"adres":{"gemeente":"Gent"},"nis":44021},"x":"a < b & \"c\""})"},
      {"linebreaks", para("{adres}") + para("na"), R"({"adres":"Straat 1\n9000 Gent\nBelgi\u00eb"})"},
      {"split_runs",
       p("<w:r><w:t>Dag {</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>na</w:t></w:r>"
         "<w:bookmarkStart w:id=\"0\" w:name=\"b\"/><w:r><w:rPr><w:b/></w:rPr><w:t>am</w:t></w:r>"
         "<w:bookmarkEnd w:id=\"0\"/><w:proofErr w:type=\"spellEnd\"/><w:r><w:t>}!</w:t></w:r>") +
           p("<w:ins w:id=\"1\" w:author=\"x\"><w:r><w:t>{ge</w:t></w:r></w:ins>"
             "<w:del w:id=\"2\" w:author=\"x\"><w:r><w:delText>weg</w:delText></w:r></w:del>"
             "<w:r><w:t>meente}</w:t></w:r>"),
       R"({"naam":"Jan","gemeente":"Aalst"})"},
      {"inline_loop", para("Leden: {#leden}{.}, {/leden}einde"), R"({"leden":["A","B","C"]})"},
      {"paragraph_loop", para("Begin") + para("{#leden}") + para("- {naam}") + para("{/leden}") + para("Einde"),
       R"({"leden":[{"naam":"A"},{"naam":"B"},{"naam":"C"}]})"},
      {"paragraph_loop_empty", para("Begin") + para("{#leden}") + para("- {naam}") + para("{/leden}") + para("Einde"),
       R"({"leden":[]})"},
      {"table_rows",
       "<w:tbl><w:tr>" + cell("Naam") + cell("Bedrag") + "</w:tr><w:tr>" + cell("{#rijen}{naam}") +
           cell("{bedrag | euro}{/rijen}") + "</w:tr></w:tbl>" + para("na"),
       R"({"rijen":[{"naam":"A","bedrag":211250},{"naam":"B","bedrag":5},{"naam":"C","bedrag":-123456}]})"},
      {"nested",
       para("{#organen}") + para("{naam}: {#leden}{voornaam} ({naam}) {/leden}") + para("{/organen}"),
       R"({"organen":[{"naam":"RvB","leden":[{"voornaam":"A"},{"voornaam":"B"}]},{"naam":"AV","leden":[{"voornaam":"C"}]}]})"},
      {"nested_table_in_loop",
       para("{#organen}") + para("Orgaan {naam}") + "<w:tbl><w:tr>" + cell("{#leden}{voornaam}") +
           cell("{rol}{/leden}") + "</w:tr></w:tbl>" + para("{/organen}"),
       R"({"organen":[{"naam":"RvB","leden":[{"voornaam":"A","rol":"voorzitter"},{"voornaam":"B","rol":"lid"}]},{"naam":"AV","leden":[{"voornaam":"C","rol":"lid"}]}]})"},
      {"conditions",
       para("{#voorzitter}Voorzitter: {naam}{/voorzitter}") + para("{#actief}actief{/actief}") +
           para("{^actief}niet actief{/actief}") + para("{^leden}geen leden{/leden}") + para("{#leden}x{/leden}"),
       R"({"voorzitter":{"naam":"Els"},"actief":false,"leden":[]})"},
      {"conditions_true", para("{#voorzitter}Voorzitter: {naam}{/voorzitter}") + para("{#actief}actief{/actief}") +
                              para("{^actief}niet actief{/actief}") + para("{#leden}x{/leden}"),
       R"({"voorzitter":null,"actief":true,"leden":[1,2]})"},
      {"formatters",
       para("{datum | datum_lang}") + para("{datum | datum}") + para("{n | getal}") + para("{x | upper}") +
           para("{x | lower}") + para("{bedrag | euro}"),
       R"({"datum":"2026-11-22","n":85000,"x":"Een Straat","bedrag":211250})"},
  };
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(DocsDifferential, SameTextAsDocxtemplater) {
  const std::string nodeDir = std::string(IGSGOV_SOURCE_DIR) + "/tests/integration/docs/node";
  ASSERT_TRUE(Poco::File(nodeDir + "/node_modules/docxtemplater").exists())
      << "run `npm ci` in " << nodeDir << " first";
  Poco::TemporaryFile dir;
  dir.createDirectories();
  std::string jobs = "[";
  auto all = cases();
  std::vector<std::string> ours;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Case& c = all[i];
    std::string base = dir.path() + "/" + c.name;
    std::string tpl = makeDocx(c.body);
    writeFile(base + ".docx", tpl);
    writeFile(base + ".json", c.data);
    ours.push_back(Template::compile(tpl).render(parseJson(c.data)));
    jobs += std::string(i ? "," : "") + "{\"template\":\"" + base + ".docx\",\"data\":\"" + base +
            ".json\",\"out\":\"" + base + ".theirs.docx\"}";
  }
  jobs += "]";
  writeFile(dir.path() + "/jobs.json", jobs);
  std::string cmd = "node '" + nodeDir + "/render.js' '" + dir.path() + "/jobs.json'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string theirs = readFile(dir.path() + "/" + all[i].name + ".theirs.docx");
    std::string a = readPart(ours[i], "word/document.xml"), b = readPart(theirs, "word/document.xml");
    EXPECT_EQ(join(docxParagraphs(a), "\u00b6"), join(docxParagraphs(b), "\u00b6")) << all[i].name;
    auto ra = docxTableRows(a), rb = docxTableRows(b);
    ASSERT_EQ(ra.size(), rb.size()) << all[i].name;
    for (std::size_t k = 0; k < ra.size(); ++k) EXPECT_EQ(join(ra[k]), join(rb[k])) << all[i].name;
  }
}
