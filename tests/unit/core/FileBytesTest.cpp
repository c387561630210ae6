// readFileBytes: the exact bytes of small and large files (large ones take the
// huge-page hint path), nullopt for a missing file or a folder.
#include "core/FileBytes.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace {

class FileBytesTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::path(IGSGOV_BINARY_DIR) / "tests" / "filebytes-work" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  std::string write(const std::string& name, const std::string& bytes) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string randomBytes(std::size_t n) {
    std::mt19937 gen(42);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(gen());
    return s;
  }
  fs::path dir_;
};

}  // namespace

TEST_F(FileBytesTest, ReadsEveryByteOfSmallEmptyAndLargeFiles) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4096}, std::size_t{(4u << 20) - 1},
                        std::size_t{(5u << 20) + 123}, std::size_t{9u << 20}}) {
    SCOPED_TRACE(n);
    std::string bytes = randomBytes(n);
    auto got = igsgov::readFileBytes(write("f" + std::to_string(n), bytes));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->size(), n);
    EXPECT_TRUE(*got == bytes);
  }
}

TEST_F(FileBytesTest, NothingForAMissingFileOrAFolder) {
  EXPECT_FALSE(igsgov::readFileBytes((dir_ / "missing").string()).has_value());
  EXPECT_FALSE(igsgov::readFileBytes(dir_.string()).has_value());
}
