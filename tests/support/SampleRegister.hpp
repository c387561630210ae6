// A new register with config/sample/register.json imported, for a test working
// in `dir` (a folder it owns): its address, to open with create=false. On
// PostgreSQL a copy of one imported template per process
// (tests/support/TestRegister.hpp newTestRegister), on SQLite imported anew
// in `dir`. Header-only test helper; not thread-safe (call from the test thread).
#pragma once

#include "core/Json.hpp"
#include "ops/Session.hpp"
#include "tests/support/TestRegister.hpp"

#include <string>

namespace igsgov::testing {

inline std::string newSampleRegister(const std::string& dir) {
  return newTestRegister(dir, "sample", [](const std::string& address) {
    ops::Session session(address, false);
    auto in = newObject();
    in->set("path", std::string(IGSGOV_SOURCE_DIR) + "/config/sample/register.json");
    session.execute("register.import", in, ops::Caller{});
  });
}

}  // namespace igsgov::testing
