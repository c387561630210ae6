#include "core/JsonSpans.hpp"

#include "core/Json.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

TEST(JsonSpans, FindsTheElementsOfATopLevelArray) {
  std::string text = R"( {"a": {"mandates": 1}, "s": "x]\"}", "mandates" : [ {"id":"m1","x":[1,{"y":"}"}]} ,
    {"id":"m\"2"}, 7, "t"] , "z": null } )";
  auto span = memberSpan(text, "mandates");
  ASSERT_TRUE(span);
  auto elements = elementSpans(text, *span);
  ASSERT_TRUE(elements);
  ASSERT_EQ(elements->size(), 4u);
  // Every element is exactly one value the real parser accepts.
  EXPECT_EQ(canonicalJson(parseJson(std::string((*elements)[0].of(text)))), R"({"id":"m1","x":[1,{"y":"}"}]})");
  EXPECT_EQ((*elements)[2].of(text), "7");
  EXPECT_EQ((*elements)[3].of(text), "\"t\"");
  EXPECT_EQ(stringMember(text, (*elements)[0], "id"), std::optional<std::string_view>("m1"));
  EXPECT_FALSE(stringMember(text, (*elements)[1], "id"));  // escaped: left to the real parser
  EXPECT_FALSE(stringMember(text, (*elements)[0], "predecessor"));
}

TEST(JsonSpans, EmptyArrayAndAbsentKey) {
  std::string text = R"({"mandates":[]})";
  auto span = memberSpan(text, "mandates");
  ASSERT_TRUE(span);
  EXPECT_TRUE(elementSpans(text, *span)->empty());
  EXPECT_FALSE(memberSpan(text, "persons"));
}

TEST(JsonSpans, RefusesWhatItDoesNotUnderstand) {
  // Each of these must make the caller fall back to the real parser.
  for (std::string bad : {R"({"mandates":[1,2})", R"({"mandates":[1 2]})", R"({"mandates":[1,]})",
                          R"({"mandates":[{"id":"x"]]})", R"({"mandates":[], "mandates":[]})", R"([1,2])",
                          R"({"mandates":[]} x)", R"({"mandates":[{"id":"x}]})", R"({"m\u0061ndates":[]})"}) {
    auto span = memberSpan(bad, "mandates");
    EXPECT_TRUE(!span || !elementSpans(bad, *span)) << bad;
  }
}

// memberSpans (the import's one scan for persons and mandates): each key on its
// own, a key given twice is refused while the others are still found.
TEST(JsonSpans, SeveralKeysInOneScan) {
  std::string text = R"({"persons":[{"id":"p1"}],"note":"x","mandates":[1,2],"mandates2":[],"dup":1,"dup":2})";
  auto spans = memberSpans(text, {"persons", "mandates", "absent", "dup"});
  ASSERT_EQ(spans.size(), 4u);
  ASSERT_TRUE(spans[0]);
  EXPECT_EQ(spans[0]->of(text), R"([{"id":"p1"}])");
  ASSERT_TRUE(spans[1]);
  EXPECT_EQ(spans[1]->of(text), "[1,2]");
  EXPECT_FALSE(spans[2]);
  EXPECT_FALSE(spans[3]);
  for (const auto& s : memberSpans(R"({"persons":[],"mandates":[]} x)", {"persons", "mandates"})) EXPECT_FALSE(s);
}
