// The three-way decision per path (sync/Plan.hpp), one case per rule.
#include "sync/Plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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
  std::map<std::string, adapters::Entry> all;  // the target's listing (decideAll)
  RemoteHash hash() {
    return [this](const adapters::Entry& e, const PathState* b) {
      std::string k = knownRemoteHash(e, b);
      if (!k.empty()) return k;
      ++downloads;
      return contentByEtag.at(e.etag);
    };
  }
  std::optional<Action> run(const Desired* d, const PathState* s, const adapters::Entry* r) {
    return decide("x/doc.docx", d, s, r, hash());
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
  EXPECT_FALSE(a->transfers());  // the copy is a path of its own (decideAll)
  // Once the conflict is recorded, nothing more happens at this path.
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

// decideAll: a conflict plans the copy and its sidecar as paths of their own, and rewrites the
// document's sidecar to describe the target's file; a conflict at a copy's path gets no copy.
TEST(SyncPlan, AConflictPlansItsCopyAndTheSidecarsDescribingBothFiles) {
  Fixture f;
  f.contentByEtag["\"e2\""] = B;
  auto description = std::make_shared<Description>();
  description->kind = "statuten";
  description->item = "v1";
  description->version = "ontwerp";
  description->sha256 = C;
  description->size = 10;
  std::map<std::string, Desired> desired;
  Desired d = want(C);
  d.description = description;
  Desired sc = sidecarDesired(d.path, *description, sidecarText(*description, d.path));
  d.sidecarPath = sc.path;
  desired[d.path] = d;
  desired[sc.path] = sc;
  std::map<std::string, PathState> states{{d.path, base(A)}};
  f.all[d.path] = remote("\"e2\"");
  auto plan = decideAll(desired, states, {}, f.all, f.hash());
  std::map<std::string, ActionType> byPath;
  for (const auto& a : plan) byPath[a.path] = a.type;
  const std::string copy = "x/doc.conflict-cccccccc.docx";
  EXPECT_EQ(byPath, (std::map<std::string, ActionType>{{copy, ActionType::create},
                                                       {copy + ".igsgov.json", ActionType::create},
                                                       {"x/doc.docx", ActionType::conflict},
                                                       {"x/doc.docx.igsgov.json", ActionType::create}}));
  EXPECT_TRUE(std::is_sorted(plan.begin(), plan.end(), [](const Action& x, const Action& y) { return x.path < y.path; }));
  EXPECT_EQ(desired.at(copy).copyOf, "x/doc.docx");
  EXPECT_EQ(desired.at(copy).sha256, C);
  auto theirs = parseJsonObject(desired.at("x/doc.docx.igsgov.json").literal);
  EXPECT_EQ(theirs->getValue<std::string>("sha256"), B);
  EXPECT_EQ(theirs->getValue<std::string>("status"), "conflict");
  auto mine = parseJsonObject(desired.at(copy + ".igsgov.json").literal);
  EXPECT_EQ(mine->getValue<std::string>("sha256"), C);
  EXPECT_EQ(mine->getValue<std::string>("file"), "doc.conflict-cccccccc.docx");
  // Someone else's file where a copy should go: a conflict there, reported, without a copy.
  Desired c = want(C);
  c.path = copy;
  c.copyOf = "x/doc.docx";
  auto other = remote("\"e2\"");
  auto a = decide(copy, &c, nullptr, &other, f.hash());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->type, ActionType::conflict);
  EXPECT_EQ(a->conflictPath, "");
}
