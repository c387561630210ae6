// The sync configuration: fields, refusal of passwords, mapping patterns.
#include "sync/TargetConfig.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::sync;

namespace {
std::string errorOf(const std::string& text) {
  try {
    SyncConfig::parse(text, "sync.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(SyncConfig, ReadsATarget) {
  auto c = SyncConfig::parse(R"({"targets": {"archief": {"adapter": {"type": "folder", "root": "/tmp"},
    "root": "igsgov", "mapping": {"statuten": "{igs}/statuten/{label}.{ext}"}, "inbox": "inbox",
    "max_delete": 5, "batch": 50, "sidecar": false, "sources": ["governance"]}}})",
                             "sync.json");
  const auto& t = c.target("archief");
  EXPECT_EQ(t.root, "igsgov");
  EXPECT_EQ(t.inbox, "inbox");
  EXPECT_EQ(t.maxDelete, 5);
  EXPECT_EQ(t.batch, 50);
  EXPECT_FALSE(t.sidecar);
  EXPECT_EQ(t.mapping.at("statuten"), "{igs}/statuten/{label}.{ext}");
  EXPECT_EQ(t.sources, std::vector<std::string>{"governance"});
}

TEST(SyncConfig, RefusesPasswordsAnywhereInATarget) {
  auto msg = errorOf(R"({"targets": {"dav": {"adapter": {"type": "webdav", "url": "http://h/", "password": "x"}}}})");
  EXPECT_NE(msg.find("geen wachtwoord"), std::string::npos) << msg;
  EXPECT_NE(msg.find("password_env"), std::string::npos) << msg;
  EXPECT_NE(msg.find("dav"), std::string::npos) << msg;
}

TEST(SyncConfig, NamesTheBadField) {
  auto msg = errorOf(R"({"targets": {"a": {"adapter": {"type": "folder"}, "max_delet": 3}}})");
  EXPECT_NE(msg.find("max_delet"), std::string::npos) << msg;
  msg = errorOf(R"({"targets": {"a": {"adapter": {"type": "folder"}, "max_delete": -1}}})");
  EXPECT_NE(msg.find("max_delete"), std::string::npos) << msg;
  msg = errorOf(R"({"targets": {"a": {"root": "x"}}})");
  EXPECT_NE(msg.find("adapter"), std::string::npos) << msg;
  msg = errorOf(R"({"targets": {"a": {"adapter": {"type": "folder"}}}})" "x");
  EXPECT_NE(msg.find("sync.json"), std::string::npos) << msg;
}

TEST(SyncConfig, UnknownTargetListsTheKnownOnes) {
  auto c = SyncConfig::parse(R"({"targets": {"a": {"adapter": {"type": "folder"}}, "b": {"adapter": {"type": "folder"}}}})", "f.json");
  try {
    c.target("c");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
    EXPECT_NE(std::string(e.what()).find("a, b"), std::string::npos) << e.what();
  }
}

TEST(SyncConfig, ExpandsPatterns) {
  std::map<std::string, std::string> vars{{"igs", "igs-x"}, {"year", "2025"}, {"gemeente", "Zulte"}};
  EXPECT_EQ(expandPattern("{igs}/engagementsverklaringen/{year}/{gemeente}.docx", vars, "w"),
            "igs-x/engagementsverklaringen/2025/Zulte.docx");
  try {
    expandPattern("{igs}/{versie}.docx", vars, "doel 'a', soort 'statuten'");
    FAIL();
  } catch (const Error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("{versie}"), std::string::npos) << m;
    EXPECT_NE(m.find("soort 'statuten'"), std::string::npos) << m;
  }
}

// A file that is not JSON (e.g. /etc/shadow named as the configuration) is
// refused naming the file, line and column, never quoting its bytes.
TEST(SyncConfig, ANonJsonFileIsNotQuotedInTheError) {
  for (const std::string text : {"Zgeheim:$6$abc:19000:0:99999:7:::\n", "{\"targets\": {\"a\": Zgeheim}}"}) {
    SCOPED_TRACE(text);
    try {
      SyncConfig::parse(text, "/etc/shadow");
      FAIL() << "accepted";
    } catch (const Error& e) {
      std::string all = e.what();
      EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
      EXPECT_NE(all.find("geen geldig JSON-object"), std::string::npos) << all;
      EXPECT_NE(all.find("/etc/shadow"), std::string::npos) << all;
      EXPECT_EQ(all.find('Z'), std::string::npos) << all;
      EXPECT_EQ(all.find("geheim"), std::string::npos) << all;
    }
  }
}
