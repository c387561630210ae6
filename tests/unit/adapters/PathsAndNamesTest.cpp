#include "adapters/common/Names.hpp"
#include "adapters/common/RelPath.hpp"
#include "adapters/webdav/Href.hpp"
#include "core/Error.hpp"

#include <gtest/gtest.h>

namespace igsgov::adapters {
namespace {

ErrorCode parseCode(std::string_view p) {
  try {
    RelPath::parse(p);
  } catch (const Error& e) {
    return e.errorCode();
  }
  return ErrorCode::ok;
}

TEST(RelPath, NormalisesHarmlessSpellings) {
  EXPECT_EQ(RelPath::parse("a//b/").str(), "a/b");
  EXPECT_EQ(RelPath::parse("./a/./b").str(), "a/b");
  EXPECT_TRUE(RelPath::parse("").isRoot());
  EXPECT_TRUE(RelPath::parse(".").isRoot());
  RelPath p = RelPath::parse("x/y/z.docx");
  EXPECT_EQ(p.name(), "z.docx");
  EXPECT_EQ(p.parent().str(), "x/y");
  EXPECT_EQ(p.segments().size(), 3u);
  EXPECT_TRUE(RelPath::parse("x").parent().isRoot());
}

TEST(RelPath, RefusesEverythingThatCouldEscape) {
  for (std::string bad : std::vector<std::string>{"..", "../a", "a/..", "a/../b", "/abs", "a\\b", "..\\x",
                                                  std::string("a\0b", 3), "C:\\x", "c:x", "a/\x7f", "a\nb",
                                                  std::string(256, 'n'), "bad\xC3(utf8"})
    EXPECT_EQ(parseCode(bad), ErrorCode::invalid) << bad;
}

TEST(RelPath, ErrorNamesThePathInDutch) {
  try {
    RelPath::parse("a/../../etc");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.fullText().find("pad 'a/../../etc'"), std::string::npos) << e.fullText();
    EXPECT_NE(e.message().find("ongeldig pad"), std::string::npos);
  }
}

TEST(RelPath, ReservedNames) {
  EXPECT_TRUE(isReservedName(".igsgov-tmp-1"));
  EXPECT_FALSE(isReservedName(".igsgov"));
  EXPECT_THROW(refuseReserved(RelPath::parse("a/.igsgov-x/b")), Error);
  EXPECT_NO_THROW(refuseReserved(RelPath::parse("a/igsgov-x/b")));
}

TEST(Names, ComposesDutchAccents) {
  EXPECT_EQ(nfc("e\xCC\x81"), "\xC3\xA9");                  // é
  EXPECT_EQ(nfc("Bru\xCC\x88gge"), "Br\xC3\xBCgge");        // ü
  EXPECT_EQ(nfc("co\xCC\x88rdinatie"), "c\xC3\xB6rdinatie");  // ö
  EXPECT_EQ(nfc("i\xCC\x88"), "\xC3\xAF");                  // ï
  EXPECT_EQ(nfc("c\xCC\xA7"), "\xC3\xA7");                  // ç
  EXPECT_EQ(nfc("A\xCC\x8A"), "\xC3\x85");                  // Å
  EXPECT_EQ(nfc("s\xCC\x8C"), "\xC5\xA1");                  // š
  EXPECT_EQ(nfc("plain"), "plain");
  EXPECT_EQ(nfc("\xC3\xA9"), "\xC3\xA9");                   // already composed
  EXPECT_EQ(nfc("\xCC\x81x"), "\xCC\x81x");                 // a lone mark stays
  EXPECT_THROW(nfc("\xFF"), Error);
}

TEST(Names, ClashesIgnoreCaseAndForm) {
  std::vector<std::string> existing{"Readme.docx", "caf\xC3\xA9.txt", "other"};
  EXPECT_EQ(findClash(existing, "README.docx").value_or(""), "Readme.docx");
  EXPECT_EQ(findClash(existing, "CAFE\xCC\x81.TXT").value_or(""), "caf\xC3\xA9.txt");
  EXPECT_EQ(findClash(existing, "\xC3\x89" "t\xC3\xA9.txt"), std::nullopt);
  EXPECT_FALSE(findClash(existing, "Readme.docx"));  // the same name is not a clash
  EXPECT_EQ(nameKey("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");
}

TEST(Href, EncodesEverySegment) {
  RelPath p = RelPath::parse("a b/c+d&e%/caf\xC3\xA9");
  EXPECT_EQ(webdav::encodePath("/dav/", p, false), "/dav/a%20b/c%2Bd%26e%25/caf%C3%A9");
  EXPECT_EQ(webdav::encodePath("/dav/", RelPath::parse("x"), true), "/dav/x/");
  EXPECT_EQ(webdav::encodePath("/dav/", RelPath(), true), "/dav/");
}

TEST(Href, DecodesStrictly) {
  EXPECT_EQ(webdav::decodeStrict("/dav/caf%c3%a9+x%20y"), "/dav/caf\xC3\xA9+x y");
  for (const char* bad : {"/dav/%", "/dav/%4", "/dav/%zz", "/dav/%00x", "/dav/%ff%fe"}) {
    try {
      webdav::decodeStrict(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::io) << bad;
    }
  }
}

TEST(Href, RelativeToBase) {
  EXPECT_EQ(webdav::relativeTo("/dav/root/", "/dav/root/a/b%20c").str(), "a/b c");
  EXPECT_EQ(webdav::relativeTo("/dav/root/", "http://127.0.0.1:8080/dav/root/a/").str(), "a");
  EXPECT_TRUE(webdav::relativeTo("/dav/root/", "/dav/root/").isRoot());
  EXPECT_TRUE(webdav::relativeTo("/dav/root/", "/dav/root").isRoot());
  EXPECT_THROW(webdav::relativeTo("/dav/root/", "/dav/other/a"), Error);
  EXPECT_THROW(webdav::relativeTo("/dav/root/", "/dav/root/%2e%2e/x"), Error);
  EXPECT_THROW(webdav::relativeTo("/dav/root/", "relative/x"), Error);
}

}  // namespace
}  // namespace igsgov::adapters
