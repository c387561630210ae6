// A fresh folder per test under the build tree (tests/<area>-work/<test name>),
// with a helper that writes a file into it. Used by the file-reading tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace igsgov::testing {

class WorkDir : public ::testing::Test {
protected:
  explicit WorkDir(std::string area) : area_(std::move(area)) {}
  void SetUp() override {
    dir_ = std::filesystem::path(IGSGOV_BINARY_DIR) / "tests" / (area_ + "-work") /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
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
