// The three-way decision per path (sync/Plan.hpp), one case per rule.
#include "sync/Plan.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::sync;

namespace {

const std::string A(64, 'a'), B(64, 'b'), C(64, 'c');

Desired want(const std::string& sha) {
  Desired d;
  d.path = "x/doc.docx";
  d.kind = "push";
  d.sha256 = sha;
  d.size = 10;
  d.item = "v1";
  d.version = "ontwerp";
  return d;
}
PathState base(const std::string& sha, const std::string& etag = "\"e1\"") {
  PathState s;
  s.path = "x/doc.docx";
  s.kind = "push";
  s.sha256 = sha;
  s.etag = etag;
  s.size = 10;
  s.item = "v1";
  s.version = "ontwerp";
  return s;
}
adapters::Entry remote(const std::string& etag, std::uint64_t size = 10) {
  adapters::Entry e;
  e.path = "x/doc.docx";
  e.name = "doc.docx";
  e.etag = etag;
  e.size = size;
  return e;
}

struct Fixture {
  std::map<std::string, std::string> contentByEtag;  // what a download would hash to
  int downloads = 0;
  std::map<std::string, adapters::Entry> all;
  RemoteHash hash() {
    return [this](const adapters::Entry& e, const PathState* b) {
      std::string k = knownRemoteHash(e, b);
      if (!k.empty()) return k;
      ++downloads;
      return contentByEtag.at(e.etag);
    };
  }
  std::optional<Action> run(const Desired* d, const PathState* s, const adapters::Entry* r) {
    return decide("x/doc.docx", d, s, r, all, hash());
  }
};

}  // namespace

TEST(SyncPlan, NewItemNothingThereIsCreated) {
  Fixture f;
  auto d = want(A);
  auto a = f.run(&d, nullptr, nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::create);
  EXPECT_TRUE(a->transfers());
}

TEST(SyncPlan, UnchangedBothSidesWithStrongEtagNeedsNoDownload) {
  Fixture f;
  auto d = want(A);
  auto s = base(A);
  auto r = remote("\"e1\"");
  EXPECT_FALSE(f.run(&d, &s, &r));
  EXPECT_EQ(f.downloads, 0);
}

TEST(SyncPlan, WeakOrChangedEtagIsConfirmedByHash) {
  Fixture f;
  f.contentByEtag["W/\"e1\""] = A;
  f.contentByEtag["\"e2\""] = A;
  auto d = want(A);
  auto s = base(A);
  auto weak = remote("W/\"e1\"");
  weak.weakEtag = true;
  auto a = f.run(&d, &s, &weak);
  ASSERT_TRUE(a);  // same content, other etag: the state is refreshed, nothing is sent
  EXPECT_EQ(a->type, ActionType::adopt);
  EXPECT_FALSE(a->transfers());
  auto changed = remote("\"e2\"");
  a = f.run(&d, &s, &changed);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::adopt);
  EXPECT_EQ(f.downloads, 2);
}

TEST(SyncPlan, SameSizeEditInTheRegisterIsAnUpdateWithIfMatch) {
  Fixture f;
  auto d = want(B);  // same size 10, other content
  auto s = base(A);
  auto r = remote("\"e1\"");
  auto a = f.run(&d, &s, &r);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::update);
  EXPECT_EQ(a->remoteSha, A);
}

TEST(SyncPlan, SameSizeEditOnTheTargetIsNoticedAndNotOverwritten) {
  Fixture f;
  f.contentByEtag["\"e2\""] = B;
  auto d = want(A);
  auto s = base(A);
  auto r = remote("\"e2\"", 10);
  auto a = f.run(&d, &s, &r);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::remoteChanged);
  EXPECT_FALSE(a->transfers());
  // Recorded once: the same remote change is not reported as a new action.
  auto recorded = base(A);
  recorded.status = "remote_changed";
  recorded.conflictRemoteSha = B;
  EXPECT_FALSE(f.run(&d, &recorded, &r));
}

TEST(SyncPlan, BothChangedIsAConflictKeepingBoth) {
  Fixture f;
  f.contentByEtag["\"e2\""] = B;
  auto d = want(C);
  auto s = base(A);
  auto r = remote("\"e2\"");
  auto a = f.run(&d, &s, &r);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::conflict);
  EXPECT_EQ(a->conflictPath, "x/doc.conflict-cccccccc.docx");
  EXPECT_TRUE(a->transfers());
  // Once our copy is there and the conflict recorded, nothing more happens.
  adapters::Entry copy = remote("\"e3\"");
  copy.path = a->conflictPath;
  f.contentByEtag["\"e3\""] = C;
  f.all[a->conflictPath] = copy;
  auto recorded = base(A);
  recorded.status = "conflict";
  recorded.conflictRemoteSha = B;
  recorded.conflictLocalSha = C;
  recorded.conflictPath = a->conflictPath;
  EXPECT_FALSE(f.run(&d, &recorded, &r));
}

TEST(SyncPlan, UnknownFileInTheWayIsAConflictUnlessItIsOurs) {
  Fixture f;
  f.contentByEtag["\"x\""] = B;
  f.contentByEtag["\"y\""] = A;
  auto d = want(A);
  auto other = remote("\"x\"");
  auto a = f.run(&d, nullptr, &other);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::conflict);
  auto ours = remote("\"y\"");
  a = f.run(&d, nullptr, &ours);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::adopt);  // e.g. uploaded before a crash
}

TEST(SyncPlan, DeletedOnTargetIsRestored) {
  Fixture f;
  auto d = want(A);
  auto s = base(A);
  auto a = f.run(&d, &s, nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::restore);
}

TEST(SyncPlan, GoneFromRegisterIsDeletedOnlyWhenTargetUnchanged) {
  Fixture f;
  f.contentByEtag["\"e2\""] = B;
  auto s = base(A);
  auto same = remote("\"e1\"");
  auto a = f.run(nullptr, &s, &same);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::remove);
  auto changed = remote("\"e2\"");
  a = f.run(nullptr, &s, &changed);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::forget);
  a = f.run(nullptr, &s, nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::forget);
}

TEST(SyncPlan, ConflictNames) {
  EXPECT_EQ(conflictName("a/b.docx", A), "a/b.conflict-aaaaaaaa.docx");
  EXPECT_EQ(conflictName("noext", B), "noext.conflict-bbbbbbbb");
  EXPECT_EQ(conflictName("d/.hidden", C), "d/.hidden.conflict-cccccccc");
  EXPECT_EQ(conflictName("x.tar.gz", A), "x.tar.conflict-aaaaaaaa.gz");
}
