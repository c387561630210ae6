// A Session on a fresh register with config/sample/register.json imported,
// in <scratch>/ops-work/<test name>/ (tests/support/Scratch.hpp, emptied
// first): the real register the ops tests run against. Header-only test helper.
#pragma once

#include "ops/Session.hpp"
#include "tests/support/SampleRegister.hpp"
#include "tests/support/Scratch.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace igsgov::test {

inline std::unique_ptr<ops::Session> sampleSession() {
  auto dir = testing::scratchDir("ops", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  return std::make_unique<ops::Session>(testing::newSampleRegister(dir.string()), false);
}

}  // namespace igsgov::test
