// Hostile templates: DTDs, entities, zip bombs, corrupt archives, odd names.
#include "DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <Poco/File.h>
#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

// The Error (not TemplateErrors necessarily) thrown by compile, or nullopt.
std::string compileError(const std::string& bytes, const CompileOptions& o = {}) {
  try {
    Template::compile(bytes, o);
  } catch (const TemplateErrors& e) {
    return e.issues().at(0).id + ": " + e.message();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    return e.fullText();
  }
  return "";
}

}  // namespace

TEST(Safety, DoctypeIsRejected) {
  std::string doc =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
      "<w:document xmlns:w=\"w\"><w:body>" + para("{x}&b;") + "</w:body></w:document>";
  std::string e = compileError(makeDocx("", {{"word/document.xml", doc}}));
  EXPECT_NE(e.find("malformed_xml"), std::string::npos) << e;
  EXPECT_NE(e.find("DOCTYPE"), std::string::npos) << e;
}

TEST(Safety, ExternalAndUndefinedEntitiesAreRejected) {
  std::string e = compileError(makeDocx(para("{x} &xxe;")));
  EXPECT_NE(e.find("malformed_xml"), std::string::npos) << e;
  EXPECT_NE(e.find("&xxe;"), std::string::npos) << e;
  // Predefined and numeric references are fine.
  Template t = Template::compile(makeDocx(para("{x} &amp; &#233; &#x41;")));
  auto ps = docxParagraphs(readPart(t.render(parseJson(R"({"x":"1"})")), "word/document.xml"));
  EXPECT_EQ(join(ps), "1 & \xC3\xA9 A");
}

TEST(Safety, ZipBombEntryOverTheDefaultCap) {
  // 65 MiB of zeros deflates to ~65 KB: over the default 64 MiB per-entry cap.
  std::string big(65u << 20, '\0');
  std::string bomb = makeDocx(para("x"), {{"word/media/bomb.bin", big}});
  big.clear();
  big.shrink_to_fit();
  EXPECT_LT(bomb.size(), 1u << 20);
  std::string e = compileError(bomb);
  EXPECT_NE(e.find("te groot"), std::string::npos) << e;
  EXPECT_NE(e.find("word/media/bomb.bin"), std::string::npos) << e;
}

TEST(Safety, TotalSizeCap) {
  std::string chunk(3u << 20, 'a');
  std::string z = makeDocx(para("x"), {{"a.bin", chunk}, {"b.bin", chunk}, {"c.bin", chunk}});
  CompileOptions o;
  o.limits.maxEntrySize = 4u << 20;
  o.limits.maxTotalSize = 8u << 20;
  std::string e = compileError(z, o);
  EXPECT_NE(e.find("uitgepakt te groot"), std::string::npos) << e;
  o.limits.maxTotalSize = 16u << 20;
  EXPECT_EQ(compileError(z, o), "");
  o.limits.maxEntries = 5;
  EXPECT_NE(compileError(z, o).find("te veel onderdelen"), std::string::npos);
}

TEST(Safety, CorruptArchivesGiveErrorsNotCrashes) {
  std::string good = makeDocx(para("{x} ") + para(std::string(2000, 'y')));
  EXPECT_NE(compileError("PK\x03\x04 nothing else").find("geen geldig zip"), std::string::npos);
  EXPECT_NE(compileError(good.substr(0, good.size() / 2)), "");
  // Flip bytes everywhere in turn: every result is either a template or an Error.
  for (std::size_t i = 30; i < good.size(); i += 97) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    try {
      Template t = Template::compile(bad);
      t.render(parseJson(R"({"x":"1"})"));
    } catch (const Error&) {
    }
  }
  CompileOptions o;
  o.format = Format::docx;
  EXPECT_NE(compileError("gewone tekst", o).find("geen zip"), std::string::npos);
  EXPECT_NE(compileError(makeZip({{"a.txt", "x"}})).find("geen DOCX"), std::string::npos);
}

TEST(Safety, EntryNamesAreNeverPaths) {
  const std::string evil = "../../igsgov-docs-evil-" + std::to_string(::getpid()) + ".xml";
  Template t = Template::compile(makeDocx(para("{x}"), {{evil, "<a>{y}</a>"}, {"/abs/path.xml", "z"}}));
  std::string out = t.render(parseJson(R"({"x":"1"})"));
  EXPECT_FALSE(Poco::File(evil.substr(6)).exists());
  EXPECT_EQ(readPart(out, evil), "<a>{y}</a>");
}
