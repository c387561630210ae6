// What a conflict leaves on a folder target, and what resolving it does: every sidecar
// describes the bytes beside it (the target's own file in conflict, our copy beside it), and
// the run after the user resolves the conflict removes the copy and its sidecar, unless
// someone changed the copy meanwhile (then it is theirs: left alone).
#include "SyncTestSupport.hpp"

#include "adapters/folder/FolderAdapter.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "sync/DirectorySource.hpp"
#include "sync/Engine.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace igsgov;
using namespace igsgov::sync;
using namespace igsgov::sync::testing;

namespace {

const std::string ours = "our edit!";
const std::string theirs = "their edit";

struct Env {
  std::string dir = tempDir("igsgov-syncconflict");
  std::string local = dir + "/local";
  std::string remote = dir + "/remote";
  std::unique_ptr<records::Register> reg = freshRegister(dir);

  Env() {
    std::filesystem::create_directories(local);
    std::filesystem::create_directories(remote);
  }
  JsonObject run(long long maxDelete = 20) {
    TargetConfig t;
    t.name = "archief";
    t.root = "igsgov";
    t.maxDelete = maxDelete;
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(std::make_unique<DirectorySource>(local));
    Engine e(*reg, std::move(t), std::make_unique<adapters::folder::FolderAdapter>(remote), std::move(sources));
    return e.run(RunOptions{});
  }
  std::string remoteFile(const std::string& rel) { return remote + "/igsgov/" + rel; }
  JsonObject sidecar(const std::string& rel) { return parseJsonObject(readFile(remoteFile(rel + ".igsgov.json"))); }
  // d/a.docx synced, then changed on both sides: a conflict.
  std::string makeConflict() {
    writeFile(local + "/d/a.docx", "version 1");
    run();
    writeFile(remoteFile("d/a.docx"), theirs);
    writeFile(local + "/d/a.docx", ours);
    auto out = run();
    EXPECT_EQ(actionCount(out, "conflict"), 1);
    return "d/a.conflict-" + sha256Hex(ours).substr(0, 8) + ".docx";
  }
  void expectSettled() {
    EXPECT_EQ(run()->getValue<Poco::Int64>("planned"), 0);
    EXPECT_TRUE(verifies(*reg));
  }
  JsonObject status() {
    JsonObject s;
    reg->read([&](store::Database& db) { return s = targetStatus(db, "archief"); });
    return s;
  }
};

}  // namespace

TEST(SyncEngineConflict, EachSidecarDescribesTheBytesBesideIt) {
  Env env;
  std::string copy = env.makeConflict();
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), theirs);
  EXPECT_EQ(readFile(env.remoteFile(copy)), ours);
  // Beside the target's own file: its bytes, not the register's version (which is the copy).
  auto sc = env.sidecar("d/a.docx");
  EXPECT_EQ(sc->getValue<std::string>("sha256"), sha256Hex(theirs));
  EXPECT_EQ(sc->getValue<Poco::Int64>("size"), static_cast<Poco::Int64>(theirs.size()));
  EXPECT_EQ(sc->getValue<std::string>("status"), "conflict");
  EXPECT_FALSE(sc->has("version"));
  auto reg = sc->getObject("register_version");
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->getValue<std::string>("sha256"), sha256Hex(ours));
  EXPECT_EQ(reg->getValue<std::string>("file"), copy.substr(2));
  // Beside the copy: the copy.
  ASSERT_TRUE(exists(env.remoteFile(copy + ".igsgov.json")));
  auto csc = env.sidecar(copy);
  EXPECT_EQ(csc->getValue<std::string>("sha256"), sha256Hex(ours));
  EXPECT_EQ(csc->getValue<Poco::Int64>("size"), static_cast<Poco::Int64>(ours.size()));
  EXPECT_EQ(csc->getValue<std::string>("file"), copy.substr(2));
  EXPECT_FALSE(csc->has("status"));
  EXPECT_EQ(csc->getValue<std::string>("item"), sc->getValue<std::string>("item"));
  env.expectSettled();  // a recorded conflict is stable
  auto att = env.status()->getArray("attention");
  ASSERT_EQ(att->size(), 1u);
  EXPECT_EQ(att->getObject(0)->getValue<std::string>("ours"), copy);
}

// Resolved by putting our version on the target under the normal name: the copy is redundant.
TEST(SyncEngineConflict, TakingOursOnTheTargetRemovesTheCopy) {
  Env env;
  std::string copy = env.makeConflict();
  writeFile(env.remoteFile("d/a.docx"), ours);
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "adopt"), 1);
  EXPECT_EQ(actionCount(out, "delete"), 2);  // the copy and its sidecar
  EXPECT_FALSE(exists(env.remoteFile(copy)));
  EXPECT_FALSE(exists(env.remoteFile(copy + ".igsgov.json")));
  auto sc = env.sidecar("d/a.docx");
  EXPECT_EQ(sc->getValue<std::string>("sha256"), sha256Hex(ours));
  EXPECT_FALSE(sc->has("status"));
  EXPECT_EQ(env.status()->getArray("attention")->size(), 0u);
  env.expectSettled();
}

// Resolved by taking theirs into the register: the copy held the version the user dropped.
TEST(SyncEngineConflict, TakingTheirsIntoTheRegisterRemovesTheCopy) {
  Env env;
  std::string copy = env.makeConflict();
  writeFile(env.local + "/d/a.docx", theirs);
  env.run();
  EXPECT_FALSE(exists(env.remoteFile(copy)));
  EXPECT_FALSE(exists(env.remoteFile(copy + ".igsgov.json")));
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), theirs);
  EXPECT_EQ(env.sidecar("d/a.docx")->getValue<std::string>("sha256"), sha256Hex(theirs));
  EXPECT_EQ(env.status()->getArray("attention")->size(), 0u);
  env.expectSettled();
}

// The register changes once more while the conflict lasts: a new copy, the old one goes.
TEST(SyncEngineConflict, ANewerRegisterVersionReplacesTheCopy) {
  Env env;
  std::string copy = env.makeConflict();
  const std::string third = "our third";
  writeFile(env.local + "/d/a.docx", third);
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "conflict"), 1);
  std::string copy2 = "d/a.conflict-" + sha256Hex(third).substr(0, 8) + ".docx";
  EXPECT_EQ(readFile(env.remoteFile(copy2)), third);
  EXPECT_FALSE(exists(env.remoteFile(copy)));
  EXPECT_FALSE(exists(env.remoteFile(copy + ".igsgov.json")));
  EXPECT_EQ(env.sidecar("d/a.docx")->getObject("register_version")->getValue<std::string>("file"), copy2.substr(2));
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), theirs);
  env.expectSettled();
}

// The document leaves the register while in conflict: the target's file stays (it is theirs),
// everything of ours goes.
TEST(SyncEngineConflict, ADocumentLeavingTheRegisterTakesItsCopyAlong) {
  Env env;
  std::string copy = env.makeConflict();
  std::filesystem::remove(env.local + "/d/a.docx");
  env.run();
  EXPECT_EQ(readFile(env.remoteFile("d/a.docx")), theirs);
  EXPECT_FALSE(exists(env.remoteFile("d/a.docx.igsgov.json")));
  EXPECT_FALSE(exists(env.remoteFile(copy)));
  EXPECT_FALSE(exists(env.remoteFile(copy + ".igsgov.json")));
  EXPECT_EQ(env.status()->getValue<Poco::Int64>("paths"), 0);
  env.expectSettled();
}

// Someone edited the copy before resolving: it is theirs now, never removed.
TEST(SyncEngineConflict, AnEditedCopyIsLeftAloneOnResolution) {
  Env env;
  std::string copy = env.makeConflict();
  writeFile(env.remoteFile(copy), "notes in the copy");
  writeFile(env.remoteFile("d/a.docx"), ours);
  env.run();
  EXPECT_EQ(readFile(env.remoteFile(copy)), "notes in the copy");
  EXPECT_FALSE(exists(env.remoteFile(copy + ".igsgov.json")));  // ours, unchanged: removed
  env.expectSettled();
}

// A user who deletes the copy while the conflict lasts gets it back: the conflict is not resolved.
TEST(SyncEngineConflict, ADeletedCopyComesBackWhileTheConflictLasts) {
  Env env;
  std::string copy = env.makeConflict();
  std::filesystem::remove(env.remoteFile(copy));
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "restore"), 1);
  EXPECT_EQ(readFile(env.remoteFile(copy)), ours);
  env.expectSettled();
}

// Removing copies is not a mass deletion: resolving conflicts never trips max_delete.
TEST(SyncEngineConflict, RemovedCopiesDoNotCountForMaxDelete) {
  Env env;
  std::string copy = env.makeConflict();
  writeFile(env.remoteFile("d/a.docx"), ours);
  auto out = env.run(1);  // two deletions (copy and sidecar), one allowed
  EXPECT_EQ(actionCount(out, "delete"), 2);
  EXPECT_FALSE(env.status()->getValue<bool>("locked"));
  EXPECT_FALSE(exists(env.remoteFile(copy)));
}

// Changed on the target only: the sidecar beside it describes the target's bytes; once the
// target holds the register's version again, the sidecar describes that again.
TEST(SyncEngineConflict, ARemoteChangeIsDescribedByItsSidecar) {
  Env env;
  writeFile(env.local + "/a.docx", "version 1");
  env.run();
  writeFile(env.remoteFile("a.docx"), theirs);
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "remote_changed"), 1);
  auto sc = env.sidecar("a.docx");
  EXPECT_EQ(sc->getValue<std::string>("sha256"), sha256Hex(theirs));
  EXPECT_EQ(sc->getValue<std::string>("status"), "remote_changed");
  EXPECT_FALSE(sc->getObject("register_version")->has("file"));  // not on the target
  EXPECT_EQ(sc->getObject("register_version")->getValue<std::string>("sha256"), sha256Hex("version 1"));
  env.expectSettled();
  writeFile(env.remoteFile("a.docx"), "version 1");
  env.run();
  EXPECT_EQ(env.sidecar("a.docx")->getValue<std::string>("sha256"), sha256Hex("version 1"));
  EXPECT_FALSE(env.sidecar("a.docx")->has("status"));
  env.expectSettled();
}
