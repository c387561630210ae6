// Unit tests of the named SPARQL sources (sparql.json).
#include "adapters/sparql/EndpointSet.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {
Error setError(const std::string& text) {
  try {
    EndpointSet::parse(text, "sparql.json");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text;
  return Error(ErrorCode::ok, "");
}
}  // namespace

TEST(EndpointSet, ReadsNamedSources) {
  auto set = EndpointSet::parse(R"({"comment": "x", "sources": {
      "lblod": {"comment": "Centrale vindplaats", "endpoint": "https://example.org/sparql", "timeout_s": 45},
      "eigen_store-2": {"endpoint": "http://127.0.0.1:8890/sparql", "graph": "http://g"}}})",
                                "sparql.json");
  ASSERT_EQ(set.sources.size(), 2u);
  EXPECT_EQ(set.source("lblod").endpoint, "https://example.org/sparql");
  EXPECT_EQ(set.source("lblod").timeoutSeconds, 45);
  EXPECT_EQ(*set.source("eigen_store-2").graph, "http://g");
}

TEST(EndpointSet, UnknownNameListsTheKnownOnes) {
  auto set = EndpointSet::parse(R"({"sources": {"a": {"endpoint": "http://h/s"}, "b": {"endpoint": "http://h/t"}}})",
                                "sparql.json");
  try {
    set.source("c");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_NE(std::string(e.what()).find("gekend: a, b"), std::string::npos) << e.what();
    EXPECT_EQ(e.place().fields.at("file"), "sparql.json");
  }
}

TEST(EndpointSet, ErrorsNameFileSourceAndField) {
  auto e = setError(R"({"sources": {"lblod": {"endpoint": "ftp://h/s"}}})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.at("file"), "sparql.json");
  EXPECT_EQ(e.place().fields.at("part"), "bron 'lblod'");
  EXPECT_EQ(e.place().fields.at("field"), "'endpoint'");
  e = setError(R"({"sources": {"lblod": {"endpoint": "http://h/s", "timeout_s": 601}}})");
  EXPECT_EQ(e.place().fields.at("field"), "'timeout_s'");
  e = setError(R"({"sources": {"lblod": {"endpoint": "http://h/s", "user": "x"}}})");
  EXPECT_EQ(e.place().fields.at("field"), "'user'");
  e = setError(R"({"bronnen": {}})");
  EXPECT_EQ(e.place().fields.at("field"), "'bronnen'");
  e = setError(R"({"comment": "geen bronnen"})");
  EXPECT_EQ(e.place().fields.at("field"), "'sources'");
  e = setError(R"({"sources": {"met spatie": {"endpoint": "http://h/s"}}})");
  EXPECT_NE(std::string(e.what()).find("ongeldige bronnaam"), std::string::npos) << e.what();
  e = setError(R"({"sources": {"a": "http://h/s"}})");
  EXPECT_EQ(e.place().fields.at("part"), "bron 'a'");
}

TEST(EndpointSet, ANonJsonFileIsNotQuoted) {
  auto e = setError("Zgeheim:$6$zout:19000\n");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(std::string(e.what()).find('Z'), std::string::npos) << e.what();
}

TEST(EndpointSet, MissingFileIsNotFound) {
  try {
    EndpointSet::load("/bestaat/niet/sparql.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_EQ(e.place().fields.at("file"), "/bestaat/niet/sparql.json");
  }
}
