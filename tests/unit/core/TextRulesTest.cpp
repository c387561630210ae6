#include "core/Json.hpp"
#include "core/TextRules.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

TEST(TextRules, AcceptsOrdinaryText) {
  for (std::string ok : {"", "Zoë Van den Broeck-D'hondt", "€ 1.250,00", "日本", "\xF0\x9F\x98\x80", "a & <b>"})
    EXPECT_FALSE(textProblem(ok, false)) << ok;
  EXPECT_FALSE(textProblem("regel 1\r\nregel 2\tmet tab", true));
}

TEST(TextRules, RefusesWhatCannotBeStored) {
  struct Case {
    std::string text;
    std::size_t character;
    const char* words;
  };
  for (const auto& c : std::vector<Case>{{std::string("ab\0c", 4), 3, "nulteken"},
                                         {"a\x01", 2, "stuurteken U+0001"},
                                         {"é\x1B[31m", 2, "stuurteken U+001B"},
                                         {"a\x7F", 2, "stuurteken U+007F"},
                                         {"a\xC2\x85", 2, "stuurteken U+0085"},
                                         {"a\nb", 2, "regeleinde"},
                                         {"a\rb", 2, "regeleinde"},
                                         {"a\tb", 2, "tab"},
                                         {"a\xC0\xAF", 2, "UTF-8"},          // overlong
                                         {"a\xE0\x80\xAF", 2, "UTF-8"},      // overlong, three bytes
                                         {"a\xED\xA0\x80", 2, "UTF-8"},      // a surrogate
                                         {"a\xF4\x90\x80\x80", 2, "UTF-8"},  // beyond U+10FFFF
                                         {"a\x80", 2, "UTF-8"},              // a stray continuation byte
                                         {"a\xC3", 2, "UTF-8"}}) {           // cut short
    auto p = textProblem(c.text, false);
    ASSERT_TRUE(p) << c.words;
    EXPECT_EQ(p->character, c.character) << c.words;
    EXPECT_NE(p->message.find(c.words), std::string::npos) << p->message;
  }
  EXPECT_TRUE(textProblem(std::string("a\0", 2), true)) << "NUL is refused in multi-line text too";
}

TEST(TextRules, TreeNamesTheField) {
  auto in = parseJsonObject(R"({"id": "m1", "decision": {"council": "a\u0001"}, "reason": "x\ny"})");
  Place base;
  base.set("operation", "mandate.appoint");
  try {
    checkTextTree(in, base);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.place().fields.at("field"), "'council'");
    EXPECT_EQ(e.place().fields.at("path"), "decision.council");
    EXPECT_EQ(e.place().fields.at("operation"), "mandate.appoint");
    EXPECT_EQ(e.place().fields.at("offset"), "2");
  }
  EXPECT_NO_THROW(checkTextTree(parseJsonObject(R"({"reason": "x\ny", "seats": [{"id": "s1"}], "n": 3})"), base));
  EXPECT_THROW(checkText("cli:\x1B]0;x", "actor", base), Error);
  EXPECT_NO_THROW(checkText("twee\nregels", "reason", base));
}

TEST(TextRules, MultiLineFieldsAreTheWrittenOnesAndContentGivenAsText) {
  for (auto name : {"reason", "note", "description", "public_key_pem", "checkpoint_text"})
    EXPECT_TRUE(multilineField(name)) << name;
  for (auto name : {"name", "id", "valid_from", "pem_file", "text_kind", "checkpoint"})
    EXPECT_FALSE(multilineField(name)) << name;
}
