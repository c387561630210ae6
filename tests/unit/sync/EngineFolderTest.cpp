// Whole runs of the engine against the folder adapter with a real register:
// first push, idempotent re-run, same-size edits on either side, conflicts,
// deletions and the max-delete guard, lock and resync, dry run, interrupted
// and failing runs, and audit.verify after all of it.
#include "SyncTestSupport.hpp"

#include "adapters/common/FaultInjectingAdapter.hpp"
#include "adapters/folder/FolderAdapter.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "sync/DirectorySource.hpp"
#include "sync/Engine.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

using namespace igsgov;
using namespace igsgov::sync;
using namespace igsgov::sync::testing;

namespace {

struct Env {
  std::string dir = tempDir("igsgov-sync");
  std::string local = dir + "/local";
  std::string remote = dir + "/remote";
  std::unique_ptr<records::Register> reg = freshRegister(dir);
  adapters::FaultInjectingAdapter* faults = nullptr;  // of the last engine made
  std::unique_ptr<Engine> failed;                      // see failingRun

  Env() {
    std::filesystem::create_directories(local);
    std::filesystem::create_directories(remote);
  }
  TargetConfig target(long long maxDelete = 20, long long batch = 200) {
    TargetConfig t;
    t.name = "archief";
    t.root = "igsgov";
    t.maxDelete = maxDelete;
    t.batch = batch;
    return t;
  }
  std::unique_ptr<Engine> engine(TargetConfig t) {
    auto inner = std::make_unique<adapters::folder::FolderAdapter>(remote);
    auto wrapped = std::make_unique<adapters::FaultInjectingAdapter>(std::move(inner));
    faults = wrapped.get();
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(std::make_unique<DirectorySource>(local));
    return std::make_unique<Engine>(*reg, std::move(t), std::move(wrapped), std::move(sources));
  }
  // An engine over one given source, straight on the folder adapter (no fault wrapper).
  std::unique_ptr<Engine> engineWith(std::unique_ptr<Source> source) {
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(std::move(source));
    return std::make_unique<Engine>(*reg, target(), std::make_unique<adapters::folder::FolderAdapter>(remote),
                                    std::move(sources));
  }
  JsonObject run(bool dry = false, long long maxDelete = 20, long long batch = 200) {
    RunOptions o;
    o.dryRun = dry;
    return engine(target(maxDelete, batch))->run(o);
  }
  // A run whose adapter has `fault` armed on `operation`; it must fail. The engine is kept
  // (in `failed`) so that `faults` can still be asked what it saw.
  void failingRun(const std::string& operation, adapters::FaultInjectingAdapter::Fault fault) {
    failed = engine(target());
    faults->arm(operation, fault);
    EXPECT_THROW(failed->run(RunOptions{}), Error);
  }
  // Nothing left to do, and the journal verifies.
  void expectSettled() {
    EXPECT_EQ(run()->getValue<Poco::Int64>("planned"), 0);
    EXPECT_TRUE(verifies(*reg));
  }
  std::string remoteFile(const std::string& rel) { return remote + "/igsgov/" + rel; }
  long long count(const JsonObject& out, const std::string& action) { return actionCount(out, action); }
  long long journalSize() {
    long long n = 0;
    reg->read([&](store::Database& db) {
      auto st = db.prepare("SELECT count(*) FROM journal");
      st.step();
      n = st.integer(0);
      return JsonObject();
    });
    return n;
  }
};

}  // namespace

TEST(SyncEngineFolder, FirstRunPushesFilesWithSidecarsAndReRunDoesNothing) {
  Env env;
  writeFile(env.local + "/igs-a/statuten/2024-01.docx", "statuten versie 1");
  writeFile(env.local + "/igs-a/engagementsverklaringen/2025/Zulte.docx", "verklaring Zulte");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "create"), 4);  // 2 files + 2 sidecars
  EXPECT_EQ(readFile(env.remoteFile("igs-a/statuten/2024-01.docx")), "statuten versie 1");
  auto sidecar = parseJsonObject(readFile(env.remoteFile("igs-a/statuten/2024-01.docx.igsgov.json")));
  EXPECT_EQ(sidecar->getValue<std::string>("sha256"), sha256Hex("statuten versie 1"));
  EXPECT_EQ(sidecar->getValue<std::string>("item"), "file:igs-a/statuten/2024-01.docx");
  long long entries = env.journalSize();
  auto again = env.run();
  EXPECT_EQ(again->getValue<Poco::Int64>("planned"), 0);
  EXPECT_EQ(again->getValue<Poco::Int64>("downloads_for_hash"), 0);
  EXPECT_EQ(env.journalSize(), entries);  // a no-change run writes nothing
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, SameSizeEditInTheSourceIsPushed) {
  Env env;
  writeFile(env.local + "/a.docx", "AAAA");
  env.run();
  writeFile(env.local + "/a.docx", "BBBB");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "update"), 2);  // the file and its sidecar
  EXPECT_EQ(readFile(env.remoteFile("a.docx")), "BBBB");
}

TEST(SyncEngineFolder, SameSizeEditOnTheTargetIsReportedNotOverwritten) {
  Env env;
  writeFile(env.local + "/a.docx", "AAAA");
  env.run();
  writeFile(env.remoteFile("a.docx"), "ZZZZ");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "remote_changed"), 1);
  EXPECT_EQ(readFile(env.remoteFile("a.docx")), "ZZZZ");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);  // reported once
}

TEST(SyncEngineFolder, BothSidesChangedKeepsBothUnderDeterministicNames) {
  Env env;
  writeFile(env.local + "/d/a.docx", "version 1");
  env.run();
  writeFile(env.remoteFile("d/a.docx"), "their edit");
  writeFile(env.local + "/d/a.docx", "our edit!");
  auto out = env.run();
  ASSERT_EQ(env.count(out, "conflict"), 1);
  std::string ours = "d/a.conflict-" + sha256Hex("our edit!").substr(0, 8) + ".docx";
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), "their edit");
  EXPECT_EQ(readFile(env.remoteFile(ours)), "our edit!");
  auto conflicts = out->getArray("conflicts");
  ASSERT_GE(conflicts->size(), 1u);
  EXPECT_EQ(conflicts->getObject(0)->getValue<std::string>("ours"), ours);
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);  // stable
  // Resolving by taking our version on the target clears the conflict.
  writeFile(env.remoteFile("d/a.docx"), "our edit!");
  auto resolved = env.run();
  EXPECT_EQ(env.count(resolved, "adopt"), 1);
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_EQ(status->getArray("attention")->size(), 0u);
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, RemovedItemsAreDeletedAndTheGuardLocksTheTarget) {
  Env env;
  for (int i = 0; i < 6; ++i) writeFile(env.local + "/f" + std::to_string(i) + ".docx", "x" + std::to_string(i));
  env.run();
  std::filesystem::remove(env.local + "/f0.docx");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "delete"), 2);
  EXPECT_FALSE(exists(env.remoteFile("f0.docx")));
  for (int i = 1; i < 6; ++i) std::filesystem::remove(env.local + "/f" + std::to_string(i) + ".docx");
  try {
    env.run(false, 4);  // 10 deletions planned, 4 allowed
    FAIL() << "max-delete guard did not refuse";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("max_delete"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(exists(env.remoteFile("f1.docx")));  // nothing deleted
  try {
    env.run(false, 100);
    FAIL() << "a locked target ran";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
    EXPECT_NE(std::string(e.what()).find("igsgov sync resync --target archief"), std::string::npos) << e.what();
  }
  RunOptions o;
  auto rs = env.engine(env.target())->resync(o);
  EXPECT_TRUE(rs->getValue<bool>("was_locked"));
  auto after = env.run(false, 100);
  EXPECT_EQ(env.count(after, "delete"), 10);
  EXPECT_FALSE(exists(env.remoteFile("f1.docx")));
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, DryRunChangesNothing) {
  Env env;
  writeFile(env.local + "/a.docx", "A");
  long long entries = env.journalSize();
  auto out = env.run(true);
  EXPECT_EQ(out->getArray("actions")->size(), 2u);
  EXPECT_FALSE(exists(env.remoteFile("a.docx")));
  EXPECT_EQ(env.journalSize(), entries);
}

TEST(SyncEngineFolder, IoFailureStopsTheRunAndTheNextRunResumes) {
  Env env;
  for (int i = 0; i < 30; ++i) writeFile(env.local + "/f" + std::to_string(i) + ".txt", "content " + std::to_string(i));
  auto e = env.engine(env.target(20, 10));
  env.faults->arm("put", {ErrorCode::io, 25, 1, false});
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_FALSE(status->getValue<bool>("locked"));  // io is not critical
  EXPECT_GT(status->getValue<Poco::Int64>("paths"), 0);
  auto out = env.run();
  EXPECT_LT(out->getValue<Poco::Int64>("planned"), 60);  // resumed, not restarted
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  for (int i = 0; i < 30; ++i)
    EXPECT_EQ(readFile(env.remoteFile("f" + std::to_string(i) + ".txt")), "content " + std::to_string(i));
  EXPECT_TRUE(verifies(*env.reg));
}

namespace {

// How often the journal recorded `action` as done for `path` (the batch entries' "actions" lists).
int journaled(records::Register& reg, const std::string& action, const std::string& path) {
  int out = 0;
  reg.read([&](store::Database& db) {
    auto st = db.prepare("SELECT input FROM journal WHERE operation = 'sync.run' ORDER BY seq");
    while (st.step()) {
      auto in = parseJsonObject(st.text(0));
      auto acts = in->getArray("actions");
      if (!acts) continue;
      for (std::size_t i = 0; i < acts->size(); ++i) {
        auto a = acts->getArray(static_cast<unsigned>(i));
        if (a->getElement<std::string>(0) == action && a->getElement<std::string>(1) == path) ++out;
      }
    }
    return JsonObject();
  });
  return out;
}

std::string lastRunStatus(records::Register& reg) {
  JsonObject status;
  reg.read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  auto runs = status->getArray("runs");
  return runs->size() == 0 ? "" : runs->getObject(0)->getValue<std::string>("status");
}

}  // namespace

// A batch uploads and deletes; an upload fails with io, which stops the run before the
// batch's deletions are attempted. They must not be recorded as done (their state stays),
// so the next run deletes the file instead of leaving it on the target untracked.
TEST(SyncEngineFolder, DeletionsNotAttemptedAfterAStoppingUploadStayForTheNextRun) {
  Env env;
  writeFile(env.local + "/old.docx", "old");
  writeFile(env.local + "/keep.docx", "keep");
  env.run();
  std::filesystem::remove(env.local + "/old.docx");
  for (int i = 0; i < 3; ++i) writeFile(env.local + "/new" + std::to_string(i) + ".docx", "new " + std::to_string(i));
  env.failingRun("put", {ErrorCode::io, 2, 1, false});  // the third upload of the batch fails
  EXPECT_EQ(env.faults->calls("remove"), 0);  // stopped before the deletions
  EXPECT_TRUE(exists(env.remoteFile("old.docx")));
  EXPECT_EQ(journaled(*env.reg, "delete", "old.docx"), 0) << "a deletion that never happened was journaled";
  EXPECT_EQ(journaled(*env.reg, "delete", "old.docx.igsgov.json"), 0);
  EXPECT_EQ(lastRunStatus(*env.reg), "failed");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "delete"), 2);  // old.docx and its sidecar
  EXPECT_FALSE(exists(env.remoteFile("old.docx")));
  EXPECT_FALSE(exists(env.remoteFile("old.docx.igsgov.json")));
  EXPECT_EQ(readFile(env.remoteFile("keep.docx")), "keep");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(readFile(env.remoteFile("new" + std::to_string(i) + ".docx")), "new " + std::to_string(i));
  env.expectSettled();
}

// A deletion that fails with io stops the run: the deletions after it in the batch are
// not attempted and must stay tracked too.
TEST(SyncEngineFolder, DeletionsAfterAStoppingDeletionStayForTheNextRun) {
  Env env;
  for (int i = 0; i < 3; ++i) writeFile(env.local + "/f" + std::to_string(i) + ".docx", "f" + std::to_string(i));
  env.run();
  for (int i = 0; i < 3; ++i) std::filesystem::remove(env.local + "/f" + std::to_string(i) + ".docx");
  env.failingRun("remove", {ErrorCode::io, 1, 1, false});  // the second deletion fails
  EXPECT_EQ(env.faults->calls("remove"), 2);
  int deletes = 0, left = 0;
  for (int i = 0; i < 3; ++i)
    for (std::string p : {"f" + std::to_string(i) + ".docx", "f" + std::to_string(i) + ".docx.igsgov.json"}) {
      deletes += journaled(*env.reg, "delete", p);
      left += exists(env.remoteFile(p)) ? 1 : 0;
    }
  EXPECT_EQ(deletes, 1);  // only the deletion that happened
  EXPECT_EQ(left, 5);
  EXPECT_EQ(lastRunStatus(*env.reg), "failed");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "delete"), 5);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(exists(env.remoteFile("f" + std::to_string(i) + ".docx")));
    EXPECT_FALSE(exists(env.remoteFile("f" + std::to_string(i) + ".docx.igsgov.json")));
  }
  env.expectSettled();
}

// Creating a folder fails with io: the run stops before any transfer of its batch. The run
// is recorded as failed (it used to stay 'running' until the next run called it interrupted)
// and the next run does the work.
TEST(SyncEngineFolder, AFolderThatCannotBeCreatedFailsTheRunAndTheNextRunDoesTheWork) {
  Env env;
  writeFile(env.local + "/d/a.docx", "a");
  env.failingRun("mkdirs", {ErrorCode::io, 0, 1, false});
  EXPECT_EQ(env.faults->calls("put"), 0);
  EXPECT_EQ(lastRunStatus(*env.reg), "failed");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "create"), 2);
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), "a");
  env.expectSettled();
}

TEST(SyncEngineFolder, IncompleteListingPlansNothingAndChangesNothing) {
  // A target that cannot list a folder in full (the WebDAV adapter turns a truncated listing into
  // Error(io)) must not be planned on: with a partial view, missing files would look deleted on the
  // target (restore) and unlisted ones unknown. The second folder's listing fails here.
  Env env;
  writeFile(env.local + "/a/keep.docx", "A1");
  writeFile(env.local + "/b/gone.docx", "B1");
  env.run();
  writeFile(env.local + "/a/keep.docx", "A2");
  std::filesystem::remove(env.local + "/b/gone.docx");
  writeFile(env.local + "/b/new.docx", "N1");
  long long entries = env.journalSize();
  auto e = env.engine(env.target());
  env.faults->arm("list", {ErrorCode::io, 1, -1, false});
  RunOptions o;
  try {
    e->run(o);
    FAIL() << "a run planned on an incomplete listing";
  } catch (const Error& err) {
    EXPECT_EQ(err.errorCode(), ErrorCode::io) << err.fullText();
  }
  EXPECT_GE(env.faults->calls("list"), 2);
  EXPECT_EQ(env.faults->calls("put"), 0);
  EXPECT_EQ(env.faults->calls("remove"), 0);
  EXPECT_EQ(env.journalSize(), entries);  // no run row, no intent, no state
  EXPECT_EQ(readFile(env.remoteFile("a/keep.docx")), "A1");
  EXPECT_EQ(readFile(env.remoteFile("b/gone.docx")), "B1");
  EXPECT_FALSE(exists(env.remoteFile("b/new.docx")));
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_FALSE(status->getValue<bool>("locked"));  // io: the next run simply tries again
  auto out = env.run();
  EXPECT_EQ(env.count(out, "update"), 2);  // file + sidecar
  EXPECT_EQ(readFile(env.remoteFile("a/keep.docx")), "A2");
  EXPECT_FALSE(exists(env.remoteFile("b/gone.docx")));
  EXPECT_EQ(readFile(env.remoteFile("b/new.docx")), "N1");
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, LostResponseAfterAWriteIsAdoptedByHash) {
  Env env;
  writeFile(env.local + "/a.txt", "alpha");
  auto e = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::io, 0, 1, true});  // written, but the answer is lost
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  auto out = env.run();
  EXPECT_GE(env.count(out, "adopt"), 1);
  EXPECT_EQ(readFile(env.remoteFile("a.txt")), "alpha");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
}

// A run dies after its uploads landed but before it recorded them (here: every
// answer lost); the register then edits one file and drops the other. The
// write-ahead intents make the next run see that content as its own: an
// update and a delete, not a conflict copy and a forgotten file.
TEST(SyncEngineFolder, UnrecordedUploadsThenLocalEditAndDeleteAreUpdateAndDelete) {
  Env env;
  writeFile(env.local + "/a.txt", "alpha");
  writeFile(env.local + "/b.txt", "beta");
  auto e = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::io, 0, -1, true});
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  ASSERT_EQ(readFile(env.remoteFile("a.txt")), "alpha");  // the uploads did land
  ASSERT_EQ(readFile(env.remoteFile("b.txt")), "beta");
  writeFile(env.local + "/a.txt", "alpha, edited");
  std::filesystem::remove(env.local + "/b.txt");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "conflict"), 0);
  EXPECT_EQ(env.count(out, "forget"), 0);
  EXPECT_EQ(env.count(out, "update"), 2);  // a.txt and its sidecar
  EXPECT_EQ(env.count(out, "delete"), 2);  // b.txt and its sidecar
  EXPECT_EQ(readFile(env.remoteFile("a.txt")), "alpha, edited");
  EXPECT_FALSE(std::filesystem::exists(env.remoteFile("b.txt")));
  EXPECT_FALSE(std::filesystem::exists(env.remoteFile("b.txt.igsgov.json")));
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  long long open = -1;
  env.reg->read([&](store::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM sync_intent WHERE rec_to IS NULL");
    st.step();
    open = st.integer(0);
    return JsonObject();
  });
  EXPECT_EQ(open, 0);  // every intent was settled
  EXPECT_TRUE(verifies(*env.reg));
}

// The next run is killed too, after recording its own (newer) intent but before
// that upload: the older intent still describes the target and must stay usable.
TEST(SyncEngineFolder, OlderIntentSurvivesANewerOneWhoseUploadNeverHappened) {
  Env env;
  writeFile(env.local + "/a.txt", "alpha");
  auto e = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::io, 0, -1, true});  // lands, unrecorded
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  writeFile(env.local + "/a.txt", "alpha, edited");
  auto e2 = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::io, 0, -1, false});  // intents recorded, nothing lands
  EXPECT_THROW(e2->run(o), Error);
  ASSERT_EQ(readFile(env.remoteFile("a.txt")), "alpha");
  auto out = env.run();
  EXPECT_EQ(env.count(out, "conflict"), 0);
  EXPECT_EQ(env.count(out, "update"), 2);
  EXPECT_EQ(readFile(env.remoteFile("a.txt")), "alpha, edited");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// An intent whose upload never reached the target is stale: closed, nothing adopted.
TEST(SyncEngineFolder, IntentOfAnUploadThatNeverLandedIsClosed) {
  Env env;
  writeFile(env.local + "/a.txt", "alpha");
  auto e = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::io, 0, -1, false});  // nothing is written
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  EXPECT_FALSE(std::filesystem::exists(env.remoteFile("a.txt")));
  auto out = env.run();
  EXPECT_EQ(env.count(out, "create"), 2);
  EXPECT_EQ(readFile(env.remoteFile("a.txt")), "alpha");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, DeniedIsCriticalAndLocks) {
  Env env;
  writeFile(env.local + "/a.txt", "alpha");
  auto e = env.engine(env.target());
  env.faults->arm("put", {ErrorCode::denied, 0, -1, false});
  RunOptions o;
  EXPECT_THROW(e->run(o), Error);
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_TRUE(status->getValue<bool>("locked"));
  EXPECT_NE(statusText(status).find("VERGRENDELD"), std::string::npos);
}

namespace {

// Lists like DirectorySource, then changes the local tree (edits or removes a
// listed file) before the engine uploads: the file changed after it was listed.
class ChangedAfterListing : public Source {
public:
  ChangedAfterListing(std::string root, std::function<void()> change) : inner_(std::move(root)), change_(std::move(change)) {}
  std::string name() const override { return "changed"; }
  std::vector<SourceItem> items(store::Database& db) override {
    auto out = inner_.items(db);
    change_();
    return out;
  }

private:
  DirectorySource inner_;
  std::function<void()> change_;
};

// One run in which `change` alters the local tree right after the listing; checks
// what every such case shares: a.docx skipped as a problem saying `why`, nothing of
// it on the target, b.docx sent (the run went on), the target not locked.
void runChangedAfterListing(Env& env, const std::function<void()>& change, const std::string& why) {
  writeFile(env.local + "/a.docx", "AAAA");
  writeFile(env.local + "/b.docx", "BBBB");
  auto out = env.engineWith(std::make_unique<ChangedAfterListing>(env.local, change))->run(RunOptions{});
  auto problems = out->getArray("problems");
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_EQ(problems->getObject(0)->getValue<std::string>("path"), "a.docx");
  EXPECT_NE(problems->getObject(0)->getValue<std::string>("message").find(why), std::string::npos);
  EXPECT_FALSE(exists(env.remoteFile("a.docx")));  // neither the listed nor the changed bytes
  EXPECT_EQ(readFile(env.remoteFile("b.docx")), "BBBB");
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_FALSE(status->getValue<bool>("locked"));
}

}  // namespace

TEST(SyncEngineFolder, FileEditedAfterListingIsSkippedAndSentByTheNextRun) {
  Env env;
  runChangedAfterListing(env, [&] { writeFile(env.local + "/a.docx", "ZZZZ"); }, "gewijzigd tijdens de sync");
  env.run();  // lists the new content and sends it
  EXPECT_EQ(readFile(env.remoteFile("a.docx")), "ZZZZ");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncEngineFolder, FileRemovedAfterListingIsSkippedAndForgottenByTheNextRun) {
  Env env;
  runChangedAfterListing(env, [&] { std::filesystem::remove(env.local + "/a.docx"); }, "verdween tijdens de sync");
  env.run();  // no longer lists it; its sidecar (uploaded in the same batch) is removed
  EXPECT_FALSE(exists(env.remoteFile("a.docx.igsgov.json")));
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// Bytes from the register (not a local file) that do not match their hash are
// a critical error: the register is damaged, the target is locked.
TEST(SyncEngineFolder, RegisterBytesThatDoNotMatchTheirHashLockTheTarget) {
  Env env;
  class WrongBytes : public Source {
  public:
    std::string name() const override { return "wrong"; }
    std::vector<SourceItem> items(store::Database&) override {
      SourceItem s;
      s.path = "w.docx";
      s.kind = "file";
      s.item = "file:w.docx";
      s.version = "1";
      s.sha256 = sha256Hex("what the register says");
      s.size = std::string("what the register says").size();
      s.bytes = [](store::Database&) { return std::string("what the register has!"); };
      return {s};
    }
  };
  try {
    env.engineWith(std::make_unique<WrongBytes>())->run(RunOptions{});
    FAIL() << "mismatching register bytes were uploaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::integrity) << e.fullText();
  }
  EXPECT_FALSE(exists(env.remoteFile("w.docx")));
  JsonObject status;
  env.reg->read([&](store::Database& db) { return status = targetStatus(db, "archief"); });
  EXPECT_TRUE(status->getValue<bool>("locked"));
}

TEST(SyncEngineFolder, CaseClashInTheSourceIsRefusedBeforeAnything) {
  Env env;
  writeFile(env.local + "/Readme.docx", "a");
  writeFile(env.local + "/README.docx", "b");
  try {
    env.run();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(std::string(e.what()).find("hoofdletters"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(exists(env.remoteFile("Readme.docx")));
}
