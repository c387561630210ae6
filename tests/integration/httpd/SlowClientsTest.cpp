// igsgovd under slow and idle clients (issue 13): connections that send
// nothing, trickle a header line by line, trickle a body or sit idle between
// requests must neither stall other clients nor be held past their deadlines;
// the caps on connections answer 503. The "others" are measured: a normal
// request from 127.0.0.1 must answer within 1 s while the attack runs.
//
// The attackers bind their sockets to other loopback addresses (127.0.0.x,
// x >= 10): spread over ten addresses, or all from one. The bound of 1 s is
// the issue's; a health or token-checked read takes a few ms here, so it
// holds on a loaded 2-core machine too.
#include "Harness.hpp"
#include "RawClient.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

using namespace igsgov::test;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Latency {
  double worst = 0;
  int requests = 0;
  int failures = 0;
  std::string firstFailure;
};

// One normal request from 127.0.0.1, timed into `l`.
void measure(Igsgovd& server, const std::string& token, Latency& l) {
  auto start = Clock::now();
  Response r;
  try {
    r = rawRequest(server.port(), "127.0.0.1", getRequest("/api/v1/person.list", token), 10000);
  } catch (const std::exception& e) {
    r.body = e.what();
  }
  double ms = msSince(start);
  ++l.requests;
  l.worst = std::max(l.worst, ms);
  if (r.status != 200) {
    if (l.failures++ == 0) l.firstFailure = std::to_string(r.status) + " " + r.body.substr(0, 200);
  }
}

class SlowClientsTest : public ::testing::Test {
protected:
  void start(const std::string& name, const std::string& limits) {
    dir_ = freshDir(name);
    reg_ = makeSampleRegister(dir_, false);
    std::ofstream(dir_ + "/igsgovd.json") << R"({"register": "register.db", "limits": )" << limits << "}";
    server_ = std::make_unique<Igsgovd>(dir_, std::vector<std::string>{"--config", dir_ + "/igsgovd.json"});
  }

  // 200 idle and 50 trickling connections from `addresses` while normal
  // requests from 127.0.0.1 are timed; every attacker must be closed by the
  // server once the header deadline (3 s) has passed.
  void attack(const std::vector<std::string>& addresses) {
    start("slow-" + std::to_string(addresses.size()), R"({"header_timeout_seconds": 3})");
    const std::string token = reg_.secrets["auditor"];
    Latency latency;
    auto t0 = Clock::now();
    std::vector<std::unique_ptr<RawConnection>> idle, trickle;
    for (int i = 0; i < 250; ++i) {
      auto c = std::make_unique<RawConnection>(server_->port(), addresses[i % addresses.size()], 5000);
      if (i < 200) {
        idle.push_back(std::move(c));
      } else {
        c->send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        trickle.push_back(std::move(c));
      }
      if (i % 25 == 0) measure(*server_, token, latency);
    }
    double opened = msSince(t0);
    std::vector<bool> closed(250, false);
    std::vector<std::string> answers(250);
    int line = 0;
    auto lastTrickle = Clock::now();
    // Trickle one header line per second for up to 8 s (past the 3 s header
    // deadline), measuring normal requests every ~100 ms.
    while (msSince(t0) < 8000) {
      if (msSince(lastTrickle) >= 1000) {
        lastTrickle = Clock::now();
        ++line;
        for (std::size_t i = 0; i < trickle.size(); ++i)
          if (!closed[200 + i]) trickle[i]->send("X-Trickle-" + std::to_string(line) + ": x\r\n");
      }
      for (std::size_t i = 0; i < 250; ++i) {
        if (closed[i]) continue;
        RawConnection& c = i < 200 ? *idle[i] : *trickle[i - 200];
        closed[i] = c.closedWithin(0, &answers[i]);
      }
      measure(*server_, token, latency);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    SCOPED_TRACE("250 connections opened in " + std::to_string(static_cast<int>(opened)) + " ms");
    EXPECT_EQ(latency.failures, 0) << "first failure: " << latency.firstFailure;
    EXPECT_GT(latency.requests, 40);
    EXPECT_LT(latency.worst, 1000.0) << "a normal request took " << latency.worst << " ms during the attack";
    int stillOpen = static_cast<int>(std::count(closed.begin(), closed.end(), false));
    EXPECT_EQ(stillOpen, 0) << "connections the server still held 8 s after they opened (header deadline 3 s)";
    int timedOut = 0, refused = 0;
    for (const auto& a : answers) {
      int status = parseResponse(a).status;
      timedOut += status == 408;
      refused += status == 503;
    }
    if (addresses.size() > 1) {
      EXPECT_EQ(refused, 0) << "25 connections per address are within the default cap";
      EXPECT_EQ(timedOut, 50) << "every trickling connection gets 408";
    } else {
      EXPECT_GE(refused, 250 - 64) << "all but the default per-address cap (64) refused with 503";
    }
  }

  std::string dir_;
  SampleRegister reg_;
  std::unique_ptr<Igsgovd> server_;
};

std::vector<std::string> loopbacks(int first, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back("127.0.0." + std::to_string(first + i));
  return out;
}

TEST_F(SlowClientsTest, IdleAndTricklingConnectionsFromManyAddressesDoNotStallOthers) { attack(loopbacks(10, 10)); }

TEST_F(SlowClientsTest, IdleAndTricklingConnectionsFromOneAddressDoNotStallOthers) { attack(loopbacks(20, 1)); }

TEST_F(SlowClientsTest, IdleKeepAliveConnectionsDoNotHoldWorkers) {
  start("keepalive", R"({"max_threads": 4, "keep_alive_seconds": 30})");
  const std::string token = reg_.secrets["auditor"];
  // Twelve clients (three times max_threads) each finish a request and keep
  // their connection open, idle.
  std::vector<std::unique_ptr<RawConnection>> clients;
  for (int i = 0; i < 12; ++i) {
    auto c = std::make_unique<RawConnection>(server_->port(), "127.0.0." + std::to_string(30 + i));
    ASSERT_TRUE(c->send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    auto answer = c->readResponse(3000);
    ASSERT_EQ(parseResponse(answer).status, 200) << i << ": " << answer;
    clients.push_back(std::move(c));
  }
  Latency latency;
  for (int i = 0; i < 10; ++i) measure(*server_, token, latency);
  EXPECT_EQ(latency.failures, 0) << latency.firstFailure;
  EXPECT_LT(latency.worst, 1000.0);
  // The idle connections still work: a second request on each.
  for (auto& c : clients) {
    ASSERT_TRUE(c->send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    EXPECT_EQ(parseResponse(c->readUntilClosed(5000)).status, 200);
  }
}

TEST_F(SlowClientsTest, ATrickledBodyIsCutAtTheBodyDeadlineAndChangesNothing) {
  start("slow-body", R"({"body_timeout_seconds": 2})");
  RawConnection c(server_->port(), "127.0.0.40");
  std::string body = R"({"id":"p-traag","name":"Traag","fictitious":true})";
  ASSERT_TRUE(c.send("POST /api/v1/person.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                     reg_.secrets["beheerder"] + "\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n"));
  // One byte every 400 ms: each recv succeeds long before any per-read
  // timeout, only a total deadline stops it.
  auto t0 = Clock::now();
  std::string answer;
  bool closed = false;
  for (std::size_t i = 0; i + 1 < body.size() && msSince(t0) < 10000; ++i) {
    if (c.closedWithin(0, &answer)) {
      closed = true;
      break;
    }
    c.send(body.substr(i, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
  }
  if (!closed) closed = c.closedWithin(3000, &answer);
  double ms = msSince(t0);
  EXPECT_TRUE(closed) << "the body was still being read after " << ms << " ms";
  EXPECT_LT(ms, 6000.0);
  EXPECT_EQ(parseResponse(answer).status, 408) << answer;
  auto people = server_->get("/api/v1/person.list", reg_.secrets["auditor"]);
  EXPECT_EQ(people.body.find("p-traag"), std::string::npos);
}

TEST_F(SlowClientsTest, TheFormerRequestTimeoutStillStartsAndNowBoundsTheWholeHeader) {
  // limits.request_timeout_seconds is kept for one release as an alias of the
  // header and body deadlines: an existing configuration must still start.
  start("former-timeout", R"({"request_timeout_seconds": 2})");
  RawConnection c(server_->port(), "127.0.0.41");
  ASSERT_TRUE(c.send("GET /api/v1/health HTTP/1.1\r\n"));
  auto t0 = Clock::now();
  std::string answer;
  EXPECT_TRUE(c.closedWithin(6000, &answer)) << "the header deadline of 2 s (not the default 10 s) applies";
  EXPECT_LT(msSince(t0), 6000.0);
  EXPECT_EQ(parseResponse(answer).status, 408) << answer;
  EXPECT_NE(server_->log().find("request_timeout_seconds is deprecated"), std::string::npos) << server_->log();
}

TEST_F(SlowClientsTest, TricklingBodiesDoNotHoldWorkers) {
  // Three times max_threads clients send a complete header, then the body a
  // byte at a time: the gate waits for the bodies, the workers stay free.
  start("slow-bodies", R"({"max_threads": 4, "body_timeout_seconds": 3})");
  const std::string token = reg_.secrets["beheerder"];
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 12; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server_->port(), "127.0.0." + std::to_string(70 + i % 3)));
    slow.back()->send("POST /api/v1/person.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                      "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
  }
  auto t0 = Clock::now();
  Latency latency;
  std::vector<std::string> answers(slow.size());
  std::vector<bool> closed(slow.size(), false);
  while (msSince(t0) < 5000) {
    for (std::size_t i = 0; i < slow.size(); ++i)
      if (!closed[i] && !(closed[i] = slow[i]->closedWithin(0, &answers[i]))) slow[i]->send(" ");
    measure(*server_, reg_.secrets["auditor"], latency);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(latency.failures, 0) << latency.firstFailure;
  EXPECT_LT(latency.worst, 1000.0) << "a normal request took " << latency.worst << " ms";
  for (std::size_t i = 0; i < slow.size(); ++i) {
    EXPECT_TRUE(closed[i]) << i;
    EXPECT_EQ(parseResponse(answers[i]).status, 408) << answers[i];
  }
}

TEST_F(SlowClientsTest, ConnectionCapsAnswer503AndOthersStillGetIn) {
  start("caps", R"({"max_connections": 20, "max_connections_per_address": 5})");
  std::vector<std::unique_ptr<RawConnection>> held;
  // Five from one address fill its share; the sixth is refused.
  for (int i = 0; i < 5; ++i) held.push_back(std::make_unique<RawConnection>(server_->port(), "127.0.0.50"));
  RawConnection sixth(server_->port(), "127.0.0.50");
  auto refused = parseResponse(sixth.readUntilClosed(3000));
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.headers["Retry-After"], "5");
  EXPECT_NE(refused.body.find("te veel verbindingen vanaf uw adres"), std::string::npos) << refused.body;
  // Another address still gets in.
  EXPECT_EQ(rawRequest(server_->port(), "127.0.0.1", getRequest("/api/v1/health")).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // until the server has closed its side too
  // Fill the total: 5 + 3 addresses x 5 = 20 open; the next one is refused.
  for (int a = 51; a < 54; ++a)
    for (int i = 0; i < 5; ++i)
      held.push_back(std::make_unique<RawConnection>(server_->port(), "127.0.0." + std::to_string(a)));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (auto& h : held) EXPECT_FALSE(h->closedWithin(0)) << "a connection within the caps was closed";
  auto full = rawRequest(server_->port(), "127.0.0.1", getRequest("/api/v1/health"));
  EXPECT_EQ(full.status, 503);
  EXPECT_NE(full.body.find("te veel verbindingen"), std::string::npos) << full.body;
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(rawRequest(server_->port(), "127.0.0.1", getRequest("/api/v1/health")).status, 200);
}

TEST_F(SlowClientsTest, AnOversizedHeaderIs431) {
  start("big-header", R"({"max_header_bytes": 4096})");
  RawConnection c(server_->port(), "127.0.0.60");
  c.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(8000, 'x') + "\r\n\r\n");
  auto r = parseResponse(c.readUntilClosed(5000));
  EXPECT_EQ(r.status, 431);
  EXPECT_NE(r.body.find("4096"), std::string::npos) << r.body;
}

}  // namespace
