// Logins against the real igsgovd (issue 13): intranet sessions are per user
// and capped per user, so logging in 10,000 times with one token evicts no
// other user's session; the global cap refuses a login instead of evicting;
// failed logins (intranet form and REST bearer tokens) are rate limited per
// client address with 429, a Dutch message and Retry-After, while requests
// from other addresses go on at full speed.
#include "Harness.hpp"
#include "RawClient.hpp"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>

using namespace igsgov::test;
using Clock = std::chrono::steady_clock;

namespace {

struct LoginForm {
  std::string cookie;  // igsgov_aanmelden
  std::string csrf;
};

LoginForm loginForm(int port, const std::string& source) {
  RawConnection c(port, source);
  c.send("GET /intranet/aanmelden HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  std::string raw = c.readUntilClosed(5000);
  LoginForm f;
  f.cookie = setCookieValue(raw, "igsgov_aanmelden");
  std::string key = "name=\"csrf\" value=\"";
  auto pos = raw.find(key);
  if (pos != std::string::npos) f.csrf = raw.substr(pos + key.size(), raw.find('"', pos + key.size()) - pos - key.size());
  return f;
}

std::string loginRequest(const LoginForm& f, const std::string& token, bool close) {
  std::string body = "csrf=" + f.csrf + "&token=" + token;
  return "POST /intranet/aanmelden HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: igsgov_aanmelden=" + f.cookie +
         "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
         (close ? "\r\nConnection: close" : "") + "\r\n\r\n" + body;
}

// Signs in once; the session cookie ("" when refused), the raw answer in *raw.
std::string login(int port, const std::string& source, const std::string& token, std::string* raw = nullptr) {
  LoginForm f = loginForm(port, source);
  RawConnection c(port, source);
  c.send(loginRequest(f, token, true));
  std::string answer = c.readUntilClosed(5000);
  if (raw) *raw = answer;
  return setCookieValue(answer, "igsgov_sessie");
}

// The status of GET /intranet/igs with this session cookie (200 signed in, 303 to the login page).
int pageStatus(int port, const std::string& session) {
  return rawRequest(port, "127.0.0.1",
                    "GET /intranet/igs HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: igsgov_sessie=" + session +
                        "\r\nConnection: close\r\n\r\n")
      .status;
}

class LoginTest : public ::testing::Test {
protected:
  void start(const std::string& name, const std::string& config) {
    dir_ = freshDir(name);
    reg_ = makeSampleRegister(dir_, false);
    std::ofstream(dir_ + "/igsgovd.json") << R"({"register": "register.db")" << config << "}";
    server_ = std::make_unique<Igsgovd>(dir_, std::vector<std::string>{"--config", dir_ + "/igsgovd.json"});
  }
  std::string dir_;
  SampleRegister reg_;
  std::unique_ptr<Igsgovd> server_;
};

TEST_F(LoginTest, TenThousandLoginsWithOneTokenEvictNoOtherUser) {
  start("login-many", "");
  int port = server_->port();
  std::string other = login(port, "127.0.0.1", reg_.secrets["auditor"]);
  ASSERT_FALSE(other.empty());
  ASSERT_EQ(pageStatus(port, other), 200);

  // 10,000 logins with the beheerder's token on one kept-alive connection.
  LoginForm f = loginForm(port, "127.0.0.80");
  RawConnection c(port, "127.0.0.80");
  std::string first, last;
  for (int i = 0; i < 10000; ++i) {
    ASSERT_TRUE(c.send(loginRequest(f, reg_.secrets["beheerder"], false))) << i;
    std::string raw = c.readResponse(5000);
    ASSERT_EQ(parseResponse(raw).status, 303) << i << ": " << raw;
    (i == 0 ? first : last) = setCookieValue(raw, "igsgov_sessie");
  }
  EXPECT_EQ(pageStatus(port, other), 200) << "another user's session was evicted";
  EXPECT_EQ(pageStatus(port, last), 200);
  EXPECT_EQ(pageStatus(port, first), 303) << "the user's own oldest session is the one dropped";
}

TEST_F(LoginTest, TheGlobalCapRefusesALoginAndEvictsNobody) {
  start("login-cap", R"(, "intranet": {"max_sessions": 3, "sessions_per_user": 2})");
  int port = server_->port();
  std::vector<std::string> sessions;
  for (const char* role : {"beheerder", "directeur", "secretariaat"}) {
    sessions.push_back(login(port, "127.0.0.1", reg_.secrets[role]));
    ASSERT_FALSE(sessions.back().empty()) << role;
  }
  std::string raw;
  EXPECT_TRUE(login(port, "127.0.0.1", reg_.secrets["auditor"], &raw).empty());
  EXPECT_EQ(parseResponse(raw).status, 503) << raw;
  EXPECT_NE(raw.find("Er zijn te veel aanmeldingen tegelijk"), std::string::npos) << raw;
  for (const auto& s : sessions) EXPECT_EQ(pageStatus(port, s), 200);
  // A user at their own cap may still sign in again: their oldest session goes.
  std::string again = login(port, "127.0.0.1", reg_.secrets["beheerder"]);
  EXPECT_FALSE(again.empty());
}

TEST_F(LoginTest, FailedLoginsAreLimitedPerAddressWithRetryAfter) {
  start("login-throttle", R"(, "limits": {"failed_login_burst": 5, "failed_login_refill_seconds": 60})");
  int port = server_->port();
  std::string wrong = "igsgov_" + std::string(64, '0');

  // REST: five wrong bearer tokens from one address are 401, then 429.
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(rawRequest(port, "127.0.0.90", getRequest("/api/v1/person.list", wrong)).status, 401) << i;
  auto limited = rawRequest(port, "127.0.0.90", getRequest("/api/v1/person.list", wrong));
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_GE(std::stoi(limited.headers["Retry-After"].empty() ? "0" : limited.headers["Retry-After"]), 1);
  EXPECT_NE(limited.body.find("te veel mislukte aanmeldpogingen"), std::string::npos) << limited.body;
  // Even the right token is refused from there until the wait is over (a
  // guess must not learn whether it was right).
  EXPECT_EQ(rawRequest(port, "127.0.0.90", getRequest("/api/v1/person.list", reg_.secrets["auditor"])).status, 429);

  // Others are not slowed: another address, right and wrong tokens.
  auto t0 = Clock::now();
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(rawRequest(port, "127.0.0.1", getRequest("/api/v1/person.list", reg_.secrets["auditor"])).status, 200);
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  EXPECT_LT(ms, 20 * 1000.0 / 4) << "20 requests from another address took " << ms << " ms";
  EXPECT_EQ(rawRequest(port, "127.0.0.91", getRequest("/api/v1/person.list", wrong)).status, 401);

  // Intranet form: the same budget per address (REST failures above count too).
  for (int i = 0; i < 5; ++i) {
    std::string raw;
    EXPECT_TRUE(login(port, "127.0.0.92", wrong, &raw).empty());
    EXPECT_EQ(parseResponse(raw).status, 401) << i << raw;
  }
  std::string raw;
  EXPECT_TRUE(login(port, "127.0.0.92", reg_.secrets["auditor"], &raw).empty());
  auto page = parseResponse(raw);
  EXPECT_EQ(page.status, 429) << raw;
  EXPECT_FALSE(page.headers["Retry-After"].empty());
  EXPECT_NE(raw.find("Te veel mislukte aanmeldpogingen"), std::string::npos) << raw;
  // A signed-in user elsewhere keeps working.
  std::string session = login(port, "127.0.0.1", reg_.secrets["directeur"]);
  EXPECT_EQ(pageStatus(port, session), 200);
}

}  // namespace
