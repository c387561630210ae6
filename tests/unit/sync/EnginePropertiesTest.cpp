// Properties on pushed documents: the engine hands them to putMany, the
// adapter sets each right after its own upload, and a property failure is a
// run warning while the upload stands (recorded, not retried as an upload).
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
#include <mutex>

using namespace igsgov;
using namespace igsgov::sync;
using namespace igsgov::sync::testing;

namespace {

// What the test double saw; outlives the engine (which owns the adapter).
struct Seen {
  std::mutex mutex;
  std::map<std::string, std::map<std::string, std::string>> stored;
  std::vector<std::string> log;  // "put <path>" / "props <path>", in order
};

// A folder that keeps properties (in a Seen) and logs puts and property writes.
class PropertyKeeping : public adapters::AdapterWrapper {
public:
  PropertyKeeping(std::unique_ptr<adapters::Adapter> inner, Seen& seen)
      : AdapterWrapper(std::move(inner)), seen_(seen) {}

protected:
  adapters::Capabilities doCapabilities() override {
    auto caps = AdapterWrapper::doCapabilities();
    caps.properties = true;
    return caps;
  }
  adapters::Entry doPut(const adapters::RelPath& p, const adapters::Content& content, const adapters::Precondition& pre) override {
    auto e = AdapterWrapper::doPut(p, content, pre);
    std::lock_guard lock(seen_.mutex);
    seen_.log.push_back("put " + p.str());
    return e;
  }
  void doSetProperties(const adapters::RelPath& p, const std::map<std::string, std::string>& props) override {
    std::lock_guard lock(seen_.mutex);
    seen_.log.push_back("props " + p.str());
    for (const auto& [k, v] : props) {  // an empty value removes the property (Adapter.hpp)
      if (v.empty()) seen_.stored[p.str()].erase(k);
      else seen_.stored[p.str()][k] = v;
    }
  }

private:
  Seen& seen_;
};

struct Env {
  std::string dir = tempDir("igsgov-syncprops");
  std::string local = dir + "/local";
  std::string remote = dir + "/remote";
  std::unique_ptr<records::Register> reg = freshRegister(dir);
  Seen seen;
  int propertyCalls = 0;  // setProperties calls the last run's fault wrapper saw

  Env() {
    std::filesystem::create_directories(local);
    std::filesystem::create_directories(remote);
  }
  // `arm` (optional) arms faults on this run's adapter before it starts.
  JsonObject run(const std::function<void(adapters::FaultInjectingAdapter&)>& arm = {}) {
    return withEngine(arm, [](Engine& e) { return e.run(RunOptions{}); });
  }
  // A run whose first upload lands but whose response is lost: it stops there, as
  // a run killed between a document's PUT and its PROPPATCH would.
  void uploadWithoutProperties(const std::string& name, const std::string& bytes) {
    writeFile(local + "/" + name, bytes);
    EXPECT_THROW(run([](adapters::FaultInjectingAdapter& f) { f.arm("put", {ErrorCode::io, 0, 1, true}); }), Error);
    EXPECT_EQ(readFile(remote + "/igsgov/" + name), bytes);  // the write happened
    EXPECT_EQ(seen.stored.count("igsgov/" + name), 0u);
  }
  // `name` synced as "version 1", then "their edit" on the target and "our edit!" in the register.
  void changeOnBothSides(const std::string& name) {
    writeFile(local + "/" + name, "version 1");
    run();
    writeFile(remote + "/igsgov/" + name, "their edit");
    writeFile(local + "/" + name, "our edit!");
  }
  JsonObject resync() {
    return withEngine({}, [](Engine& e) { return e.resync(RunOptions{}); });
  }
  JsonObject withEngine(const std::function<void(adapters::FaultInjectingAdapter&)>& arm,
                        const std::function<JsonObject(Engine&)>& fn) {
    TargetConfig t;
    t.name = "archief";
    t.root = "igsgov";
    auto kept = std::make_unique<PropertyKeeping>(std::make_unique<adapters::folder::FolderAdapter>(remote), seen);
    auto wrapped = std::make_unique<adapters::FaultInjectingAdapter>(std::move(kept));
    auto* faults = wrapped.get();
    if (arm) arm(*faults);
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(std::make_unique<DirectorySource>(local));
    Engine engine(*reg, std::move(t), std::move(wrapped), std::move(sources));
    auto out = fn(engine);
    propertyCalls = faults->calls("setProperties");
    return out;
  }
};

}  // namespace

TEST(SyncEngineProperties, EachDocumentsPropertiesFollowItsOwnUpload) {
  Env env;
  writeFile(env.local + "/a.docx", "document a");
  writeFile(env.local + "/d/b.docx", "document b");
  auto out = env.run();
  EXPECT_EQ(out->getArray("warnings")->size(), 0u);
  ASSERT_EQ(env.seen.stored.size(), 2u);  // the documents, not their sidecars
  EXPECT_EQ(env.seen.stored["igsgov/a.docx"]["sha256"], sha256Hex("document a"));
  EXPECT_EQ(env.seen.stored["igsgov/d/b.docx"]["sha256"], sha256Hex("document b"));
  EXPECT_FALSE(env.seen.stored["igsgov/a.docx"]["item"].empty());
  // Set inside putMany, right after the document's own put (not in a pass after all uploads).
  const auto& log = env.seen.log;
  int props = 0;
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log[i].rfind("props ", 0) != 0) continue;
    ++props;
    ASSERT_GT(i, 0u);
    EXPECT_EQ(log[i - 1], "put " + log[i].substr(6)) << "properties not right after their upload";
  }
  EXPECT_EQ(props, 2);
}

TEST(SyncEngineProperties, APropertyFailureIsAWarningAndTheUploadStands) {
  Env env;
  writeFile(env.local + "/a.docx", "document a");
  writeFile(env.local + "/b.docx", "document b");
  env.run();
  env.seen.stored.clear();
  // An update of both; the first property write of the run fails.
  writeFile(env.local + "/a.docx", "document a, v2");
  writeFile(env.local + "/b.docx", "document b, v2");
  auto out = env.run([](adapters::FaultInjectingAdapter& f) { f.arm("setProperties", {ErrorCode::io, 0, 1, false}); });
  EXPECT_EQ(env.propertyCalls, 2);
  auto warnings = out->getArray("warnings");
  ASSERT_EQ(warnings->size(), 1u);
  EXPECT_NE(warnings->getObject(0)->getValue<std::string>("message").find("eigenschappen niet gezet"), std::string::npos);
  EXPECT_EQ(out->getArray("problems")->size(), 0u);
  EXPECT_EQ(actionCount(out, "update"), 4);  // both documents and their sidecars
  EXPECT_EQ(env.seen.stored.size(), 1u);  // the other document's properties were set this run
  // Both uploads stand and are recorded: the next run has nothing to do.
  EXPECT_EQ(readFile(env.remote + "/igsgov/a.docx"), "document a, v2");
  EXPECT_EQ(readFile(env.remote + "/igsgov/b.docx"), "document b, v2");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// A run killed between a document's upload and its properties (here: the put's
// response is lost, so the run stops before setting them): the next run finds
// the upload through its intent, adopts it, and sets the properties then.
TEST(SyncEngineProperties, AnAdoptedUploadGetsThePropertiesItNeverGot) {
  Env env;
  env.uploadWithoutProperties("a.docx", "document a");
  auto second = env.run();
  EXPECT_EQ(actionCount(second, "adopt"), 1);
  EXPECT_EQ(second->getArray("warnings")->size(), 0u);
  EXPECT_EQ(env.seen.stored["igsgov/a.docx"]["sha256"], sha256Hex("document a"));
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// The same through an explicit resync (which adopts without uploading).
TEST(SyncEngineProperties, ResyncSetsThePropertiesOfWhatItAdopts) {
  Env env;
  env.uploadWithoutProperties("a.docx", "document a");
  auto rs = env.resync();
  EXPECT_EQ(rs->getValue<Poco::Int64>("adopted"), 1);
  EXPECT_EQ(rs->getArray("warnings")->size(), 0u);
  EXPECT_EQ(env.seen.stored["igsgov/a.docx"]["sha256"], sha256Hex("document a"));
  EXPECT_TRUE(verifies(*env.reg));
}

// The run that would adopt such an upload stops (an upload of the same batch fails with io)
// before it sets the adopted document's properties: the adoption must not be recorded without
// them, or no later run would ever set them.
TEST(SyncEngineProperties, AnAdoptionWhosePropertiesAStopPreventedIsDoneByTheNextRun) {
  Env env;
  env.uploadWithoutProperties("a.docx", "document a");
  writeFile(env.local + "/b.docx", "document b");
  EXPECT_THROW(env.run([](adapters::FaultInjectingAdapter& f) { f.arm("put", {ErrorCode::io, 0, 1, false}); }), Error);
  EXPECT_EQ(env.seen.stored.count("igsgov/a.docx"), 0u);
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "adopt"), 1);
  EXPECT_EQ(env.seen.stored["igsgov/a.docx"]["sha256"], sha256Hex("document a"));
  EXPECT_EQ(env.seen.stored["igsgov/b.docx"]["sha256"], sha256Hex("document b"));
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}

// A conflict: the target's file keeps its bytes, and its properties describe them (their hash,
// the status, no register version); our copy carries the register version's. Resolved by
// putting our version on the target, the file's properties are the register version's again
// and the status is gone.
TEST(SyncEngineProperties, PropertiesDescribeTheBytesTheySitOnThroughAConflict) {
  Env env;
  env.changeOnBothSides("a.docx");
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "conflict"), 1);
  EXPECT_EQ(out->getArray("warnings")->size(), 0u);
  auto theirs = env.seen.stored["igsgov/a.docx"];
  EXPECT_EQ(theirs["sha256"], sha256Hex("their edit"));
  EXPECT_EQ(theirs["status"], "conflict");
  EXPECT_EQ(theirs.count("version"), 0u);
  EXPECT_FALSE(theirs["item"].empty());
  std::string copy = "igsgov/a.conflict-" + sha256Hex("our edit!").substr(0, 8) + ".docx";
  auto ours = env.seen.stored[copy];
  EXPECT_EQ(ours["sha256"], sha256Hex("our edit!"));
  EXPECT_EQ(ours.count("status"), 0u);
  EXPECT_FALSE(ours["version"].empty());
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  writeFile(env.remote + "/igsgov/a.docx", "our edit!");
  env.run();
  auto resolved = env.seen.stored["igsgov/a.docx"];
  EXPECT_EQ(resolved["sha256"], sha256Hex("our edit!"));
  EXPECT_EQ(resolved.count("status"), 0u);
  EXPECT_EQ(resolved["version"], ours["version"]);
  EXPECT_TRUE(verifies(*env.reg));
}

// The properties of the target's file at a path in conflict are part of recording the
// conflict: a run that stops before setting them does not record it, the next run does both.
TEST(SyncEngineProperties, AConflictIsRecordedOnlyWithItsProperties) {
  Env env;
  env.changeOnBothSides("a.docx");
  EXPECT_THROW(env.run([](adapters::FaultInjectingAdapter& f) { f.arm("put", {ErrorCode::io, 0, 1, false}); }), Error);
  EXPECT_NE(env.seen.stored["igsgov/a.docx"]["status"], "conflict");
  auto out = env.run();
  EXPECT_EQ(actionCount(out, "conflict"), 1);
  EXPECT_EQ(env.seen.stored["igsgov/a.docx"]["status"], "conflict");
  EXPECT_EQ(env.run()->getValue<Poco::Int64>("planned"), 0);
  EXPECT_TRUE(verifies(*env.reg));
}
