// AtomicFile: the one way igsgov writes files (issue 13: no predictable
// temporary name, no symbolic link followed).
#include "core/AtomicFile.hpp"

#include "WorkDir.hpp"

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace igsgov;

namespace {

class AtomicFileTest : public igsgov::testing::WorkDir {
protected:
  AtomicFileTest() : WorkDir("core") {}
  std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::vector<std::string> names() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string at(const std::string& name) { return (dir_ / name).string(); }
};

}  // namespace

TEST_F(AtomicFileTest, WritesTheWholeFileAndLeavesNothingElse) {
  writeFileAtomically(at("a.txt"), "eerste");
  writeFileAtomically(at("a.txt"), "tweede");
  EXPECT_EQ(read(at("a.txt")), "tweede");
  EXPECT_EQ(names(), std::vector<std::string>{"a.txt"});
}

TEST_F(AtomicFileTest, ReplacesALinkAtTheTargetInsteadOfFollowingIt) {
  std::string victim = write("slachtoffer.txt", "niet overschrijven");
  ASSERT_EQ(::symlink(victim.c_str(), at("uit.txt").c_str()), 0);
  writeFileAtomically(at("uit.txt"), "nieuw");
  EXPECT_EQ(read(victim), "niet overschrijven");
  struct stat st {};
  ASSERT_EQ(::lstat(at("uit.txt").c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(read(at("uit.txt")), "nieuw");
}

TEST_F(AtomicFileTest, TemporaryNamesAreUnpredictableAndOwnedByIgsgov) {
  AtomicFile a(at("x.txt")), b(at("x.txt"));
  EXPECT_NE(a.temporary(), b.temporary());
  for (const auto* f : {&a, &b}) {
    std::string name = std::filesystem::path(f->temporary()).filename().string();
    EXPECT_EQ(name.rfind(".igsgov-tmp-", 0), 0u) << name;
    EXPECT_EQ(name.size(), std::string(".igsgov-tmp-").size() + 16) << name;
    struct stat st {};
    ASSERT_EQ(::lstat(f->temporary().c_str(), &st), 0);
    EXPECT_TRUE(S_ISREG(st.st_mode));
  }
}

TEST_F(AtomicFileTest, NothingIsLeftWhenNotCommitted) {
  {
    AtomicFile f(at("half.txt"));
    f.write("half");
  }
  EXPECT_TRUE(names().empty());
}

TEST_F(AtomicFileTest, CommitNoReplaceLeavesAnExistingTarget) {
  write("er.txt", "al hier");
  AtomicFile f(at("er.txt"));
  f.write("nieuw");
  EXPECT_FALSE(f.commitNoReplace());
  EXPECT_EQ(read(at("er.txt")), "al hier");
  AtomicFile g(at("nieuw.txt"));
  g.write("nieuw");
  EXPECT_TRUE(g.commitNoReplace());
  EXPECT_EQ(read(at("nieuw.txt")), "nieuw");
}

TEST_F(AtomicFileTest, AMissingFolderIsAnErrorNamingTheFile) {
  try {
    writeFileAtomically(at("geen/map/x.txt"), "x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_EQ(e.place().fields.at("file"), at("geen/map/x.txt"));
  }
}

TEST(TempDir, IsPrivateAndRemovedWithItsContent) {
  std::string path;
  {
    TempDir d;
    path = d.path();
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    writeFileAtomically(path + "/x", "x");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}
