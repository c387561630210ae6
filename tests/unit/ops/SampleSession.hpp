// A Session on a fresh register with config/sample/register.json imported,
// in <build>/tests/ops-work/<test name>/ (emptied first): the real register
// the ops tests run against. Header-only test helper.
#pragma once

#include "ops/Session.hpp"
#include "tests/support/Scratch.hpp"
#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace igsgov::test {

inline std::unique_ptr<ops::Session> sampleSession() {
  auto dir = testing::scratchDir("ops", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  auto session = std::make_unique<ops::Session>(testing::testRegisterAddress(dir.string()), true);
  auto in = newObject();
  in->set("path", std::string(IGSGOV_SOURCE_DIR) + "/config/sample/register.json");
  session->execute("register.import", in, ops::Caller{});
  return session;
}

}  // namespace igsgov::test
