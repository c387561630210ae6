#include "core/Json.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

TEST(CanonicalJson, SortsKeysAndDropsWhitespace) {
  auto o = parseJsonObject(R"({ "b": 1, "a": [true, null, "x\n"], "c": {"z": -3, "y": "é"} })");
  EXPECT_EQ(canonicalJson(o), R"({"a":[true,null,"x\n"],"b":1,"c":{"y":"é","z":-3}})");
}

TEST(CanonicalJson, RefusesFractions) {
  auto o = parseJsonObject(R"({"amount": 1.5})");
  EXPECT_THROW(canonicalJson(o), Error);
}

TEST(ParseJson, NamesTheFileOnSyntaxErrors) {
  try {
    parseJson("{\"a\": [1, 2,\n }", "x.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(e.fullText().find("x.json"), std::string::npos) << e.fullText();
  }
}

TEST(Reader, NamesRecordAndField) {
  Reader r(parseJsonObject(R"({"from": "2026-02-30", "role": "koning"})"), "mandaat", "m-7");
  try {
    r.date("from");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.fullText(), "geen geldige datum (JJJJ-MM-DD verwacht): '2026-02-30' (mandaat 'm-7', veld 'from')");
  }
  EXPECT_THROW(r.oneOf("role", {"bestuurder", "voorzitter"}), Error);
  EXPECT_THROW(r.rejectUnknown({"from"}), Error);
  EXPECT_NO_THROW(r.rejectUnknown({"from", "role"}));
}
