// Where generated documents are recorded: below the register's folder
// relative to it, elsewhere absolute; found from any working directory.
// Issue 14: `generate --out docs` recorded "docs/…" relative to the working
// directory, so a sync started from another folder stopped with "ontbreekt of
// werd gewijzigd … genereer het opnieuw".
#include "DocumentsFixture.hpp"

#include "documents/DocumentPaths.hpp"
#include "store/Database.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace igsgov::testing {
namespace {

namespace fs = std::filesystem;
using documents::recordedDocumentPath;
using documents::resolveDocumentPath;

// Runs the body with `dir` as the working directory, then goes back.
class InFolder {
public:
  explicit InFolder(const std::string& dir) : back_(fs::current_path()) { fs::current_path(dir); }
  ~InFolder() { fs::current_path(back_); }

private:
  fs::path back_;
};

class DocumentPathsTest : public DocumentsFixture {
protected:
  std::vector<std::string> recorded() {
    std::vector<std::string> paths;
    auto list = run("documents.list", "{}")->getArray("documents");
    for (std::size_t i = 0; i < list->size(); ++i)
      paths.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::string>("recorded_path"));
    return paths;
  }
};

TEST_F(DocumentPathsTest, GeneratedFromOneFolderSyncedFromAnother) {
  fs::create_directories(dir_ + "/werk");
  fs::create_directories(dir_ + "/elders");
  JsonObject out;
  {
    InFolder in(dir_ + "/werk");
    out = generateInto("docs");  // relative to the working directory, as a user types it
  }
  auto docs = out->getArray("documents");
  ASSERT_GT(docs->size(), 0u);
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    const std::string path = d->getValue<std::string>("path");
    EXPECT_EQ(path.rfind(dir_ + "/werk/docs/", 0), 0u) << path;  // what was written, absolute
    EXPECT_EQ(d->getValue<std::string>("recorded_path").rfind("werk/docs/", 0), 0u);
  }
  // From another folder (and from the original one): every pushed file found.
  for (const std::string& cwd : {dir_ + "/elders", std::string("/"), dir_ + "/werk"}) {
    InFolder in(cwd);
    auto items = syncItems();
    ASSERT_EQ(items.size(), docs->size()) << cwd;
    for (const auto& item : items) EXPECT_EQ(item.file.rfind(dir_ + "/werk/docs/", 0), 0u) << item.file;
    auto listed = run("documents.list", "{}")->getArray("documents");
    for (std::size_t i = 0; i < listed->size(); ++i)
      EXPECT_TRUE(fs::is_regular_file(listed->getObject(static_cast<unsigned>(i))->getValue<std::string>("path")));
  }
}

TEST_F(DocumentPathsTest, ARegisterFolderMovedWithItsDocumentsKeepsThem) {
  generateInto(dir_ + "/docs");
  for (const auto& p : recorded()) EXPECT_EQ(p.rfind("docs/", 0), 0u) << p;
  session_.reset();
  const std::string moved = dir_ + "-verplaatst";
  fs::rename(dir_, moved);
  const std::string original = dir_;
  dir_ = moved;
  path_ = moved + "/register.db";
  session_ = std::make_unique<ops::Session>(path_, false);
  auto items = syncItems();
  ASSERT_FALSE(items.empty());
  for (const auto& item : items) EXPECT_EQ(item.file.rfind(moved + "/docs/", 0), 0u) << item.file;
  EXPECT_FALSE(fs::exists(original));
}

TEST_F(DocumentPathsTest, OutsideTheRegisterFolderTheAbsolutePathIsRecorded) {
  const std::string outside = dir_ + "-buiten";
  fs::create_directories(outside);
  {
    InFolder in(outside);
    generateInto(".");
  }
  for (const auto& p : recorded()) EXPECT_EQ(p.rfind(outside + "/engagementsverklaring", 0), 0u) << p;
  {
    InFolder in(dir_);
    EXPECT_FALSE(syncItems().empty());
  }
  fs::remove_all(outside);
}

// Rows written before issue 14 hold paths relative to the generating
// command's working directory; they are facts and are not rewritten.
TEST_F(DocumentPathsTest, RowsWrittenBeforeAreReadAsBefore) {
  const std::string cwd = dir_ + "-cwd";
  fs::create_directories(cwd);
  generateInto(cwd + "/oud");
  {
    // An old row: "oud/<file>" written from `cwd`, which is not the register's folder.
    store::Database db(path_, false);
    db.exec("UPDATE doc_generated SET output_path = substr(output_path, length('" + cwd + "/') + 1)");
  }
  for (const auto& p : recorded()) EXPECT_EQ(p.rfind("oud/", 0), 0u) << p;
  {
    InFolder in(cwd);  // where it worked before: it still does
    auto items = syncItems();
    ASSERT_FALSE(items.empty());
    for (const auto& item : items) EXPECT_EQ(item.file.rfind(cwd + "/oud/", 0), 0u) << item.file;
  }
  {
    InFolder in(dir_);  // where it never worked: the same clear error as before
    try {
      syncItems();
      FAIL() << "found a document that is not there";
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
      EXPECT_EQ(e.place().fields.at("file").rfind(dir_ + "/oud/", 0), 0u) << e.place().fields.at("file");
    }
  }
  fs::remove_all(cwd);
}

TEST(DocumentPaths, RecordAndResolve) {
  const std::string base = Poco::TemporaryFile::tempName();
  fs::create_directories(base + "/reg/documenten/a");
  fs::create_directories(base + "/elders");
  const std::string reg = base + "/reg/register.db";
  EXPECT_EQ(recordedDocumentPath(reg, base + "/reg/documenten/a/x.docx"), "documenten/a/x.docx");
  EXPECT_EQ(recordedDocumentPath(reg, base + "/reg/documenten/../x.docx"), "x.docx");
  EXPECT_EQ(recordedDocumentPath(reg, base + "/elders/x.docx"), base + "/elders/x.docx");
  EXPECT_EQ(recordedDocumentPath(reg, base + "/register2/x.docx"), base + "/register2/x.docx");  // no prefix match
  EXPECT_EQ(recordedDocumentPath(":memory:", base + "/reg/x.docx"), base + "/reg/x.docx");
  // A register opened through a symbolic link to its folder.
  fs::create_directory_symlink(base + "/reg", base + "/link");
  EXPECT_EQ(recordedDocumentPath(base + "/link/register.db", base + "/reg/documenten/a/x.docx"), "documenten/a/x.docx");
  EXPECT_EQ(recordedDocumentPath(reg, base + "/link/documenten/a/x.docx"), "documenten/a/x.docx");
  // Resolving: absolute stays; relative is below the register's folder.
  EXPECT_EQ(resolveDocumentPath(reg, base + "/elders/x.docx"), base + "/elders/x.docx");
  EXPECT_EQ(resolveDocumentPath(reg, "documenten/a/x.docx"), base + "/reg/documenten/a/x.docx");
  EXPECT_EQ(resolveDocumentPath(base + "/link/register.db", "documenten/a/x.docx"),
            base + "/link/documenten/a/x.docx");
  fs::remove_all(base);
}

}  // namespace
}  // namespace igsgov::testing
