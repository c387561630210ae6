// Pull from a target's watched inbox into the register, against a real
// folder target and a real Apache mod_dav server (FileETag Digest, started on
// 127.0.0.1 by the adapter test scripts): a new file in
// inbox/<igs>/<kind>/ becomes a draft (ontwerp) version of that cooperation's
// document; the same bytes again (same or another name) are that version; a
// changed file is a new version; a file that is not DOCX/ODT/PDF, or lies under
// an unknown cooperation, is reported with a Dutch message naming its path and
// changes nothing in the register.
#include "../../unit/governance/GovFixture.hpp"
#include "../../unit/sync/SyncTestSupport.hpp"
#include "../adapters/TestServers.hpp"

#include "adapters/folder/FolderAdapter.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "core/Sha256.hpp"
#include "governance/Specs.hpp"
#include "records/EntityTable.hpp"
#include "sync/Engine.hpp"
#include "sync/Targets.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace igsgov;
using namespace igsgov::sync;
namespace at = igsgov::adapters::testing;

namespace {

struct VersionRow {
  std::string status;
  std::string sha256;
  std::string fileName;
};

class SyncPull : public igsgov::testing::GovFixture, public ::testing::WithParamInterface<std::string> {
protected:
  void SetUp() override {
    GovFixture::SetUp();
    run("cooperation.create", R"({"id": "igs-a", "name": "IGS A", "legal_form": "projectvereniging",
         "domain": "cultuur", "founded": "2021-01-01"})");
    if (GetParam() == "folder") {
      folderRoot_ = sync::testing::tempDir("igsgov-pull");
    } else {
      server_ = &at::server("apache", "basic");
      davFolder_ = "pull-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++);
      at::makeServerFolder(*server_, davFolder_);
    }
  }

  std::unique_ptr<adapters::Adapter> adapter() {
    if (GetParam() == "folder") return std::make_unique<adapters::folder::FolderAdapter>(folderRoot_);
    auto cfg = newObject();
    cfg->set("type", "webdav");
    cfg->set("url", server_->url() + davFolder_ + "/");
    cfg->set("user", at::testUser);
    cfg->set("password_env", at::passwordEnv);
    return std::make_unique<adapters::webdav::WebDavAdapter>(adapters::webdav::WebDavConfig::fromJson(cfg));
  }

  // Someone drops (or replaces) a file in the inbox.
  void drop(const std::string& path, const std::string& bytes) {
    auto a = adapter();
    a->mkdirs(path.substr(0, path.rfind('/')));
    a->put(path, bytes, adapters::Precondition::none());
  }

  JsonObject pullRun() {
    TargetConfig t;
    t.name = "inbox-" + GetParam();
    t.inbox = "inbox";
    Engine e(session_->reg(), t, adapter(), {}, makeGovernanceInbox());
    RunOptions o;
    o.actor = "test:sync";
    return e.run(o);
  }

  // The current versions of igs-a's statuten document, by id.
  std::map<std::string, VersionRow> versions() {
    std::map<std::string, VersionRow> out;
    session_->reg().read([&](store::Database& db) {
      for (auto& v : records::currentAll(db, governance::versionSpec(), "document_id", "igs-a-statuten"))
        out[v.id] = {records::textOf(v.data, "status").value_or(""), records::textOf(v.data, "file_sha256").value_or(""),
                     records::textOf(v.data, "file_name").value_or("")};
      return JsonObject();
    });
    return out;
  }

  static std::string problemFor(const JsonObject& out, const std::string& path) {
    auto problems = out->getArray("problems");
    for (std::size_t i = 0; problems && i < problems->size(); ++i) {
      auto p = problems->getObject(static_cast<unsigned>(i));
      if (p->getValue<std::string>("path") == path) return p->getValue<std::string>("message");
    }
    return "";
  }

  std::string folderRoot_;
  at::TestServer* server_ = nullptr;
  std::string davFolder_;
  static inline int counter_ = 0;
};

TEST_P(SyncPull, InboxFilesBecomeDraftVersionsOnceEach) {
  const std::string v1 = igsgov::testing::docxOf({"Artikel 1. De vereniging heet IGS A."});
  const std::string v2 = igsgov::testing::docxOf({"Artikel 1. De vereniging heet IGS A.", "Artikel 2. Zetel: Ronse."});
  ASSERT_NE(sha256Hex(v1), sha256Hex(v2));

  // A new file: one draft version with exactly those bytes.
  drop("inbox/igs-a/statuten/ontwerp-2026.docx", v1);
  auto out = pullRun();
  ASSERT_EQ(out->getArray("pulled")->size(), 1u) << toJsonText(out, true);
  EXPECT_TRUE(out->getArray("pulled")->getObject(0)->getValue<bool>("new_version"));
  auto vs = versions();
  ASSERT_EQ(vs.size(), 1u);
  const std::string firstId = vs.begin()->first;
  EXPECT_EQ(vs.begin()->second.status, "ontwerp");
  EXPECT_EQ(vs.begin()->second.sha256, sha256Hex(v1));
  EXPECT_EQ(vs.begin()->second.fileName, "ontwerp-2026.docx");
  EXPECT_EQ(out->getArray("pulled")->getObject(0)->getValue<std::string>("item"), firstId);

  // Nothing new: nothing pulled, nothing written.
  std::string before = state();
  out = pullRun();
  EXPECT_EQ(out->getArray("pulled")->size(), 0u);
  EXPECT_EQ(state(), before);

  // The same bytes under another name: that same version, no new one.
  drop("inbox/igs-a/statuten/kopie.docx", v1);
  out = pullRun();
  ASSERT_EQ(out->getArray("pulled")->size(), 1u) << toJsonText(out, true);
  EXPECT_FALSE(out->getArray("pulled")->getObject(0)->getValue<bool>("new_version"));
  EXPECT_EQ(out->getArray("pulled")->getObject(0)->getValue<std::string>("item"), firstId);
  EXPECT_EQ(versions().size(), 1u);

  // The file changed: a second draft version; the first one stays.
  drop("inbox/igs-a/statuten/ontwerp-2026.docx", v2);
  out = pullRun();
  ASSERT_EQ(out->getArray("pulled")->size(), 1u) << toJsonText(out, true);
  EXPECT_TRUE(out->getArray("pulled")->getObject(0)->getValue<bool>("new_version"));
  vs = versions();
  ASSERT_EQ(vs.size(), 2u);
  ASSERT_TRUE(vs.count(firstId));
  EXPECT_EQ(vs[firstId].sha256, sha256Hex(v1));
  for (const auto& [id, v] : vs)
    if (id != firstId) {
      EXPECT_EQ(v.sha256, sha256Hex(v2));
      EXPECT_EQ(v.status, "ontwerp");
    }
}

TEST_P(SyncPull, BadInboxFilesAreReportedAndChangeNothing) {
  drop("inbox/igs-a/statuten/ontwerp-2026.docx", igsgov::testing::docxOf({"Artikel 1."}));
  pullRun();
  ASSERT_EQ(versions().size(), 1u);
  std::string before = state();

  // Not a DOCX/ODT/PDF (a text file named .docx), and a cooperation the register does not know.
  drop("inbox/igs-a/statuten/notities.docx", "dit is gewone tekst, geen document\n");
  drop("inbox/igs-onbekend/statuten/x.pdf", "%PDF-1.4\n%%EOF\n");
  auto out = pullRun();
  EXPECT_EQ(out->getArray("pulled")->size(), 0u) << toJsonText(out, true);
  std::string bad = problemFor(out, "inbox/igs-a/statuten/notities.docx");
  EXPECT_NE(bad.find("geen DOCX-, ODT- of PDF-bestand"), std::string::npos) << bad;
  std::string unknown = problemFor(out, "inbox/igs-onbekend/statuten/x.pdf");
  EXPECT_NE(unknown.find("onbekend samenwerkingsverband 'igs-onbekend'"), std::string::npos) << unknown;
  EXPECT_EQ(state(), before);  // no version, no pull state, no journal entry
  EXPECT_EQ(versions().size(), 1u);

  // Still reported on the next run (not remembered as handled).
  out = pullRun();
  EXPECT_NE(problemFor(out, "inbox/igs-a/statuten/notities.docx"), "");
  EXPECT_EQ(state(), before);
}

INSTANTIATE_TEST_SUITE_P(Targets, SyncPull, ::testing::Values("folder", "apache"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
