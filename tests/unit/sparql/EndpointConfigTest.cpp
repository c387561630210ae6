// Unit tests of the endpoint configuration.
#include "adapters/sparql/EndpointConfig.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {
Error configError(const std::string& text) {
  try {
    EndpointConfig::fromJsonText(text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text;
  return Error(ErrorCode::ok, "");
}
}  // namespace

TEST(EndpointConfig, ReadsAllFields) {
  auto c = EndpointConfig::fromJsonText(R"({"endpoint": "https://example.org/sparql", "graph": "http://g",
      "timeout_s": 5, "method": "post", "max_bytes": 4096, "roles": {"http://f/1": "deskundige"}})");
  EXPECT_EQ(c.endpoint, "https://example.org/sparql");
  ASSERT_TRUE(c.graph.has_value());
  EXPECT_EQ(*c.graph, "http://g");
  EXPECT_EQ(c.timeoutSeconds, 5);
  EXPECT_EQ(c.method, HttpMethod::post);
  EXPECT_EQ(c.maxBytes, 4096u);
  EXPECT_EQ(c.roles.at("http://f/1"), "deskundige");
  auto again = EndpointConfig::fromJson(c.toJson());
  EXPECT_EQ(again.endpoint, c.endpoint);
  EXPECT_EQ(again.graph, c.graph);
  EXPECT_EQ(again.timeoutSeconds, c.timeoutSeconds);
  EXPECT_EQ(again.method, c.method);
  EXPECT_EQ(again.roles, c.roles);
}

TEST(EndpointConfig, Defaults) {
  auto c = EndpointConfig::fromJsonText(R"({"endpoint": "http://127.0.0.1:8890/sparql"})");
  EXPECT_FALSE(c.graph.has_value());
  EXPECT_EQ(c.timeoutSeconds, 30);
  EXPECT_EQ(c.method, HttpMethod::automatic);
  EXPECT_TRUE(c.roles.empty());
}

TEST(EndpointConfig, RefusesBadInputNamingTheField) {
  struct Case {
    const char* text;
    const char* field;
  } cases[] = {
      {R"({})", "'endpoint'"},
      {R"({"endpoint": "ftp://x/sparql"})", "'endpoint'"},
      {R"({"endpoint": "http:///sparql"})", "'endpoint'"},
      {R"({"endpoint": "http://x/sparql", "timeout_s": 0})", "'timeout_s'"},
      {R"({"endpoint": "http://x/sparql", "timeout_s": "10"})", "'timeout_s'"},
      {R"({"endpoint": "http://x/sparql", "method": "put"})", "'method'"},
      {R"({"endpoint": "http://x/sparql", "graph": ""})", "'graph'"},
      {R"({"endpoint": "http://x/sparql", "roles": {"u": "koning"}})", "'roles'"},
      {R"({"endpoint": "http://x/sparql", "endpiont": "typo"})", "'endpiont'"},
  };
  for (const auto& c : cases) {
    Error e = configError(c.text);
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << c.text;
    auto it = e.place().fields.find("field");
    ASSERT_NE(it, e.place().fields.end()) << c.text;
    EXPECT_EQ(it->second, c.field) << c.text;
  }
  EXPECT_EQ(configError("{not json").errorCode(), ErrorCode::invalid);
}
