// The generated documents as a sync source: the newest generation per document
// is listed with its output file (streamed by the upload later); only those
// files are read; a pushed file that is gone stops the listing naming it.
#include "DocumentsFixture.hpp"

#include "core/FileHash.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace igsgov::testing {
namespace {

class DocumentsSourceTest : public DocumentsFixture {};

TEST_F(DocumentsSourceTest, NewestGenerationIsListedAndOnlyItsFilesAreRead) {
  generateInto(dir_ + "/first");
  generateInto(dir_ + "/second");
  std::filesystem::remove_all(dir_ + "/first");  // older generation gone: not needed
  auto listed = syncItems();
  ASSERT_EQ(listed.size(), filesIn(dir_ + "/second").size());
  std::vector<char> buffer(4096);
  for (const auto& it : listed) {
    EXPECT_EQ(it.file.rfind(dir_ + "/second/", 0), 0u) << it.file;
    EXPECT_FALSE(it.bytes) << it.path;  // streamed from the file, not loaded by the source
    auto h = hashFile(it.file, buffer);
    ASSERT_TRUE(h) << it.file;
    EXPECT_EQ(h->sha256, it.sha256);
    EXPECT_EQ(h->size, it.size);
    EXPECT_EQ(it.path.rfind("igs-cultuur-va/engagementsverklaringen/2025/", 0), 0u) << it.path;
  }
  const std::string gone = listed.front().file;
  std::filesystem::remove(gone);
  try {
    syncItems();
    FAIL() << "a missing generated document was listed";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_EQ(e.place().fields.at("file"), gone);
  }
}

}  // namespace
}  // namespace igsgov::testing
