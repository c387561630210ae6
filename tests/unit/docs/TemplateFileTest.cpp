// Reading a template from disk: only regular files, never more than the cap.
// Issue 14: `template check` said "in orde" for a folder and read 2 GB of
// /dev/zero before giving up.
#include "DocFixtures.hpp"

#include "docs/Template.hpp"
#include "docs/TemplateFile.hpp"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>

using namespace igsgov;
using namespace igsgov::docs;

namespace {

class TemplateFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
  }
  void TearDown() override { Poco::File(dir_).remove(true); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // The Error readTemplateFile (or checkTemplateFile) throws for `path`.
  static Error errorFor(const std::string& path, std::size_t max = kMaxTemplateBytes) {
    try {
      readTemplateFile(path, max);
    } catch (const Error& e) {
      if (max != kMaxTemplateBytes) return e;
      try {
        checkTemplateFile(path);  // the path `template check` takes
      } catch (const Error& again) {
        EXPECT_EQ(again.message(), e.message());
        return e;
      }
      ADD_FAILURE() << "checkTemplateFile accepted " << path;
      return e;
    }
    ADD_FAILURE() << "read " << path;
    return Error(ErrorCode::ok, "");
  }

  std::string dir_;
};

}  // namespace

TEST_F(TemplateFileTest, AFolderIsRefusedNamingIt) {
  Poco::File(dir_ + "/map").createDirectories();
  Error e = errorFor(dir_ + "/map");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.message().find("is een map"), std::string::npos) << e.message();
  EXPECT_EQ(e.place().fields.at("file"), dir_ + "/map");
}

TEST_F(TemplateFileTest, DevicesAndPipesAreRefusedWithoutReading) {
  Error zero = errorFor("/dev/zero");
  EXPECT_EQ(zero.errorCode(), ErrorCode::invalid);
  EXPECT_NE(zero.message().find("apparaat"), std::string::npos) << zero.message();
  // A FIFO without a writer: opening must not block, and it is refused.
  std::string fifo = dir_ + "/pijp";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Error pipe = errorFor(fifo);
  EXPECT_NE(pipe.message().find("FIFO"), std::string::npos) << pipe.message();
}

TEST_F(TemplateFileTest, SizeIsCappedAtTheLimitNamingTheFile) {
  std::string path = write("groot.md", std::string(1000, 'x'));
  EXPECT_EQ(readTemplateFile(path, 1000).size(), 1000u);  // at the cap: read
  Error e = errorFor(path, 999);
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.message().find("te groot"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("groot.md"), std::string::npos) << e.message();
  // The default cap, through the check: a sparse file one byte over it.
  std::string huge = dir_ + "/huge.docx";
  { std::ofstream(huge, std::ios::binary); }
  ASSERT_EQ(::truncate(huge.c_str(), static_cast<off_t>(kMaxTemplateBytes + 1)), 0);
  Error big = errorFor(huge);
  EXPECT_NE(big.message().find("maximum 64 MiB"), std::string::npos) << big.message();
}

TEST_F(TemplateFileTest, MissingFileIsNotFound) {
  Error e = errorFor(dir_ + "/geen.docx");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_NE(e.message().find("bestaat niet"), std::string::npos);
}

TEST_F(TemplateFileTest, RegularFilesAndLinksToThemAreRead) {
  std::string path = write("brief.md", "Dag {naam}\n");
  std::string link = dir_ + "/link.md";
  ASSERT_EQ(::symlink(path.c_str(), link.c_str()), 0);
  EXPECT_EQ(readTemplateFile(link), "Dag {naam}\n");
  CheckResult r = checkTemplateFile(link);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.tags.size(), 1u);
}
