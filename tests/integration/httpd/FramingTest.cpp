// Request framing (issue 13): a request whose body length is ambiguous is
// refused with 400 and the connection closed, so bytes behind it never run
// as a second request. Each case sends, on one raw connection, a request
// with ambiguous framing followed by a complete second request (a write);
// neither may answer with anything but one 400, neither may change the register.
#include "Harness.hpp"
#include "RawClient.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <cctype>
#include <sstream>
#include <vector>

using namespace igsgov::test;

namespace {

struct FramingCase {
  std::string name;
  std::string framing;  // header lines that declare the body, each ending in \r\n
  std::string body;     // what follows the header (the second request included)
};

class FramingTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("framing-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_, false));
    server_ = new Igsgovd(*dir_, {"--register", reg_->path});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }

  static std::string head(const std::string& framing) {
    return "POST /api/v1/person.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
           reg_->secrets["beheerder"] + "\r\nContent-Type: application/json\r\n" + framing + "\r\n";
  }
  static std::string person(const std::string& id) {
    return R"({"id":")" + id + R"(","name":"Framing )" + id + R"(","fictitious":true})";
  }
  // A complete request of its own: creates `id` if it ever runs.
  static std::string smuggled(const std::string& id) {
    std::string body = person(id);
    return head("Content-Length: " + std::to_string(body.size()) + "\r\n") + body;
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};
std::string* FramingTest::dir_ = nullptr;
SampleRegister* FramingTest::reg_ = nullptr;
Igsgovd* FramingTest::server_ = nullptr;

std::string hex(std::size_t n) {
  std::ostringstream os;
  os << std::hex << n;
  return os.str();
}

int countResponses(const std::string& raw) {
  int n = 0;
  for (std::size_t pos = 0; (pos = raw.find("HTTP/1.", pos)) != std::string::npos; ++pos) ++n;
  return n;
}

TEST_F(FramingTest, AmbiguousBodyLengthsAre400AndNothingBehindThemRuns) {
  std::string first = person("p-frame-te");
  std::string chunked = hex(first.size()) + "\r\n" + first + "\r\n0\r\n\r\n";
  std::string second = smuggled("p-smuggled-te");
  std::string one = person("p-frame-two");
  std::string afterTwo = smuggled("p-smuggled-two");
  const FramingCase cases[] = {
      {"Content-Length and chunked",
       "Content-Length: " + std::to_string(chunked.size() + second.size()) + "\r\nTransfer-Encoding: chunked\r\n",
       chunked + second},
      {"chunked and Content-Length", "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n", chunked + second},
      {"two different Content-Length",
       "Content-Length: " + std::to_string(one.size()) + "\r\nContent-Length: " +
           std::to_string(one.size() + afterTwo.size()) + "\r\n",
       one + afterTwo},
      {"negative Content-Length", "Content-Length: -1\r\n", smuggled("p-smuggled-neg")},
      {"non-numeric Content-Length", "Content-Length: 12abc\r\n", smuggled("p-smuggled-nan")},
      {"signed Content-Length", "Content-Length: +" + std::to_string(second.size()) + "\r\n", smuggled("p-smuggled-plus")},
      {"Transfer-Encoding other than chunked", "Transfer-Encoding: gzip, chunked\r\n", chunked + smuggled("p-smuggled-gz")},
      {"POST without any length", "", smuggled("p-smuggled-none")},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    RawConnection conn(server_->port(), "127.0.0.1");
    ASSERT_TRUE(conn.send(head(c.framing) + c.body));
    std::string answer;
    bool closed = conn.closedWithin(5000, &answer);
    EXPECT_TRUE(closed) << "the connection stayed open after an ambiguous request";
    auto r = parseResponse(answer);
    EXPECT_TRUE(r.status == 400 || r.status == 411) << answer;
    EXPECT_EQ(countResponses(answer), 1) << "a second request ran:\n" << answer;
    EXPECT_NE(answer.find("\"code\":\"invalid\""), std::string::npos) << answer;
  }
  auto people = server_->get("/api/v1/person.list", reg_->secrets["auditor"]);
  ASSERT_EQ(people.status, 200);
  EXPECT_EQ(people.body.find("p-frame"), std::string::npos) << people.body;
  EXPECT_EQ(people.body.find("p-smuggled"), std::string::npos) << people.body;
}

TEST_F(FramingTest, WellFramedRequestsStillWorkOnOneConnection) {
  // Fixed length, then chunked, on one kept-alive connection (pipelined).
  std::string a = person("p-framed-fixed"), b = person("p-framed-chunked");
  std::string two = head("Content-Length: " + std::to_string(a.size()) + "\r\n") + a +
                    head("Transfer-Encoding: chunked\r\nConnection: close\r\n") + hex(b.size()) + "\r\n" + b +
                    "\r\n0\r\n\r\n";
  RawConnection conn(server_->port(), "127.0.0.1");
  ASSERT_TRUE(conn.send(two));
  std::string answer = conn.readUntilClosed(5000);
  EXPECT_EQ(countResponses(answer), 2) << answer;
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  auto people = server_->get("/api/v1/person.list", reg_->secrets["auditor"]);
  EXPECT_NE(people.body.find("p-framed-fixed"), std::string::npos);
  EXPECT_NE(people.body.find("p-framed-chunked"), std::string::npos);
}

// Found by the http fuzz target: Poco reads any word as the request's
// version and igsgovd answered in it ("4TTP/1.1 200 OK", "HTTP/2.0 200 OK"),
// a status line no client can read. Only HTTP/1.0 and HTTP/1.1 are served:
// another version is 505, anything else 400, and the connection is closed,
// also as the second request on a kept-alive connection.
TEST_F(FramingTest, OnlyHttp10And11AreAnsweredAndInTheirOwnVersion) {
  // The statuses of the answers: "HTTP/1.1 ddd " (the error message names HTTP/1.1 too).
  auto statuses = [](const std::string& raw) {
    std::vector<int> out;
    for (std::size_t at = raw.find("HTTP/1.1 "); at != std::string::npos; at = raw.find("HTTP/1.1 ", at + 1))
      if (at + 13 <= raw.size() && std::isdigit(static_cast<unsigned char>(raw[at + 9])) && raw[at + 12] == ' ')
        out.push_back(std::stoi(raw.substr(at + 9, 3)));
    return out;
  };
  const std::string get = "GET /api/v1/health ";
  const std::string rest = "\r\nHost: 127.0.0.1\r\n\r\n";
  const std::pair<std::string, int> cases[] = {
      {"4TTP/1.1", 400}, {"HTTP/2.0", 505}, {"HTTP/1.2", 505}, {"http/1.1", 400}, {"HTTP/1.1x", 400}};
  for (const auto& [version, status] : cases) {
    SCOPED_TRACE(version);
    for (bool second : {false, true}) {
      RawConnection conn(server_->port(), "127.0.0.1");
      ASSERT_TRUE(conn.send((second ? get + "HTTP/1.1" + rest : "") + get + version + rest));
      std::string answer;
      EXPECT_TRUE(conn.closedWithin(5000, &answer));
      std::vector<int> expected = second ? std::vector<int>{200, status} : std::vector<int>{status};
      EXPECT_EQ(statuses(answer), expected) << answer;
    }
  }
}

// Found by the http fuzz target: a malformed %-escape in the target made
// Poco::URI throw inside the handler, answered as 500 "interne fout".
TEST_F(FramingTest, AMalformedEscapeInTheTargetIs400NotAnInternalError) {
  for (const char* target : {"/intranet/igs/igs-rupel/mandaten/%2e%2e%]f", "/api/v1/person.list?x=%zz", "/api/v1/health%"}) {
    SCOPED_TRACE(target);
    RawConnection conn(server_->port(), "127.0.0.1");
    ASSERT_TRUE(conn.send(std::string("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                          reg_->secrets["auditor"] + "\r\n\r\n"));
    std::string answer;
    EXPECT_TRUE(conn.closedWithin(5000, &answer));
    auto r = parseResponse(answer);
    EXPECT_EQ(r.status, 400) << answer;
    EXPECT_NE(answer.find("\"part\":\"verzoekregel\""), std::string::npos) << answer;
  }
}

}  // namespace
