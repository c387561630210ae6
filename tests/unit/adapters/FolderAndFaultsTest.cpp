// Folder-specific rules (symbolic links, temporary files, hash cache) and the
// fault-injecting decorator around a real folder adapter.
#include "adapters/common/FaultInjectingAdapter.hpp"
#include "adapters/folder/FolderAdapter.hpp"
#include "core/Sha256.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace igsgov::adapters {
namespace {

template <typename Fn>
ErrorCode codeOf(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.errorCode();
  }
  return ErrorCode::ok;
}

class FolderTest : public ::testing::Test {
protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("igsgov-folder-unit-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "root");
    fs::create_directories(base_ / "outside");
    std::ofstream(base_ / "outside" / "secret.txt") << "secret";
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
};

TEST_F(FolderTest, SymbolicLinksLeavingTheRootAreRefused) {
  fs::create_directory_symlink(base_ / "outside", base_ / "root" / "escape");
  fs::create_symlink(base_ / "outside" / "secret.txt", base_ / "root" / "secret-link.txt");
  fs::create_directories(base_ / "root" / "inside");
  fs::create_directory_symlink(base_ / "root" / "inside", base_ / "root" / "alias");
  folder::FolderAdapter a((base_ / "root").string());
  EXPECT_EQ(codeOf([&] { a.get("escape/secret.txt"); }), ErrorCode::invalid);
  EXPECT_EQ(codeOf([&] { a.get("secret-link.txt"); }), ErrorCode::invalid);
  EXPECT_EQ(codeOf([&] { a.put("escape/new.txt", "x"); }), ErrorCode::invalid);
  EXPECT_EQ(codeOf([&] { a.list("escape"); }), ErrorCode::invalid);
  EXPECT_FALSE(fs::exists(base_ / "outside" / "new.txt"));
  // Links that stay inside work; links that leave are not listed.
  a.put("alias/f.txt", "via alias");
  EXPECT_EQ(a.get("inside/f.txt"), "via alias");
  std::set<std::string> names;
  for (const auto& e : a.list("")) names.insert(e.name);
  EXPECT_EQ(names, (std::set<std::string>{"alias", "inside"}));
}

TEST_F(FolderTest, EtagIsTheContentHashAndFollowsChanges) {
  folder::FolderAdapter a((base_ / "root").string());
  Entry e = a.put("f.txt", "one");
  EXPECT_EQ(e.sha256, sha256Hex("one"));
  EXPECT_EQ(e.etag, "\"" + sha256Hex("one") + "\"");
  // Changed behind the adapter's back with the same size and mtime restored: still detected.
  auto before = fs::last_write_time(base_ / "root" / "f.txt");
  std::ofstream(base_ / "root" / "f.txt") << "two";
  fs::last_write_time(base_ / "root" / "f.txt", before);
  auto st = a.stat("f.txt");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->sha256, sha256Hex("two"));
  EXPECT_EQ(codeOf([&] { a.put("f.txt", "three", Precondition::ifMatch(e.etag)); }), ErrorCode::conflict);
  EXPECT_EQ(a.get("f.txt"), "two");
}

TEST_F(FolderTest, FailedWritesLeaveNoTrace) {
  folder::FolderAdapter a((base_ / "root").string());
  a.put("f.txt", "old");
  EXPECT_EQ(codeOf([&] { a.put("f.txt", "new", Precondition::createOnly()); }), ErrorCode::conflict);
  std::size_t files = 0;
  for (const auto& d : fs::directory_iterator(base_ / "root")) {
    (void)d;
    ++files;
  }
  EXPECT_EQ(files, 1u);  // no temporary file left behind
  EXPECT_EQ(a.get("f.txt"), "old");
}

TEST_F(FolderTest, FaultInjectionWrapperForwardsAndFails) {
  FaultInjectingAdapter faulty(std::make_unique<folder::FolderAdapter>((base_ / "root").string()));
  faulty.arm("put", {ErrorCode::io, 1, 1, false});  // second put fails before writing
  std::vector<PutItem> items{{"a.txt", Content::bytes("a"), Precondition::createOnly()},
                             {"b.txt", Content::bytes("b"), Precondition::createOnly()},
                             {"c.txt", Content::bytes("c"), Precondition::createOnly()}};
  auto out = faulty.putMany(items);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].ok());
  ASSERT_FALSE(out[1].ok());
  EXPECT_EQ(out[1].error->errorCode(), ErrorCode::io);
  EXPECT_EQ(out[1].error->place().fields.at("path"), "'b.txt'");
  EXPECT_TRUE(out[2].ok());
  EXPECT_FALSE(faulty.stat("b.txt"));
  EXPECT_EQ(faulty.calls("put"), 3);

  // A lost response: the write happened, the caller sees a failure, a retry
  // with createOnly then reports the conflict instead of writing twice.
  faulty.arm("put", {ErrorCode::io, 0, 1, true});
  EXPECT_EQ(codeOf([&] { faulty.put("d.txt", "d", Precondition::createOnly()); }), ErrorCode::io);
  EXPECT_EQ(faulty.target().get("d.txt"), "d");
  EXPECT_EQ(codeOf([&] { faulty.put("d.txt", "d", Precondition::createOnly()); }), ErrorCode::conflict);

  faulty.arm("list", {ErrorCode::denied, 0, -1, false});
  EXPECT_EQ(codeOf([&] { faulty.list(""); }), ErrorCode::denied);
  EXPECT_EQ(codeOf([&] { faulty.list(""); }), ErrorCode::denied);
  faulty.disarmAll();
  EXPECT_EQ(faulty.list("").size(), 3u);
  // The base still validates paths before any hook runs.
  EXPECT_EQ(codeOf([&] { faulty.get("../etc/passwd"); }), ErrorCode::invalid);
}

// Properties passed to putMany: the folder keeps none, so the uploads stand
// and carry propertiesError; a fault in setProperties is reported the same way.
TEST_F(FolderTest, PutManyPropertiesFailOnTheirOwnAndTheUploadsStand) {
  FaultInjectingAdapter faulty(std::make_unique<folder::FolderAdapter>((base_ / "root").string()));
  std::vector<PutItem> items{{"a.txt", Content::bytes("a"), Precondition::createOnly(), {{"kind", "statuten"}}},
                             {"b.txt", Content::bytes("b"), Precondition::createOnly()},
                             {"c.txt", Content::bytes("c"), Precondition::createOnly(), {{"no good", "x"}}}};
  auto out = faulty.putMany(items);
  ASSERT_EQ(out.size(), 3u);
  for (const auto& o : out) ASSERT_TRUE(o.ok()) << o.error->fullText();
  ASSERT_TRUE(out[0].propertiesError);
  EXPECT_EQ(out[0].propertiesError->errorCode(), ErrorCode::unsupported);
  EXPECT_EQ(out[0].propertiesError->place().fields.at("path"), "'a.txt'");
  EXPECT_FALSE(out[1].propertiesError);
  ASSERT_TRUE(out[2].propertiesError);
  EXPECT_EQ(out[2].propertiesError->errorCode(), ErrorCode::invalid);
  EXPECT_EQ(faulty.calls("setProperties"), 1);  // neither the empty nor the invalid set reached the hook
  EXPECT_EQ(faulty.get("a.txt"), "a");
  EXPECT_EQ(faulty.get("c.txt"), "c");

  faulty.arm("setProperties", {ErrorCode::busy, 0, 1, false});
  auto again = faulty.putMany({{"d.txt", Content::bytes("d"), Precondition::createOnly(), {{"kind", "x"}}}});
  ASSERT_TRUE(again[0].ok());
  ASSERT_TRUE(again[0].propertiesError);
  EXPECT_EQ(again[0].propertiesError->errorCode(), ErrorCode::busy);
  EXPECT_EQ(faulty.get("d.txt"), "d");
}

// A hook that lets a foreign exception through is normalised to Error(io).
class Throwing : public AdapterWrapper {
public:
  using AdapterWrapper::AdapterWrapper;

protected:
  std::optional<Entry> doStat(const RelPath&) override { throw std::runtime_error("disk on fire"); }
};

TEST_F(FolderTest, ForeignExceptionsBecomeIoErrors) {
  folder::FolderAdapter inner((base_ / "root").string());
  Throwing t(inner);
  try {
    t.stat("x.txt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
    EXPECT_NE(e.message().find("disk on fire"), std::string::npos);
    EXPECT_EQ(e.place().fields.at("path"), "'x.txt'");
  }
}

}  // namespace
}  // namespace igsgov::adapters
