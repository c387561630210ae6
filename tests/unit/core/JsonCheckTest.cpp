// checkJson / parseJson: every problem of a JSON text is refused with its line
// and column (and, for duplicates and text, the member), which Poco's parser
// cannot tell (issue 14), and keys given twice are refused (issue 13).
#include "core/Json.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

namespace {

struct Where {
  std::string line, column, path, field, message;
};

Where refused(const std::string& text, JsonRules rules = {}) {
  try {
    parseJson(text, "t.json", rules);
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    auto get = [&](const char* k) { return e.place().fields.count(k) ? e.place().fields.at(k) : std::string(); };
    EXPECT_EQ(get("file"), "t.json");
    return {get("line"), get("column"), get("path"), get("field"), e.message()};
  }
  ADD_FAILURE() << "accepted: " << text;
  return {};
}

void expectAt(const std::string& text, const std::string& line, const std::string& column, const std::string& words) {
  Where w = refused(text);
  EXPECT_EQ(w.line, line) << text << ": " << w.message;
  EXPECT_EQ(w.column, column) << text << ": " << w.message;
  EXPECT_NE(w.message.find(words), std::string::npos) << text << ": " << w.message;
}

}  // namespace

TEST(CheckJson, SyntaxErrorsOnTheFirstLineNameLineAndColumn) {
  expectAt(R"({"a": "abc)", "1", "7", "niet afgesloten");              // unterminated: where the text begins
  expectAt(R"({"a": 1 "b": 2})", "1", "9", "',' of '}' verwacht");      // missing comma: where it should be
  expectAt(R"([1, 2 3])", "1", "7", "',' of ']' verwacht");
  expectAt(R"({"a": 1} x)", "1", "10", "na het einde");               // trailing garbage
  expectAt(R"({"a": "x\q"})", "1", "9", "ongeldige escape \\q");         // bad escape: at its backslash
  expectAt(R"({"a": "\u12G4"})", "1", "8", "vier hexadecimale cijfers");
  expectAt(R"({"a" 1})", "1", "6", "':' verwacht");
  expectAt(R"({"a": tru})", "1", "7", "onbekende waarde");
  expectAt(R"({"a": 01})", "1", "8", "',' of '}' verwacht");
  expectAt(R"({"a": -})", "1", "7", "ongeldig getal");
  expectAt(R"({"a": 1,})", "1", "9", "naam van een veld verwacht");
  expectAt(R"([1,])", "1", "4", "waar een waarde verwacht");
  expectAt("", "1", "1", "leeg");
  expectAt(" \"x\"", "1", "2", "object ({...}) of -lijst");  // Poco parses only objects and arrays
  expectAt("   ", "1", "4", "leeg");
  expectAt("{\"a\": [1, 2", "1", "12", "houdt op");
}

TEST(CheckJson, SyntaxErrorsDeepInAFileNameLineAndColumn) {
  std::string head = "{\n  \"format\": \"igsgov-register\",\n  \"persons\": [\n    {\"id\": \"p1\", \"name\": \"Zoë Maes\"},\n";
  // Line 5; columns count characters, so the ë (two bytes) before counts once.
  expectAt(head + "    {\"id\": \"p2\", \"name\": \"Zoë\" \"x\": 1}\n  ]\n}\n", "5", "32", "',' of '}' verwacht");
  expectAt(head + "    {\"id\": \"p2\", \"name\": \"Zoë\\x\"}\n  ]\n}\n", "5", "30", "ongeldige escape");
  expectAt(head + "    {\"id\": \"p2\", \"name\": \"Zoë}\n  ]\n}\n", "5", "31", "regeleinde binnen een tekst");
  expectAt(head + "    {\"id\": \"p2\"}\n  ]\n}\n}", "8", "1", "na het einde");
  expectAt(head + "    {\"id\": \"p2\"}\n  ]\n", "7", "1", "houdt op");
  Where w = refused("{\"a\": [1, 2,\n }");
  EXPECT_EQ(w.line, "2");
  EXPECT_EQ(w.column, "2");
}

TEST(CheckJson, KeysGivenTwiceAreRefusedWithTheirPlace) {
  Where w = refused(R"({"name":"A","name":"B"})");
  EXPECT_EQ(w.line, "1");
  EXPECT_EQ(w.column, "13");
  EXPECT_EQ(w.field, "'name'");
  EXPECT_EQ(w.path, "");
  EXPECT_NE(w.message.find("komt twee keer voor"), std::string::npos) << w.message;

  w = refused("{\"mandates\": [{\"id\": \"m1\"},\n {\"id\": \"m2\", \"decision\": {\"council\": \"a\", \"council\": \"b\"}}]}");
  EXPECT_EQ(w.line, "2");
  EXPECT_EQ(w.column, "44");
  EXPECT_EQ(w.path, "mandates[1].decision");
  EXPECT_EQ(w.field, "'council'");

  // An escape that spells the same key is the same key.
  w = refused(R"({"name":"A","n\u0061me":"B"})");
  EXPECT_EQ(w.field, "'name'");
  // Many keys (the hash set past the short list), the duplicate last.
  std::string many = "{";
  for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  w = refused(many + "\"k7\":0}");
  EXPECT_EQ(w.field, "'k7'");
  // The same key in different objects is fine.
  EXPECT_NO_THROW(parseJson(R"({"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}],"id":5})"));
}

TEST(CheckJson, RefusesWhatIsNotUnicode) {
  Where w = refused("{\"a\": \"x\xC0\xAFy\"}");  // overlong '/'
  EXPECT_EQ(w.column, "9");
  EXPECT_NE(w.message.find("UTF-8"), std::string::npos) << w.message;
  EXPECT_NE(refused("{\"a\": \"\xFF\"}").message.find("UTF-8"), std::string::npos);
  EXPECT_NE(refused("{\"a\": \"\xED\xA0\x80\"}").message.find("UTF-8"), std::string::npos);  // an encoded surrogate
  EXPECT_NE(refused("{\"a\": \"\xE2\x82\"}").message.find("UTF-8"), std::string::npos);      // cut short
  w = refused(R"({"a": "x\ud800"})");
  EXPECT_EQ(w.column, "9");
  EXPECT_NE(w.message.find("losse surrogaat \\uD800"), std::string::npos) << w.message;
  EXPECT_NE(refused(R"({"a": "\udc00x"})").message.find("losse surrogaat \\uDC00"), std::string::npos);
  EXPECT_NE(refused(R"({"a": "\ud800\u0041"})").message.find("losse surrogaat"), std::string::npos);
  // A pair is one character.
  auto o = parseJsonObject(R"({"a": "\ud83d\ude00"})");
  EXPECT_EQ(o->getValue<std::string>("a"), "\xF0\x9F\x98\x80");
}

TEST(CheckJson, NumbersAndNesting) {
  EXPECT_NE(refused(R"({"n": 18446744073709551616})").message.find("te groot"), std::string::npos);
  EXPECT_NE(refused(R"({"n": -9223372036854775809})").message.find("te groot"), std::string::npos);
  EXPECT_NE(refused(R"({"n": 1e999})").message.find("buiten bereik"), std::string::npos);
  EXPECT_NO_THROW(parseJson(R"([18446744073709551615, -9223372036854775808, 1.5e300, 1e-400, -0, 0.5])"));
  std::string deep(300, '[');
  deep += std::string(300, ']');
  Where w = refused(deep);
  EXPECT_EQ(w.column, "258");
  EXPECT_NE(w.message.find("te diep genest"), std::string::npos);
}

TEST(CheckJson, AcceptsWhatPocoAccepts) {
  for (std::string ok : {R"({})", R"([])", R"(["x", 0, true, null])", " \t\r\n{ \"a\" : [ 1 , { } ] } \n",
                         R"({"é": "ü\"\\\/\b\f\n\r\t\u00e9"})", "\xEF\xBB\xBF{\"bom\": 1}"}) {
    EXPECT_NO_THROW(parseJson(ok)) << ok;
  }
  EXPECT_EQ(parseJsonObject("\xEF\xBB\xBF{\"bom\": 1}")->getValue<int>("bom"), 1);
}

TEST(CheckJson, TextRulesNameTheField) {
  JsonRules text{.text = true};
  Where w = refused(R"({"persons": [{"id": "p1", "name": "a\u0000b"}]})", text);
  EXPECT_EQ(w.field, "'name'");
  EXPECT_EQ(w.path, "persons[0].name");
  EXPECT_EQ(w.column, "37");
  EXPECT_NE(w.message.find("nulteken"), std::string::npos) << w.message;
  EXPECT_NE(refused(R"({"name": "a\nb"})", text).message.find("regeleinde"), std::string::npos);
  EXPECT_NE(refused(R"({"name": "a\tb"})", text).message.find("tab"), std::string::npos);
  EXPECT_NE(refused(R"({"name": "a\u0007"})", text).message.find("stuurteken U+0007"), std::string::npos);
  EXPECT_NE(refused(R"({"name": "a\u0085"})", text).message.find("stuurteken U+0085"), std::string::npos);
  EXPECT_NE(refused("{\"name\": \"a\x7F\"}", text).message.find("stuurteken U+007F"), std::string::npos);
  EXPECT_NE(refused("{\"name\": \"a\xC2\x9B\"}", text).message.find("stuurteken U+009B"), std::string::npos);
  EXPECT_NE(refused(R"({"na\u0001me": "x"})", text).message.find("naam van een veld"), std::string::npos);
  w = refused(R"({"tags": ["ok", "b\u0001"]})", text);
  EXPECT_EQ(w.field, "'tags'");
  EXPECT_EQ(w.path, "tags[1]");
  // Multi-line fields keep their lines; without the rules, strings are not judged.
  EXPECT_NO_THROW(parseJson(R"({"reason": "een\r\nreden\tmet tab", "note": "x\ny"})", "", text));
  EXPECT_NO_THROW(parseJson(R"({"name": "a\u0000b"})"));
}
