// Targets: every adapter/server pair the conformance suite runs against, and
// a way to get a fresh, empty adapter root on it for one test.
#pragma once

#include "TestServers.hpp"
#include "adapters/common/Registry.hpp"
#include "core/Json.hpp"

#include <memory>
#include <ostream>
#include <string>

namespace igsgov::adapters::testing {

struct Target {
  std::string name;   // gtest parameter name
  std::string kind;   // folder | apache | lighttpd | nginx
  std::string mode;   // "" | basic | digest | https
  bool conditional;   // expected capabilities().conditionalRequests
};
inline std::ostream& operator<<(std::ostream& o, const Target& t) { return o << t.name; }

struct Root {
  std::string diskPath;  // the folder on disk that backs the adapter root (we own the servers)
  JsonObject config;     // the adapter configuration
};

// A fresh empty root on the target. `extra` fields are merged into the config.
Root freshRoot(const Target& t, const JsonObject& extra = nullptr);
std::unique_ptr<Adapter> makeAdapter(const Root& root);

}  // namespace igsgov::adapters::testing
