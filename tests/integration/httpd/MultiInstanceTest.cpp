// Two igsgovd instances on one PostgreSQL register (issue 16,
// docs/dev/deployment.md): 8 clients appoint mandates through both at once
// while two others read compositions, for a bounded time (IGSGOV_LOAD_SECONDS,
// 10 by default; the fault phases take half of it, at least 6 s). Afterwards
// every acknowledged write is in the register exactly once, nothing was
// written that was not attempted, the journal has no gap (seq 1..N) and
// `audit verify` passes. Faults: PostgreSQL restarted (pg_ctl restart) during
// the load: requests fail only with 503 + Retry-After, both instances answer
// again without a restart; one igsgovd killed with SIGKILL during writes: the
// other goes on, the chain verifies.
//
// Runs on PostgreSQL only (ctest httpd.multi_instance.postgresql, inside
// tests/support/postgres.sh); in the plain test_httpd run these tests skip.
#include "Harness.hpp"

#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace igsgov::test;

namespace {

constexpr int kWriters = 8, kReaders = 2;
constexpr const char* kBody = "mi-bestuur";

int loadSeconds() {
  const char* s = std::getenv("IGSGOV_LOAD_SECONDS");
  int n = s ? std::atoi(s) : 0;
  return n > 0 ? n : 10;
}

// What one load run saw.
struct Outcome {
  std::set<std::string> attempted;
  std::vector<std::string> acknowledged;
  int refused503 = 0;        // 503 with Retry-After
  int transport = 0;         // connection refused/reset (only from a killed instance)
  int reads = 0;
  std::vector<std::string> unexpected;  // anything else, with its answer
};

class MultiInstance : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    if (!igsgov::testing::onPostgres()) return;
    dir_ = new std::string(freshDir("multi-" + std::to_string(getpid())));
    address_ = new std::string(igsgov::testing::freshPostgresDatabase());
    reg_ = new SampleRegister(makeSampleRegister(*dir_, true, *address_));
    // A body of igs-rupel with one seat per writer, so the writers never
    // compete for a seat (each appoints single-day mandates on its own seat).
    Poco::File(*dir_ + "/documenten").createDirectories();
    for (int i = 0; i < 2; ++i) servers_[i] = start(i);
    std::string seats;
    for (int c = 0; c < kWriters; ++c)
      seats += std::string(c ? "," : "") + R"({"id":"mi-zetel-)" + std::to_string(c) + R"(","member":"igs-rupel-11018"})";
    auto r = servers_[0]->post("/api/v1/body.create",
                               std::string(R"({"id":")") + kBody + R"(","cooperation":"igs-rupel","type":"raad_van_bestuur",)" +
                                   R"("from":"2019-07-01","seats":[)" + seats + "]}",
                               reg_->secrets.at("beheerder"));
    if (r.status != 200) throw std::runtime_error("body.create: " + r.body);
  }
  static void TearDownTestSuite() {
    for (auto*& s : servers_) {
      delete s;
      s = nullptr;
    }
    delete reg_;
    delete address_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_TRUE(igsgov::testing::onPostgres())
        << "runs on PostgreSQL only (ctest -R httpd.multi_instance.postgresql; the plain run leaves it out)";
  }

  static Igsgovd* start(int i) {
    std::string config = *dir_ + "/igsgovd-" + std::to_string(i) + ".json";
    std::ofstream(config) << R"({"database": {"url": ")" << *address_ << R"("},
        "intranet": {"documents_dir": ")" << *dir_ << R"(/documenten"}})";
    return new Igsgovd(*dir_, {"--config", config});
  }

  // One run of the load; `during` runs on the test thread after a third of it.
  // Each phase (offset: 0, 1, 2) appoints on its own days, so phases never
  // compete for a seat; a writer appoints at most kDays mandates per phase.
  static constexpr int kDays = 1500;
  static Outcome load(const std::string& phase, int offset, int seconds, const std::function<void()>& during = {},
                      const std::function<bool(int)>& transportAllowed = [](int) { return false; }) {
    Outcome out;
    std::mutex m;
    std::atomic<bool> stop{false};
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    const std::string token = reg_->secrets.at("beheerder");
    std::vector<std::thread> threads;
    for (int c = 0; c < kWriters; ++c)
      threads.emplace_back([&, c] {
        for (int n = 0; !stop && n < kDays; ++n) {
          int server = (c + n) % 2;
          std::string id = "mi-" + phase + "-" + std::to_string(c) + "-" + std::to_string(n);
          // A day after 2020-01-01 (single-day mandates, one seat per writer).
          char day[16];
          std::tm t{};
          t.tm_year = 120;
          t.tm_mday = 1 + offset * kDays + n;
          t.tm_isdst = -1;
          std::time_t when = timegm(&t);
          std::strftime(day, sizeof day, "%Y-%m-%d", gmtime_r(&when, &t));
          std::string body = R"({"id":")" + id + R"(","person":"p-0)" + std::to_string(30 + c) + R"(","body":")" +
                             kBody + R"(","seat":"mi-zetel-)" + std::to_string(c) +
                             R"(","member":"igs-rupel-11018","role":"bestuurder","from":")" + day + R"(","until":")" +
                             day + R"("})";
          {
            std::lock_guard<std::mutex> lock(m);
            out.attempted.insert(id);
          }
          Response r;
          try {
            Igsgovd* s = servers_[server];
            r = s->post("/api/v1/mandate.appoint", body, token);
          } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(m);
            if (transportAllowed(server)) ++out.transport;
            else out.unexpected.push_back(id + ": " + e.what());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
          }
          std::lock_guard<std::mutex> lock(m);
          if (r.status == 200) out.acknowledged.push_back(id);
          else if (r.status == 503 && r.headers.count("Retry-After")) ++out.refused503;
          else out.unexpected.push_back(id + ": " + std::to_string(r.status) + " " + r.body);
          if (r.status == 503) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
      });
    for (int c = 0; c < kReaders; ++c)
      threads.emplace_back([&, c] {
        for (int n = 0; !stop; ++n) {
          int server = (c + n) % 2;
          Response r;
          try {
            r = servers_[server]->get(std::string("/api/v1/body.composition?body=") + kBody + "&as_of=2020-06-01",
                                      reg_->secrets.at("auditor"));
          } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(m);
            if (!transportAllowed(server)) out.unexpected.push_back(std::string("read: ") + e.what());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
          }
          std::lock_guard<std::mutex> lock(m);
          ++out.reads;
          if (r.status != 200 && !(r.status == 503 && r.headers.count("Retry-After")))
            out.unexpected.push_back("read: " + std::to_string(r.status) + " " + r.body);
        }
      });
    if (during) {
      std::this_thread::sleep_for(std::chrono::seconds(seconds) / 3);
      during();
    }
    std::this_thread::sleep_until(deadline);
    stop = true;
    for (auto& t : threads) t.join();
    return out;
  }

  // The register afterwards: every acknowledged write exactly once, nothing
  // that was not attempted, the journal seq 1..N without a gap, audit verify ok.
  static void expectIntact(const Outcome& o, const std::string& phase) {
    for (const auto& u : o.unexpected) ADD_FAILURE() << "unexpected answer: " << u;
    auto exported = cli(*address_, {"export"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    auto doc = Poco::JSON::Parser().parse(exported.out).extract<Poco::JSON::Object::Ptr>();
    auto mandates = doc->getArray("mandates");
    std::map<std::string, int> present;
    std::string prefix = "mi-" + phase + "-";
    for (size_t i = 0; i < mandates->size(); ++i) {
      auto id = mandates->getObject(static_cast<unsigned>(i))->getValue<std::string>("id");
      if (id.rfind(prefix, 0) == 0) ++present[id];
    }
    for (const auto& id : o.acknowledged) EXPECT_EQ(present[id], 1) << id << " acknowledged";
    for (const auto& [id, n] : present) {
      EXPECT_EQ(n, 1) << id;
      EXPECT_TRUE(o.attempted.count(id)) << id << " was never attempted";
    }
    auto journal = cli(*address_, {"audit", "journal", "--limit", "1000000"});
    ASSERT_EQ(journal.exitCode, 0) << journal.err;
    auto entries = Poco::JSON::Parser().parse(journal.out).extract<Poco::JSON::Object::Ptr>()->getArray("entries");
    std::set<long long> seqs;
    for (size_t i = 0; i < entries->size(); ++i) seqs.insert(entries->getObject(static_cast<unsigned>(i))->getValue<long long>("seq"));
    ASSERT_FALSE(seqs.empty());
    EXPECT_EQ(seqs.size(), entries->size()) << "a seq twice: a fork";
    EXPECT_EQ(*seqs.begin(), 1);
    EXPECT_EQ(*seqs.rbegin(), static_cast<long long>(seqs.size())) << "a gap in the journal";
    auto verify = cli(*address_, {"audit", "verify"});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
  }

  // A write through instance i succeeds within `seconds` (it reconnected by itself).
  static bool answersAgain(int i, const std::string& id, int seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until) {
      try {
        auto r = servers_[i]->post("/api/v1/person.create", R"({"id":")" + id + R"(","name":"Weer Verbonden"})",
                                   reg_->secrets.at("beheerder"));
        if (r.status == 200) return true;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
  }

  static std::string* dir_;
  static std::string* address_;
  static SampleRegister* reg_;
  static Igsgovd* servers_[2];
};
std::string* MultiInstance::dir_ = nullptr;
std::string* MultiInstance::address_ = nullptr;
SampleRegister* MultiInstance::reg_ = nullptr;
Igsgovd* MultiInstance::servers_[2] = {nullptr, nullptr};

TEST_F(MultiInstance, EightWritersThroughTwoInstancesKeepOneChain) {
  auto o = load("last", 0, loadSeconds());
  EXPECT_GT(o.acknowledged.size(), 20u) << "too few writes got through";
  EXPECT_GT(o.reads, 10);
  expectIntact(o, "last");
  std::printf("load: %zu writes acknowledged, %d answered 503, %d reads\n", o.acknowledged.size(), o.refused503,
              o.reads);
}

// pg_ctl restart -m fast of the test's server (tests/support/postgres.sh
// stops the restarted server by the PID in its postmaster.pid).
RunResult restartPostgres() {
  const char* bin = std::getenv("IGSGOV_PG_BIN");
  std::string pgCtl = std::string(bin ? bin : "/usr/lib/postgresql/15/bin") + "/pg_ctl";
  std::string data = std::getenv("IGSGOV_TEST_PGDATA");
  // As root the server runs as `postgres` (as postgres.sh starts it).
  std::vector<std::string> argv;
  if (::getuid() == 0) argv = {"/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--"};
  argv.insert(argv.end(), {pgCtl, "-D", data, "-l", data + "/../restart.log", "-m", "fast", "-w", "restart"});
  return run(argv);
}

TEST_F(MultiInstance, PostgresRestartedDuringTheLoad) {
  RunResult restart;
  auto o = load("herstart", 1, std::max(6, loadSeconds() / 2), [&] { restart = restartPostgres(); });
  ASSERT_EQ(restart.exitCode, 0) << restart.out << restart.err;
  // Both instances answer again, without being restarted.
  EXPECT_TRUE(answersAgain(0, "p-na-herstart-0", 30)) << servers_[0]->log();
  EXPECT_TRUE(answersAgain(1, "p-na-herstart-1", 30)) << servers_[1]->log();
  EXPECT_GT(o.acknowledged.size(), 5u);
  expectIntact(o, "herstart");

  // Restarted while both instances are idle: their connections died unnoticed;
  // the first request after it reconnects by itself instead of answering 503.
  ASSERT_EQ(restartPostgres().exitCode, 0);
  for (int i = 0; i < 2; ++i) {
    auto w = servers_[i]->post("/api/v1/person.create",
                               R"({"id":"p-stil-)" + std::to_string(i) + R"(","name":"Na Stille Herstart"})",
                               reg_->secrets.at("beheerder"));
    EXPECT_EQ(w.status, 200) << "instance " << i << ": " << w.body;
    auto r = servers_[i]->get(std::string("/api/v1/body.composition?body=") + kBody, reg_->secrets.at("auditor"));
    EXPECT_EQ(r.status, 200) << "instance " << i << ": " << r.body;
  }
  std::printf("restart: %zu writes acknowledged, %d answered 503, %d reads\n", o.acknowledged.size(), o.refused503,
              o.reads);
}

TEST_F(MultiInstance, OneInstanceKilledDuringWrites) {
  std::atomic<bool> killed{false};
  auto o = load(
      "kill", 2, std::max(6, loadSeconds() / 2),
      [&] {
        killed = true;
        servers_[1]->signal(SIGKILL);
        servers_[1]->waitExit(10000);
      },
      [&](int server) { return server == 1 && killed; });
  EXPECT_TRUE(answersAgain(0, "p-na-kill", 10)) << servers_[0]->log();
  expectIntact(o, "kill");
  delete servers_[1];
  servers_[1] = start(1);  // a restarted instance joins the same register
  EXPECT_TRUE(answersAgain(1, "p-na-kill-1", 10)) << servers_[1]->log();
  std::printf("kill -9: %zu writes acknowledged, %d answered 503, %d failed at the killed instance\n",
              o.acknowledged.size(), o.refused503, o.transport);
}

}  // namespace
