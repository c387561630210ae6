// Server files and outbound requests over REST, against a real igsgovd that is
// configured with its own sync configuration, calendar folder and SPARQL
// sources ("files" in igsgovd.json). Each test replays an attack of issue 13
// and shows that it is refused and that the register and the files it aimed at
// are unchanged, and that the legitimate use (a sync target by name, the
// configured calendar, a configured SPARQL source) still works.
#include "Harness.hpp"

#include <Poco/DigestStream.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/SHA1Engine.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace igsgov::test;

namespace {

void spit(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string digest(const std::string& path) {
  Poco::SHA1Engine sha;
  sha.update(slurp(path));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

int fileCount(const std::string& dir) {
  std::vector<Poco::File> files;
  Poco::File(dir).list(files);
  int n = 0;
  for (auto& f : files) n += f.isDirectory() ? fileCount(f.path()) : 1;
  return n;
}

// A SPARQL "endpoint" that accepts connections and reads the request but never
// answers, until the test ends.
class SilentListener {
public:
  SilentListener() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
    thread_ = std::thread([this] {
      while (!stop_) {
        try {
          if (!socket_.poll(Poco::Timespan(0, 100000), Poco::Net::Socket::SELECT_READ)) continue;
          Poco::Net::StreamSocket s = socket_.acceptConnection();
          s.setReceiveTimeout(Poco::Timespan(0, 100000));
          char buf[4096];
          try {
            if (s.receiveBytes(buf, sizeof buf) > 0) ++requests_;
          } catch (const Poco::TimeoutException&) {
            ++requests_;  // connected; the request may still be on its way
          }
          held_.push_back(s);  // never answered, closed when the test ends
        } catch (const Poco::Exception&) {
        }
      }
    });
  }
  ~SilentListener() {
    stop_ = true;
    thread_.join();
  }
  int port() const { return socket_.address().port(); }
  int requests() const { return requests_; }

private:
  Poco::Net::ServerSocket socket_;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::vector<Poco::Net::StreamSocket> held_;
  std::thread thread_;
};

const int kSilentTimeout = 15;  // s: generous, so the other writes finish first on a loaded machine

class ServerPathsTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("paths-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    silent_ = new SilentListener();
    const std::string& d = *dir_;
    Poco::File(d + "/archief").createDirectories();
    Poco::File(d + "/elders").createDirectories();
    Poco::File(d + "/kalender").createDirectories();
    spit(d + "/sync.json", R"({"targets": {"archief": {"adapter": {"type": "folder", "root": ")" + d +
                               R"(/archief"}, "sources": ["governance"]}}})");
    // Another sync configuration on the same machine, not the service's.
    spit(d + "/elders-sync.json", R"({"targets": {"elders": {"adapter": {"type": "folder", "root": ")" + d +
                                      R"(/elders"}, "sources": ["governance"]}}})");
    spit(d + "/geheim.txt", "Zgeheim:$6$zout$hash:19000:0:99999:7:::\n");
    spit(d + "/kalender/proef.json",
         R"({"calendar": "proef", "title": "Proefkalender van de dienst", "applies_to": {"all": true},
             "events": [{"id": "proef-termijn", "date": "2026-06-15", "title": "Proeftermijn uit de dienstkalender",
                         "verified": true}]})");
    spit(d + "/sparql.json", R"({"sources": {"stil": {"endpoint": "http://127.0.0.1:)" +
                                 std::to_string(silent_->port()) + R"(/sparql", "timeout_s": )" +
                                 std::to_string(kSilentTimeout) + "}}}");
    spit(d + "/igsgovd.json", R"({"register": ")" + reg_->path + R"(", "files": {"sync_config": "sync.json",
         "calendar_dir": "kalender", "sparql_config": "sparql.json"}})");
    server_ = new Igsgovd(d, {"--config", d + "/igsgovd.json"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete silent_;
    delete reg_;
    delete dir_;
  }
  static Igsgovd& server() { return *server_; }
  static const std::string& token(const std::string& role) { return reg_->secrets.at(role); }
  static const std::string& dir() { return *dir_; }

  static long long journalHead() {
    auto h = server().get("/api/v1/health");
    return h.json()->getValue<long long>("journal_head");
  }

  // A refusal of a server path: 400, code invalid, the field named, nothing of the file quoted.
  static void expectPathRefused(const Response& r, const std::string& field) {
    EXPECT_EQ(r.status, 400) << r.body;
    auto e = r.json();
    EXPECT_EQ(e->getValue<std::string>("code"), "invalid") << r.body;
    auto place = e->getObject("place");
    EXPECT_EQ(place.isNull() ? "" : place->optValue<std::string>("field", ""), "'" + field + "'") << r.body;
    EXPECT_NE(e->getValue<std::string>("message").find("niet toegelaten via de REST-API"), std::string::npos) << r.body;
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static SilentListener* silent_;
  static Igsgovd* server_;
};
std::string* ServerPathsTest::dir_ = nullptr;
SampleRegister* ServerPathsTest::reg_ = nullptr;
SilentListener* ServerPathsTest::silent_ = nullptr;
Igsgovd* ServerPathsTest::server_ = nullptr;

// Issue 13: an auditor's document.compare with html_path = the register wrote
// HTML over it; every later request answered 500 "database disk image is malformed".
TEST_F(ServerPathsTest, CompareNeverWritesAFile) {
  std::string registerDigest = digest(reg_->path);
  long long head = journalHead();
  const std::string compare = R"({"from":"va-statuten-2021","to":"va-statuten-2026","html_path":")";
  expectPathRefused(server().post("/api/v1/document.compare", compare + reg_->path + "\"}", token("auditor")),
                    "html_path");
  std::string fresh = dir() + "/vergelijking.html";
  expectPathRefused(server().post("/api/v1/document.compare", compare + fresh + "\"}", token("beheerder")),
                    "html_path");
  expectPathRefused(server().get("/api/v1/document.compare?from=va-statuten-2021&to=va-statuten-2026&html_path=" + fresh,
                                 token("auditor")),
                    "html_path");
  EXPECT_FALSE(Poco::File(fresh).exists());
  EXPECT_EQ(digest(reg_->path), registerDigest);
  EXPECT_EQ(journalHead(), head);
  auto verify = server().get("/api/v1/audit.verify", token("auditor"));
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json()->getValue<bool>("ok")) << verify.body;
  // The comparison itself stays open to every role (text in the answer).
  auto plain = server().post("/api/v1/document.compare", R"({"from":"va-statuten-2021","to":"va-statuten-2026"})",
                             token("auditor"));
  EXPECT_EQ(plain.status, 200) << plain.body;
}

// Issue 13: deadlines.list?calendar_dir=/any/dir read any folder and told
// whether a path exists.
TEST_F(ServerPathsTest, DeadlinesReadOnlyTheServiceCalendar) {
  auto missing = server().get("/api/v1/deadlines.list?calendar_dir=/bestaat/niet", token("auditor"));
  auto existing = server().get("/api/v1/deadlines.list?calendar_dir=" + dir(), token("auditor"));
  expectPathRefused(missing, "calendar_dir");
  expectPathRefused(existing, "calendar_dir");
  EXPECT_EQ(missing.body, existing.body);  // nothing tells whether the folder exists
  expectPathRefused(server().post("/api/v1/deadlines.list", R"({"calendar_dir":"/etc"})", token("auditor")),
                    "calendar_dir");
  // Without the field: the calendar folder igsgovd is configured with.
  auto ok = server().get("/api/v1/deadlines.list?from=2026-01-01&until=2026-12-31", token("auditor"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.body.find("Proeftermijn uit de dienstkalender"), std::string::npos) << ok.body;
}

// Issue 13: sync.run with "config": "/etc/shadow" (secretariaat) opened any
// file and quoted its first byte; with another sync configuration it ran it.
TEST_F(ServerPathsTest, SyncRunsOnlyTheServiceTargetsByName) {
  long long head = journalHead();
  auto secret = server().post("/api/v1/sync.run", R"({"target":"x","config":")" + dir() + "/geheim.txt\"}",
                              token("secretariaat"));
  expectPathRefused(secret, "config");
  EXPECT_EQ(secret.body.find("'Z'"), std::string::npos) << secret.body;
  EXPECT_EQ(secret.body.find("geheim:"), std::string::npos) << secret.body;
  auto other = server().post("/api/v1/sync.run", R"({"target":"elders","config":")" + dir() + "/elders-sync.json\"}",
                             token("secretariaat"));
  expectPathRefused(other, "config");
  expectPathRefused(server().post("/api/v1/sync.resync", R"({"target":"elders","config":")" + dir() +
                                                              "/elders-sync.json\"}",
                                  token("beheerder")),
                    "config");
  EXPECT_EQ(fileCount(dir() + "/elders"), 0);
  EXPECT_EQ(journalHead(), head);
  // A target the service's configuration does not have is unknown.
  auto unknown = server().post("/api/v1/sync.run", R"({"target":"elders"})", token("secretariaat"));
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(fileCount(dir() + "/elders"), 0);

  // By name, the secretariaat runs the service's own target.
  auto run = server().post("/api/v1/sync.run", R"({"target":"archief","progress":false})", token("secretariaat"));
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_GT(fileCount(dir() + "/archief"), 0);
  EXPECT_GT(journalHead(), head);
}

// Issue 13: sparql.proposals fetched any URL a writer gave and held the
// register's write lock while it waited (up to 600 s).
TEST_F(ServerPathsTest, ProposalsTakeNoUrlFromTheRequest) {
  long long head = journalHead();
  auto url = server().post("/api/v1/sparql.proposals", R"({"endpoint":"http://127.0.0.1:1/sparql"})",
                           token("secretariaat"));
  EXPECT_EQ(url.status, 400) << url.body;
  EXPECT_NE(url.body.find("'endpoint'"), std::string::npos) << url.body;
  auto source = server().post("/api/v1/sparql.proposals",
                              R"({"source":{"endpoint":"http://127.0.0.1:1/sparql"}})", token("secretariaat"));
  EXPECT_EQ(source.status, 400) << source.body;
  auto unknown = server().post("/api/v1/sparql.proposals", R"({"source":"onbekend"})", token("secretariaat"));
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_NE(unknown.body.find("stil"), std::string::npos) << unknown.body;  // lists the configured names
  expectPathRefused(server().post("/api/v1/sparql.proposals", R"({"source":"stil","config":")" + dir() +
                                                                  "/geheim.txt\"}",
                                  token("secretariaat")),
                    "config");
  EXPECT_EQ(journalHead(), head);
}

TEST_F(ServerPathsTest, ASilentSourceBlocksNoOtherWriter) {
  long long head = journalHead();
  int before = silent_->requests();
  std::atomic<bool> done{false};
  Response proposals;
  std::thread fetch([&] {
    proposals = server().post("/api/v1/sparql.proposals", R"({"source":"stil"})", token("secretariaat"));
    done = true;
  });
  // Wait until the request reached the silent source.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kSilentTimeout - 5);
  while (silent_->requests() == before && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_GT(silent_->requests(), before) << "sparql.proposals never reached the source";

  // Meanwhile other writers go through: over REST (same process) and the CLI (another process).
  auto rest = server().post("/api/v1/person.create", R"({"id":"p-tijdens-sparql","name":"Tijdens Sparql"})",
                            token("directeur"));
  EXPECT_EQ(rest.status, 200) << rest.body;
  auto viaCli = cli(reg_->path, {"person", "create", "--id", "p-cli-tijdens-sparql", "--name", "Cli Tijdens Sparql"});
  EXPECT_EQ(viaCli.exitCode, 0) << viaCli.err << viaCli.out;
  EXPECT_FALSE(done) << "the other writes waited for the SPARQL source";

  fetch.join();
  EXPECT_EQ(proposals.status, 500) << proposals.body;
  auto e = proposals.json();
  EXPECT_EQ(e->getValue<std::string>("code"), "io") << proposals.body;
  EXPECT_NE(e->getValue<std::string>("message").find("antwoordt niet binnen " + std::to_string(kSilentTimeout) + " s"),
            std::string::npos)
      << proposals.body;
  // The failed fetch changed nothing: two entries (the two persons), no proposals.
  EXPECT_EQ(journalHead(), head + 2);
  auto list = server().get("/api/v1/sparql.list", token("auditor"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()->getArray("proposals")->size(), 0u) << list.body;
  auto journal = server().get("/api/v1/audit.journal?from_seq=" + std::to_string(head + 1), token("auditor"));
  EXPECT_EQ(journal.body.find("sparql.proposals"), std::string::npos) << journal.body;
}

// The "files" section is checked at start: a typo or a missing file stops the
// service (exit 78) instead of silently falling back to another file.
TEST(ServerPathsConfig, FilesAreKnownAndExistAtStart) {
  std::string d = freshDir("paths-config-" + std::to_string(getpid()));
  auto reg = makeSampleRegister(d, false);
  Poco::File(d + "/kalender").createDirectories();
  spit(d + "/sync.json", R"({"targets": {}})");
  struct Case {
    const char* name;
    std::string files;
    std::string expected;
  };
  const Case cases[] = {
      {"unknown setting", R"({"sync_conf": "sync.json"})", "'sync_conf'"},
      {"empty path", R"({"calendar_dir": ""})", "'calendar_dir'"},
      {"missing file", R"({"sparql_config": "sparql.json"})", "files.sparql_config"},
      {"folder that is a file", R"({"calendar_dir": "sync.json"})", "files.calendar_dir"},
      {"file that is a folder", R"({"sync_config": "kalender"})", "files.sync_config"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    spit(d + "/igsgovd.json", R"({"register": "register.db", "files": )" + c.files + "}");
    auto r = startFailing({"--config", d + "/igsgovd.json", "--port", "1"});
    EXPECT_EQ(r.exitCode, 78) << r.err << r.out;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  }
}

}  // namespace
