// igsgovd signs the journal with the key its configuration names
// (journal.signing_key); auditors check it over REST with the public key as
// text (a path parameter is refused over REST). A key others may read stops
// the service at start.
#include "Harness.hpp"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace igsgov::test;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string jsonString(const std::string& s) {
  Poco::JSON::Object o;
  o.set("v", s);
  std::ostringstream os;
  o.stringify(os);
  std::string t = os.str();
  return t.substr(5, t.size() - 6);  // {"v":<here>}
}

}  // namespace

TEST(JournalKey, IgsgovdSignsWithTheConfiguredKeyAndAuditorsVerifyOverRest) {
  std::string dir = freshDir("journal-key");
  auto reg = makeSampleRegister(dir, false);
  ASSERT_EQ(run({binaryDir() + "/bin/igsgov", "audit", "keygen", dir + "/journal.key"}).exitCode, 0);
  write(dir + "/igsgovd.json", R"({"register": "register.db", "journal": {"signing_key": "journal.key"}})");
  Igsgovd server(dir, {"--config", dir + "/igsgovd.json"});

  auto created = server.post("/api/v1/person.create", R"({"id":"p-sig","name":"Ondertekend","fictitious":true})",
                             reg.secrets["secretariaat"]);
  ASSERT_EQ(created.status, 200) << created.body;
  long long seq = created.json()->getObject("journal")->getValue<long long>("seq");

  auto head = server.get("/api/v1/audit.head", reg.secrets["auditor"]);
  ASSERT_EQ(head.status, 200) << head.body;
  EXPECT_EQ(head.json()->getValue<long long>("seq"), seq);
  EXPECT_EQ(head.json()->getValue<std::string>("signature").size(), 128u);
  std::string checkpoint = head.json()->getValue<std::string>("checkpoint");

  std::string pem = readAll(dir + "/journal.key.pub");
  auto verified = server.post("/api/v1/audit.verify",
                              "{\"public_key_pem\":" + jsonString(pem) + ",\"checkpoint_text\":" +
                                  jsonString(checkpoint) + "}",
                              reg.secrets["auditor"]);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(verified.json()->getValue<bool>("signatures_checked"));
  EXPECT_EQ(verified.json()->getValue<long long>("signed_entries"), 1) << "entries before the key stay unsigned";
  EXPECT_EQ(verified.json()->getValue<long long>("checkpoints_matched"), 1);

  // A remote caller does not name server files.
  auto byPath = server.post("/api/v1/audit.verify", "{\"public_key\":" + jsonString(dir + "/journal.key.pub") + "}",
                            reg.secrets["auditor"]);
  EXPECT_EQ(byPath.status, 400) << byPath.body;
}

TEST(JournalKey, UnusableKeyStopsTheServiceNamingTheField) {
  std::string dir = freshDir("journal-key-bad");
  makeSampleRegister(dir, false);
  ASSERT_EQ(run({binaryDir() + "/bin/igsgov", "audit", "keygen", dir + "/journal.key"}).exitCode, 0);
  ASSERT_EQ(::chmod((dir + "/journal.key").c_str(), 0644), 0);
  write(dir + "/igsgovd.json", R"({"register": "register.db", "journal": {"signing_key": "journal.key"}})");
  auto readable = startFailing({"--config", dir + "/igsgovd.json"});
  EXPECT_EQ(readable.exitCode, 78) << readable.err;
  EXPECT_NE(readable.err.find("leesbaar"), std::string::npos) << readable.err;

  write(dir + "/igsgovd.json", R"({"register": "register.db", "journal": {"signing_key": "nergens.key"}})");
  auto missing = startFailing({"--config", dir + "/igsgovd.json"});
  EXPECT_EQ(missing.exitCode, 78) << missing.err;
  EXPECT_NE(missing.err.find("journal.signing_key"), std::string::npos) << missing.err;

  write(dir + "/igsgovd.json", R"({"register": "register.db", "journal": {"signingkey": "journal.key"}})");
  auto typo = startFailing({"--config", dir + "/igsgovd.json"});
  EXPECT_EQ(typo.exitCode, 78) << typo.err;
  EXPECT_NE(typo.err.find("'signingkey'"), std::string::npos) << typo.err;
}
