// readRecordText / readMandateText (the import's fast path) against the full
// path they stand in for: parse the text, Reader::str("id"), then readFields
// (persons) or readMandateFields (mandates). For a plain record both must give
// the same id and the same fields; for anything else the fast path must
// decline (nullopt), so the full path words the error.
#include "core/Error.hpp"
#include "core/Json.hpp"
#include "records/Entities.hpp"
#include "records/RecordText.hpp"
#include "records/Mandates.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::records;

namespace {

std::optional<RecordText> fast(const std::string& text) { return readMandateText(text, JsonSpan{0, text.size()}); }

// id and canonical fields by the full path.
std::pair<std::string, std::string> full(const std::string& text) {
  auto o = parseJsonObject(text);
  std::string id = Reader(o, "mandaat").str("id");
  return {id, canonicalJson(readMandateFields(o, id, true))};
}

std::optional<RecordText> fastPerson(const std::string& text) {
  return readRecordText(personSpec(), text, JsonSpan{0, text.size()});
}

std::pair<std::string, std::string> fullPerson(const std::string& text) {
  auto o = parseJsonObject(text);
  std::string id = Reader(o, "persoon").str("id");
  return {id, canonicalJson(readFields(personSpec(), Reader(o, "persoon", id)))};
}

const char* kPlainPersons[] = {
    R"({"id":"p1","name":"Persoon 1, fictief"})",
    R"({"name":"An Peeters","gender":"v","fictitious":true,"uri":"https://example.org/p/2","id":"p2"})",
    R"({"id":"p3","name":"Jan","fictitious":false,"gender":"onbekend"})",
};

const char* kDeclinedPersons[] = {
    R"({"id":"p1","name":"Persoon 1","decision":{"council":"A"}})",  // no nested object for persons
    R"({"id":"p1","name":""})",
    R"({"id":"p1"})",
    R"({"id":"p1","name":"N","fictitious":"ja"})",
    R"({"id":"p1","name":"N","rijksregisternummer":"85.07.30-033.28"})",
    R"({"id":"p1","name":"N\u00e9"})",
};

const char* kPlain[] = {
    R"({"id":"m1","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",
    R"({"from":"2020-01-01","role":"voorzitter","body":"b1","person":"p1","id":"m2"})",
    R"( { "id" : "m3" , "person" : "p1" , "body" : "b1" , "role" : "bestuurder" , "from" : "2020-01-01" } )",
    "{\n\t\"id\": \"m4\",\r\n\"person\": \"p1\", \"body\": \"b1\", \"role\": \"bestuurder\", \"from\": \"2020-01-01\"\n}",
    R"({"id":"m5","person":"p1","body":"b1","seat":"s1","member":"c1m1","role":"bestuurder_raadgevend",
        "side":"oppositie","fractie":"Groen & Co – Zuid","voting":false,"status":"effectief",
        "from":"2020-01-01","until":"2024-12-31","predecessor":"m4","retracted":false})",
    R"({"id":"m6","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","voting":true,
        "decision":{"council":"gemeenteraad Gent","date":"2019-12-16","reference":"2019_GR_00123",
                    "uri":"https://ebesluitvorming.gent.be/zittingen/19.1216/besluit/1"}})",
    R"({"id":"m7","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","decision":{}})",
    R"({"id":"m8","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01",
        "decision_council":"gemeenteraad Aalst","decision_date":"2020-02-29"})",
    R"({"id":"m9","person":"p1","body":"b1","role":"onbekende_rol","side":"elders","from":"2020-01-01"})",
    R"({"id":"m10","person":"Zoë Ğ 日本","body":"b1","role":"bestuurder","from":"2020-01-01","retracted":true})",
};

const char* kDeclined[] = {
    R"({"id":"x","person":"p\u0031","body":"b1","role":"bestuurder","from":"2020-01-01"})",        // escape in a value
    R"({"id":"x","pers\u006fn":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",        // escape in a key
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","seat":null})",  // null
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","colour":"red"})",  // unknown field
    R"({"id":"x","person":"p1","person":"p2","body":"b1","role":"bestuurder","from":"2020-01-01"})",   // duplicate
    R"({"id":"x","id":"y","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",        // duplicate id
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","decision_council":"A",
        "decision":{"council":"B"}})",                                                               // given twice
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-1-1"})",                // date to normalise
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-02-30"})",              // impossible date
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","side":""})",    // empty string
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","voting":"ja"})",  // "ja"
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","voting":1})",   // number for boolean
    R"({"id":"x","person":7,"body":"b1","role":"bestuurder","from":"2020-01-01"})",                 // number for text
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","reason":"r"})",  // allowed, not stored
    R"({"id":"x","body":"b1","role":"bestuurder","from":"2020-01-01"})",                            // required missing
    R"({"person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",                       // no id
    R"({"id":"","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",               // empty id
    R"({"id":12,"person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01"})",               // id not text
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","decision":{"by":"A"}})",
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","decision":"A"})",
    R"({"id":"x","person":"p1","body":"b1","role":"bestuurder","from":"2020-01-01","decision":{},"decision":{}})",
    R"({"id":"x","person":["p1"],"body":"b1","role":"bestuurder","from":"2020-01-01"})",
    R"(["id","x"])",
    R"("m1")",
};

template <class Fast, class Full>
void expectSameAsFullPath(const std::string& text, Fast fastPath, Full fullPath) {
  SCOPED_TRACE(text);
  auto quick = fastPath(text);
  ASSERT_TRUE(quick.has_value());
  auto [id, fields] = fullPath(text);
  EXPECT_EQ(quick->id, id);
  EXPECT_EQ(canonicalJson(quick->data), fields);
}

}  // namespace

TEST(RecordText, PlainPersonsReadAsTheFullPathReadsThem) {
  for (const char* text : kPlainPersons) expectSameAsFullPath(text, fastPerson, fullPerson);
}

TEST(RecordText, OtherPersonsAreLeftToTheFullPath) {
  for (const char* text : kDeclinedPersons) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(fastPerson(text).has_value());
  }
}

TEST(RecordText, PlainMandatesReadAsTheFullPathReadsThem) {
  for (const char* text : kPlain) expectSameAsFullPath(text, fast, full);
}

TEST(RecordText, TheDecisionIsFlattenedAndDatesKeptAsText) {
  auto quick = fast(kPlain[5]);
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->data->getValue<std::string>("decision_council"), "gemeenteraad Gent");
  EXPECT_EQ(quick->data->getValue<std::string>("decision_ref"), "2019_GR_00123");
  EXPECT_EQ(quick->data->getValue<std::string>("decision_date"), "2019-12-16");
  EXPECT_TRUE(quick->data->getValue<bool>("voting"));
  EXPECT_FALSE(quick->data->has("decision"));
}

TEST(RecordText, AnythingButAPlainMandateIsLeftToTheFullPath) {
  for (const char* text : kDeclined) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(fast(text).has_value());
  }
}

TEST(RecordText, ASpanInsideALargerTextIsReadOnItsOwn) {
  std::string text = std::string("[") + kPlain[0] + "," + kPlain[1] + "]";
  std::size_t begin = 1, end = 1 + std::string(kPlain[0]).size();
  auto quick = readMandateText(text, JsonSpan{begin, end});
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->id, "m1");
  EXPECT_EQ(canonicalJson(quick->data), full(kPlain[0]).second);
}
