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

namespace {

// Sets the CRC-32 of entry `name` to `crc` in its local header and in the
// central directory (so the archive stays consistent; only the data no
// longer matches): a member damaged on disk or in transit.
std::string withCrc(std::string zip, const std::string& name, std::uint32_t crc) {
  auto put32 = [&](std::size_t at) {
    for (int k = 0; k < 4; ++k) zip[at + k] = static_cast<char>((crc >> (8 * k)) & 0xFF);
  };
  int changed = 0;
  for (std::size_t i = 0; i + 46 < zip.size(); ++i) {
    if (zip.compare(i, 4, "PK\x03\x04") == 0 && zip.compare(i + 30, name.size(), name) == 0) {
      put32(i + 14);
      ++changed;
    } else if (zip.compare(i, 4, "PK\x01\x02") == 0 && zip.compare(i + 46, name.size(), name) == 0) {
      put32(i + 16);
      ++changed;
    }
  }
  EXPECT_EQ(changed, 2) << name;
  return zip;
}

}  // namespace

// Issue 14: a bad CRC in word/styles.xml (a member without tags) passed the
// check, and generate copied the damaged member into every document.
TEST(Safety, EveryMemberIsCheckedNotOnlyThoseWithTags) {
  const std::string styles = "<w:styles xmlns:w=\"w\">" + std::string(300, ' ') + "</w:styles>";
  std::string good = makeDocx(para("{x}"), {{"word/styles.xml", styles}, {"word/media/logo.png", std::string(5000, 'P')}});
  EXPECT_EQ(compileError(good), "");
  for (const std::string member : {"word/styles.xml", "word/media/logo.png", "[Content_Types].xml", "word/document.xml"}) {
    std::string bad = withCrc(good, member, 0x12345678);
    std::string e = compileError(bad);
    EXPECT_NE(e.find("beschadigd"), std::string::npos) << member << ": " << e;
    EXPECT_NE(e.find(member), std::string::npos) << member << ": " << e;
    // template check refuses it the same way (an Error, not "in orde").
    EXPECT_THROW(checkTemplate(bad), Error) << member;
  }
  std::string odt = makeOdt("<text:p>{x}</text:p>", {{"Pictures/logo.png", std::string(5000, 'Q')}});
  EXPECT_EQ(compileError(odt), "");
  EXPECT_NE(compileError(withCrc(odt, "Pictures/logo.png", 1)).find("Pictures/logo.png"), std::string::npos);
  EXPECT_NE(compileError(withCrc(odt, "mimetype", 1)).find("mimetype"), std::string::npos);
}

TEST(Safety, AMemberWhoseDataIsDamagedIsRefused) {
  // A stored (uncompressed) member with one flipped byte: only the CRC can tell.
  Entries entries = readZip(makeDocx(para("{x}")));
  entries.insert(entries.begin(), {"word/media/logo.png", std::string(4000, 'L')});
  std::string docx = makeZip(entries, true);
  EXPECT_EQ(compileError(docx), "");
  std::size_t at = docx.find(std::string(100, 'L'));
  ASSERT_NE(at, std::string::npos);
  docx[at + 50] = 'M';
  std::string e = compileError(docx);
  EXPECT_NE(e.find("word/media/logo.png"), std::string::npos) << e;
}
