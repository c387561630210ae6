// The sync engine against real WebDAV servers started on 127.0.0.1 by the
// adapter test scripts: Apache mod_dav_fs (FileETag Digest) and lighttpd
// mod_webdav as full targets; nginx dav-ext (no ETags, conditional requests
// ignored) to show that a change landing on the server between the plan and
// the upload is never overwritten.
#include "../../unit/sync/SyncTestSupport.hpp"
#include "../adapters/TestServers.hpp"

#include "adapters/common/AdapterWrapper.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "sync/DirectorySource.hpp"
#include "sync/Engine.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <pwd.h>
#include <unistd.h>
#include <functional>

using namespace igsgov;
using namespace igsgov::sync;
using namespace igsgov::sync::testing;
namespace at = igsgov::adapters::testing;

namespace {

// Runs a hook before a put reaches the server (another user editing the file meanwhile).
class BeforePut : public adapters::AdapterWrapper {
public:
  BeforePut(std::unique_ptr<adapters::Adapter> inner, std::function<void(const std::string&)> hook)
      : AdapterWrapper(std::move(inner)), hook_(std::move(hook)) {}

protected:
  adapters::Entry doPut(const adapters::RelPath& p, const adapters::Content& content, const adapters::Precondition& pre) override {
    hook_(p.str());
    return AdapterWrapper::doPut(p, content, pre);
  }
  std::vector<adapters::PutOutcome> doPutMany(const std::vector<adapters::RelPath>& paths,
                                              const std::vector<adapters::PutItem>& items) override {
    for (const auto& p : paths) hook_(p.str());
    return AdapterWrapper::doPutMany(paths, items);
  }
  adapters::Listing doListing(const adapters::RelPath& dir, bool withEtags) override {
    if (withEtags && etagListings_) ++*etagListings_;
    return AdapterWrapper::doListing(dir, withEtags);
  }
  std::vector<adapters::Entry> doList(const adapters::RelPath& dir) override {
    if (etagListings_) ++*etagListings_;
    return AdapterWrapper::doList(dir);
  }

public:
  int* etagListings_ = nullptr;  // counts listings that ask etags (when set)

private:
  std::function<void(const std::string&)> hook_;
};

struct Env {
  at::TestServer& server;
  std::string folder;  // on the server, under /dav/
  std::string dir = tempDir("igsgov-syncdav");
  std::string local = dir + "/local";
  std::unique_ptr<records::Register> reg = freshRegister(dir);
  std::function<void(const std::string&)> hook = [](const std::string&) {};
  int etagListings = 0;  // listings of the last run that asked etags

  Env(const std::string& kind, const std::string& name) : server(at::server(kind, "basic")), folder(name) {
    at::makeServerFolder(server, folder);
    std::filesystem::create_directories(local);
  }
  // A WebDAV adapter on the test folder (for the engine, or to look at the server directly).
  std::unique_ptr<adapters::webdav::WebDavAdapter> dav() {
    auto cfg = newObject();
    cfg->set("type", "webdav");
    cfg->set("url", server.url() + folder + "/");
    cfg->set("user", at::testUser);
    cfg->set("password_env", at::passwordEnv);
    return std::make_unique<adapters::webdav::WebDavAdapter>(adapters::webdav::WebDavConfig::fromJson(cfg));
  }
  JsonObject run(bool dry = false) {
    std::unique_ptr<adapters::Adapter> a = dav();
    auto wrapped = std::make_unique<BeforePut>(std::move(a), [this](const std::string& p) { hook(p); });
    etagListings = 0;
    wrapped->etagListings_ = &etagListings;
    a = std::move(wrapped);
    TargetConfig t;
    t.name = "dav";
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(std::make_unique<DirectorySource>(local));
    Engine e(*reg, t, std::move(a), std::move(sources));
    RunOptions o;
    o.dryRun = dry;
    return e.run(o);
  }
  std::string onServer(const std::string& rel) { return server.dataDir() + "/" + folder + "/" + rel; }
  void editOnServer(const std::string& rel, const std::string& bytes) {
    writeFile(onServer(rel), bytes);
    if (::getuid() == 0)  // the server runs as nobody and must be able to replace the file
      if (struct passwd* pw = ::getpwnam("nobody")) (void)::lchown(onServer(rel).c_str(), pw->pw_uid, pw->pw_gid);
  }
  // Another user saving a file through WebDAV (lighttpd's stat cache may not see a file edited
  // on its disk in the same second).
  void putOnServer(const std::string& rel, const std::string& bytes) { dav()->put(rel, bytes); }
  long long count(const JsonObject& out, const std::string& a) {
    auto c = out->getObject("counts");
    return c->has(a) ? c->getValue<int>(a) : 0;
  }
};

class FullTarget : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(FullTarget, PushReRunEditsConflictsAndDeletes) {
  Env env(GetParam(), "full-" + GetParam());
  for (int i = 0; i < 40; ++i)
    writeFile(env.local + "/igs-a/statuten/v" + std::to_string(i) + ".docx", "statuten " + std::to_string(1000 + i));
  writeFile(env.local + "/igs-a/engagementsverklaringen/2025/Zulte.docx", "verklaring");
  auto first = env.run();
  EXPECT_EQ(env.count(first, "create"), 82);
  EXPECT_EQ(readFile(env.onServer("igs-a/statuten/v7.docx")), "statuten 1007");
  EXPECT_TRUE(exists(env.onServer("igs-a/statuten/v7.docx.igsgov.json")));

  // Nothing changed: no action, and with strong ETags not a single download.
  auto again = env.run();
  EXPECT_EQ(again->getValue<Poco::Int64>("planned"), 0);
  EXPECT_EQ(again->getValue<Poco::Int64>("downloads_for_hash"), 0);

  // A same-size edit on the server: noticed (by ETag, confirmed by hash), not overwritten.
  env.editOnServer("igs-a/statuten/v1.docx", "STATUTEN 1001");
  auto remote = env.run();
  EXPECT_EQ(env.count(remote, "remote_changed"), 1);
  EXPECT_EQ(readFile(env.onServer("igs-a/statuten/v1.docx")), "STATUTEN 1001");

  // A same-size edit in the register: pushed with a precondition.
  writeFile(env.local + "/igs-a/statuten/v2.docx", "statuten 2002");
  auto local = env.run();
  EXPECT_EQ(env.count(local, "update"), 2);  // file + sidecar
  EXPECT_EQ(readFile(env.onServer("igs-a/statuten/v2.docx")), "statuten 2002");

  // Both sides: conflict, both kept.
  env.editOnServer("igs-a/statuten/v3.docx", "theirs 3");
  writeFile(env.local + "/igs-a/statuten/v3.docx", "ours 3");
  auto conflict = env.run();
  EXPECT_EQ(env.count(conflict, "conflict"), 1);
  EXPECT_EQ(readFile(env.onServer("igs-a/statuten/v3.docx")), "theirs 3");
  EXPECT_EQ(readFile(env.onServer("igs-a/statuten/v3.conflict-" + sha256Hex("ours 3").substr(0, 8) + ".docx")), "ours 3");

  // Gone from the register: deleted on the server.
  std::filesystem::remove(env.local + "/igs-a/statuten/v4.docx");
  auto removed = env.run();
  EXPECT_EQ(env.count(removed, "delete"), 2);
  EXPECT_FALSE(exists(env.onServer("igs-a/statuten/v4.docx")));
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// Apache computes its etags from the content on every request: a run whose
// folders' mtimes are trusted asks no etag at all, yet a same-size edit on the
// server (a later mtime) is still found and confirmed by hash.
TEST(SyncApache, TrustedMtimesSkipEtagsButNoEditHides) {
  Env env("apache", "mtime-apache");
  for (int i = 0; i < 5; ++i) writeFile(env.local + "/a/f" + std::to_string(i) + ".docx", "file " + std::to_string(10 + i));
  auto first = env.run();
  EXPECT_EQ(env.count(first, "create"), 10);
  auto again = env.run();
  EXPECT_EQ(again->getValue<Poco::Int64>("planned"), 0);
  EXPECT_EQ(env.etagListings, 0) << "the folder's mtimes were not trusted after the first run";

  env.editOnServer("a/f2.docx", "FILE 12");
  auto remote = env.run();
  EXPECT_EQ(env.count(remote, "remote_changed"), 1);
  EXPECT_GE(env.etagListings, 1);
  EXPECT_EQ(readFile(env.onServer("a/f2.docx")), "FILE 12");

  // After an upload (whose mtime gets trusted at the end of its run), a
  // same-size server edit right after the run is still seen.
  writeFile(env.local + "/a/f3.docx", "file 33");
  auto local = env.run();
  EXPECT_EQ(env.count(local, "update"), 2);
  env.editOnServer("a/f3.docx", "FILE 33");
  auto after = env.run();
  EXPECT_EQ(env.count(after, "remote_changed"), 1);
  EXPECT_TRUE(verifies(*env.reg));
}

TEST(SyncApache, PushedDocumentsCarryTheSidecarFactsAsProperties) {
  Env env("apache", "props");
  const std::string bytes = "PK docx bytes\n";
  writeFile(env.local + "/besluit.docx", bytes);
  auto out = env.run();
  EXPECT_EQ(out->getArray("warnings")->size(), 0u);
  auto dav = env.dav();
  ASSERT_TRUE(dav->capabilities().properties);
  auto props = dav->getProperties("besluit.docx");  // PROPFIND allprop on the server
  EXPECT_EQ(props["sha256"], sha256Hex(bytes));
  EXPECT_FALSE(props["kind"].empty());
  EXPECT_FALSE(props["item"].empty());
  // An update re-applies them with the new hash.
  const std::string changed = "PK docx bytes, changed\n";
  writeFile(env.local + "/besluit.docx", changed);
  env.run();
  EXPECT_EQ(dav->getProperties("besluit.docx")["sha256"], sha256Hex(changed));
}

INSTANTIATE_TEST_SUITE_P(Servers, FullTarget, ::testing::Values("apache", "lighttpd"));

class ConflictTarget : public ::testing::TestWithParam<std::string> {};

// A conflict on a real server: the server's file keeps its bytes and its sidecar (and, where the
// server keeps properties, its properties) describe those bytes; our copy and its sidecar
// describe the copy. Once the user resolves the conflict (here: our version put on the server
// under the normal name), the next run removes the copy and its sidecar.
TEST_P(ConflictTarget, EveryDescriptionMatchesItsBytesAndResolvingRemovesTheCopy) {
  Env env(GetParam(), "conflict-" + GetParam());
  const std::string ours = "our edit!", theirs = "their edit";
  writeFile(env.local + "/d/a.docx", "version 1");
  env.run();
  env.putOnServer("d/a.docx", theirs);
  writeFile(env.local + "/d/a.docx", ours);
  auto out = env.run();
  EXPECT_EQ(env.count(out, "conflict"), 1);
  EXPECT_EQ(out->getArray("warnings")->size(), 0u);
  const std::string copy = "d/a.conflict-" + sha256Hex(ours).substr(0, 8) + ".docx";
  EXPECT_EQ(readFile(env.onServer("d/a.docx")), theirs);
  EXPECT_EQ(readFile(env.onServer(copy)), ours);
  auto sidecar = [&](const std::string& rel) { return parseJsonObject(readFile(env.onServer(rel + ".igsgov.json"))); };
  EXPECT_EQ(sidecar("d/a.docx")->getValue<std::string>("sha256"), sha256Hex(theirs));
  EXPECT_EQ(sidecar("d/a.docx")->getValue<std::string>("status"), "conflict");
  EXPECT_EQ(sidecar(copy)->getValue<std::string>("sha256"), sha256Hex(ours));
  auto dav = env.dav();
  const bool properties = dav->capabilities().properties;
  EXPECT_EQ(properties, GetParam() != "nginx");
  if (properties) {
    auto theirProps = dav->getProperties("d/a.docx");
    EXPECT_EQ(theirProps["sha256"], sha256Hex(theirs));
    EXPECT_EQ(theirProps["status"], "conflict");
    EXPECT_EQ(theirProps.count("version"), 0u);
    EXPECT_EQ(dav->getProperties(copy)["sha256"], sha256Hex(ours));
    EXPECT_EQ(dav->getProperties(copy).count("status"), 0u);
  }
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);

  env.putOnServer("d/a.docx", ours);
  auto resolved = env.run();
  EXPECT_EQ(env.count(resolved, "adopt"), 1);
  EXPECT_EQ(env.count(resolved, "delete"), 2);
  EXPECT_FALSE(exists(env.onServer(copy)));
  EXPECT_FALSE(exists(env.onServer(copy + ".igsgov.json")));
  EXPECT_EQ(sidecar("d/a.docx")->getValue<std::string>("sha256"), sha256Hex(ours));
  EXPECT_FALSE(sidecar("d/a.docx")->has("status"));
  if (properties) {
    auto props = dav->getProperties("d/a.docx");
    EXPECT_EQ(props["sha256"], sha256Hex(ours));
    EXPECT_EQ(props.count("status"), 0u);
    EXPECT_FALSE(props["version"].empty());
  }
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

INSTANTIATE_TEST_SUITE_P(Servers, ConflictTarget, ::testing::Values("apache", "lighttpd", "nginx"));

TEST(SyncNginx, AChangeLandingDuringTheRunIsNeverOverwritten) {
  Env env("nginx", "concurrent");
  for (int i = 0; i < 5; ++i) writeFile(env.local + "/d/f" + std::to_string(i) + ".txt", "first " + std::to_string(i));
  env.run();
  auto again = env.run();
  EXPECT_EQ(again->getValue<Poco::Int64>("planned"), 0);
  EXPECT_GT(again->getValue<Poco::Int64>("downloads_for_hash"), 0);  // no ETags: confirmed by content

  // The register changes f2; while the run uploads it, someone saves another version on the server.
  writeFile(env.local + "/d/f2.txt", "second 2");
  env.hook = [&](const std::string& p) {
    if (p == "d/f2.txt") env.editOnServer("d/f2.txt", "someone else");
  };
  auto out = env.run();
  EXPECT_EQ(readFile(env.onServer("d/f2.txt")), "someone else");
  auto problems = out->getArray("problems");
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_EQ(problems->getObject(0)->getValue<std::string>("path"), "d/f2.txt");
  // The next run sees both sides changed: a conflict, ours kept beside theirs.
  env.hook = [](const std::string&) {};
  auto next = env.run();
  EXPECT_EQ(env.count(next, "conflict"), 1);
  EXPECT_EQ(readFile(env.onServer("d/f2.txt")), "someone else");
  EXPECT_EQ(readFile(env.onServer("d/f2.conflict-" + sha256Hex("second 2").substr(0, 8) + ".txt")), "second 2");
  EXPECT_TRUE(verifies(*env.reg));
}
