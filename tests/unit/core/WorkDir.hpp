// A fresh folder per test (<scratch>/<area>-work/<test name>, tests/support/Scratch.hpp),
// with a helper that writes a file into it. Used by the file-reading tests.
#pragma once

#include "tests/support/Scratch.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace igsgov::testing {

class WorkDir : public ::testing::Test {
protected:
  explicit WorkDir(std::string area) : area_(std::move(area)) {}
  void SetUp() override {
    dir_ = scratchDir(area_, ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string write(const std::string& name, const std::string& bytes) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string area_;
  std::filesystem::path dir_;
};

}  // namespace igsgov::testing
