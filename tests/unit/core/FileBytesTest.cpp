// readFileBytes: the exact bytes of small and large files (large ones take the
// huge-page hint path), nullopt for a missing file or a folder.
#include "core/FileBytes.hpp"
#include "WorkDir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace {

class FileBytesTest : public igsgov::testing::WorkDir {
protected:
  FileBytesTest() : WorkDir("filebytes") {}
  static std::string randomBytes(std::size_t n) {
    std::mt19937 gen(42);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(gen());
    return s;
  }
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
