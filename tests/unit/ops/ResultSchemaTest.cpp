// Walks the whole operation catalogue: every operation's result schema
// (Operation::result, published in /api/v1/openapi.json) must name the fields
// a client can use. A schema that is only {"type": "object"}, or only the
// journal reference every write carries, tells a generated client nothing;
// such a schema fails here. An output that truly has no fields of its own
// would be listed below with the reason (none is today).
#include "ops/Catalogue.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace igsgov::ops;

namespace {

// operation -> why its result names no field of its own.
const std::map<std::string, std::string> kThinAllowed = {};

// The fields a schema declares besides "journal".
std::vector<std::string> ownFields(const igsgov::JsonObject& schema) {
  std::vector<std::string> out;
  if (!schema || !schema->has("properties")) return out;
  for (const auto& [name, value] : *schema->getObject("properties"))
    if (name != "journal") out.push_back(name);
  return out;
}

}  // namespace

TEST(ResultSchema, EveryOperationNamesTheFieldsOfItsOutput) {
  std::vector<std::string> thin;
  for (const auto& op : catalogue().all()) {
    if (kThinAllowed.count(op.name)) continue;
    ASSERT_TRUE(op.result) << op.name;
    EXPECT_EQ(op.result->optValue<std::string>("type", ""), "object") << op.name;
    if (ownFields(op.result).empty()) thin.push_back(op.name);
  }
  std::string names;
  for (const auto& n : thin) names += " " + n;
  EXPECT_TRUE(thin.empty()) << thin.size() << " operations whose result schema names no field:" << names;
}

TEST(ResultSchema, EveryAllowedExceptionIsAnOperation) {
  for (const auto& [name, why] : kThinAllowed) EXPECT_NE(catalogue().find(name), nullptr) << name;
}
