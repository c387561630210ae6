// Unit tests of the SPARQL JSON results parser.
#include "adapters/sparql/SparqlResults.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

Place where() {
  Place p;
  p.set("endpoint", "http://127.0.0.1:9/sparql");
  p.set("status", "200");
  return p;
}

// Runs parse and returns the Error it throws (fails the test if none).
Error parseError(const std::string& text) {
  try {
    parseSparqlResults(text, where());
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return Error(ErrorCode::ok, "");
}

}  // namespace

TEST(SparqlResults, ParsesEveryTermKind) {
  const std::string text = R"({
    "head": {"link": [], "vars": ["s", "name", "n", "b", "label", "none"]},
    "results": {"distinct": false, "ordered": true, "bindings": [
      {"s": {"type": "uri", "value": "http://ex.org/a"},
       "name": {"type": "literal", "value": "Chloé", "xml:lang": "nl"},
       "n": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "42"},
       "b": {"type": "bnode", "value": "b0"},
       "label": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#date", "value": "2025-03-01"}},
      {"s": {"type": "uri", "value": "http://ex.org/b"}}
    ]}})";
  ResultSet rs = parseSparqlResults(text);
  ASSERT_EQ(rs.variables, (std::vector<std::string>{"s", "name", "n", "b", "label", "none"}));
  ASSERT_EQ(rs.rows.size(), 2u);
  EXPECT_FALSE(rs.boolean.has_value());

  EXPECT_EQ(rs.get(0, "s")->kind, TermKind::uri);
  EXPECT_EQ(rs.get(0, "s")->value, "http://ex.org/a");
  EXPECT_EQ(rs.get(0, "name")->kind, TermKind::literal);
  EXPECT_EQ(rs.get(0, "name")->value, "Chloé");
  EXPECT_EQ(rs.get(0, "name")->lang, "nl");
  EXPECT_EQ(rs.get(0, "name")->datatype, "");
  EXPECT_EQ(rs.get(0, "n")->kind, TermKind::literal);
  EXPECT_EQ(rs.get(0, "n")->datatype, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(rs.get(0, "n")->value, "42");
  EXPECT_EQ(rs.get(0, "b")->kind, TermKind::bnode);
  EXPECT_EQ(rs.get(0, "label")->datatype, "http://www.w3.org/2001/XMLSchema#date");
  EXPECT_EQ(rs.get(0, "none"), nullptr);
  EXPECT_EQ(rs.get(1, "name"), nullptr);
  EXPECT_EQ(rs.get(1, "s")->value, "http://ex.org/b");
  EXPECT_EQ(rs.get(2, "s"), nullptr);
}

TEST(SparqlResults, ParsesAskAnswer) {
  ResultSet t = parseSparqlResults(R"({"head": {}, "boolean": true})");
  ASSERT_TRUE(t.boolean.has_value());
  EXPECT_TRUE(*t.boolean);
  ResultSet f = parseSparqlResults(R"({"head": {}, "boolean": false})");
  ASSERT_TRUE(f.boolean.has_value());
  EXPECT_FALSE(*f.boolean);
}

TEST(SparqlResults, EmptyResultIsFine) {
  ResultSet rs = parseSparqlResults(R"({"head": {"vars": ["x"]}, "results": {"bindings": []}})");
  EXPECT_EQ(rs.variables.size(), 1u);
  EXPECT_TRUE(rs.rows.empty());
}

TEST(SparqlResults, MalformedJsonIsInvalidWithEndpointAndStatus) {
  Error e = parseError("{\"head\": {\"vars\": [\"x\"]},\n \"results\": {\"bindings\": [ {\"x\": } ]}}");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.at("endpoint"), "http://127.0.0.1:9/sparql");
  EXPECT_EQ(e.place().fields.at("status"), "200");
  EXPECT_NE(e.message().find("SPARQL"), std::string::npos);
}

TEST(SparqlResults, StructuralErrorsNameThePart) {
  struct Case {
    const char* text;
    const char* part;
  } cases[] = {
      {R"({"results": {"bindings": []}})", "head"},
      {R"({"head": {}, "results": {"bindings": []}})", "head.vars"},
      {R"({"head": {"vars": [1]}, "results": {"bindings": []}})", "head.vars[0]"},
      {R"({"head": {"vars": ["x", "x"]}, "results": {"bindings": []}})", "head.vars[1]"},
      {R"({"head": {"vars": ["x"]}})", "results"},
      {R"({"head": {"vars": ["x"]}, "results": {}})", "results.bindings"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [5]}})", "results.bindings[0]"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "uri", "value": "u"}}]}})",
       "results.bindings[0].y"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": "u"}}]}})", "results.bindings[0].x"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{}, {"x": {"type": "iri", "value": "u"}}]}})",
       "results.bindings[1].x"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": 3}}]}})",
       "results.bindings[0].x"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "typed-literal", "value": "3"}}]}})",
       "results.bindings[0].x"},
      {R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": "plain"}]}})", "results.bindings[0].x"},
      {R"({"head": {}, "boolean": "yes"})", "boolean"},
  };
  for (const auto& c : cases) {
    Error e = parseError(c.text);
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << c.text;
    auto it = e.place().fields.find("part");
    ASSERT_NE(it, e.place().fields.end()) << c.text;
    EXPECT_EQ(it->second, c.part) << c.text;
    EXPECT_EQ(e.place().fields.at("endpoint"), "http://127.0.0.1:9/sparql") << c.text;
  }
}

TEST(SparqlResults, TopLevelMustBeAnObject) {
  Error e = parseError("[1, 2]");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
}
