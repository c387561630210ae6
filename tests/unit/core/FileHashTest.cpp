// hashFile: SHA-256 and size of files smaller and larger than the caller's
// buffer, of an empty file, and nullopt for a missing file or a folder.
#include "core/FileHash.hpp"
#include "core/Sha256.hpp"
#include "WorkDir.hpp"

#include <gtest/gtest.h>

namespace {

class FileHashTest : public igsgov::testing::WorkDir {
protected:
  FileHashTest() : WorkDir("filehash") {}
};

TEST_F(FileHashTest, HashesThroughABufferOfAnySize) {
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += "regel " + std::to_string(i) + "\n";
  auto path = write("a.txt", bytes);
  for (std::size_t size : {std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
    std::vector<char> buffer(size);
    auto h = igsgov::hashFile(path, buffer);
    ASSERT_TRUE(h) << size;
    EXPECT_EQ(h->sha256, igsgov::sha256Hex(bytes)) << size;
    EXPECT_EQ(h->size, bytes.size()) << size;
  }
}

TEST_F(FileHashTest, EmptyFileAndMissingOnes) {
  std::vector<char> buffer(64);
  auto empty = igsgov::hashFile(write("empty", ""), buffer);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->sha256, igsgov::sha256Hex(""));
  EXPECT_EQ(empty->size, 0u);
  EXPECT_FALSE(igsgov::hashFile((dir_ / "missing").string(), buffer));
  EXPECT_FALSE(igsgov::hashFile(dir_.string(), buffer));  // a folder reads as an error
}

}  // namespace
