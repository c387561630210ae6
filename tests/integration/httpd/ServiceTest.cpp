// igsgovd as a process: TLS with a test CA, graceful shutdown on SIGTERM with a
// request in flight, configuration errors at start.
#include "Harness.hpp"

#include <Poco/Net/NetSSL.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <thread>

using namespace igsgov::test;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void must(const RunResult& r, const std::string& what) {
  ASSERT_EQ(r.exitCode, 0) << what << ": " << r.err << r.out;
}

// A CA and a server certificate for 127.0.0.1 (SAN IP and DNS), made with openssl.
void makeCertificates(const std::string& dir) {
  write(dir + "/ext.cnf", "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  const std::string openssl = "/usr/bin/openssl";
  must(run({openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
            dir + "/ca.key", "-out", dir + "/ca.pem", "-days", "2", "-subj", "/CN=igsgov test CA"}),
       "CA");
  must(run({openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
            dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"}),
       "CSR");
  must(run({openssl, "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key",
            "-CAcreateserial", "-out", dir + "/server.pem", "-days", "2", "-extfile", dir + "/ext.cnf"}),
       "certificate");
}

class ServiceTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { Poco::Net::initializeSSL(); }
  static void TearDownTestSuite() { Poco::Net::uninitializeSSL(); }
};

TEST_F(ServiceTest, ServesHttpsWithTheConfiguredCertificate) {
  std::string dir = freshDir("tls");
  makeCertificates(dir);
  auto reg = makeSampleRegister(dir, false);
  write(dir + "/igsgovd.json", R"({"register": "register.db",
    "tls": {"certificate": "server.pem", "private_key": "server.key"}})");
  Poco::Net::Context::Ptr client = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", dir + "/ca.pem",
                                                          Poco::Net::Context::VERIFY_STRICT, 9, false);
  Igsgovd server(dir, {"--config", dir + "/igsgovd.json"}, true, client);
  auto r = server.get("/api/v1/person.list", reg.secrets["auditor"]);
  EXPECT_EQ(r.status, 200) << r.body;

  // An independent client verifies the chain and the IP address too.
  std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/health";
  auto curl = run({"/usr/bin/curl", "-sS", "--cacert", dir + "/ca.pem", url});
  EXPECT_EQ(curl.exitCode, 0) << curl.err;
  EXPECT_NE(curl.out.find("\"status\":\"ok\""), std::string::npos) << curl.out;
  // Without the CA the certificate is refused; plain HTTP gets no answer.
  EXPECT_NE(run({"/usr/bin/curl", "-sS", url}).exitCode, 0);
  auto plain = run({"/usr/bin/curl", "-sS", "--max-time", "5", "http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/health"});
  EXPECT_NE(plain.exitCode, 0);
  EXPECT_EQ(plain.out.find("\"status\":\"ok\""), std::string::npos);
}

TEST_F(ServiceTest, SigtermLetsTheRequestInFlightFinish) {
  std::string dir = freshDir("shutdown");
  auto reg = makeSampleRegister(dir, false);
  Igsgovd server(dir, {"--register", reg.path});

  std::string body = R"({"id":"p-inflight","name":"Tijdens het stoppen","fictitious":true})";
  std::string head = "POST /api/v1/person.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                     reg.secrets["beheerder"] + "\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n";
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", server.port()));
  s.setReceiveTimeout(Poco::Timespan(20, 0));
  std::string first = head + body.substr(0, 10);
  s.sendBytes(first.data(), static_cast<int>(first.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server is now reading the body

  server.signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(server.waitExit(1), -1) << "igsgovd exited with a request in flight:\n" << server.log();

  std::string rest = body.substr(10);
  s.sendBytes(rest.data(), static_cast<int>(rest.size()));
  std::string answer;
  char buf[4096];
  while (int n = s.receiveBytes(buf, sizeof buf)) answer.append(buf, static_cast<size_t>(n));
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"p-inflight\""), std::string::npos) << answer;

  EXPECT_EQ(server.waitExit(15000), 0) << server.log();
  std::string log = server.log();
  EXPECT_NE(log.find("event=stopping"), std::string::npos) << log;
  EXPECT_NE(log.find("event=stopped aborted=0"), std::string::npos) << log;
  // The write of the request in flight is in the register.
  auto people = cli(reg.path, {"person", "list"});
  EXPECT_NE(people.out.find("p-inflight"), std::string::npos) << people.out;
}

struct BadStart {
  std::string name;
  std::string config;        // written to igsgovd.json ("" = none)
  std::vector<std::string> args;
  std::string expected;      // in the Dutch message
};

TEST_F(ServiceTest, BadConfigurationStopsWithADutchMessageNamingThePlace) {
  std::string dir = freshDir("config");
  auto reg = makeSampleRegister(dir, false);
  const BadStart cases[] = {
      {"unknown field", R"({"register":"register.db","listne":{}})", {}, "'listne'"},
      {"port out of range", R"({"register":"register.db","listen":{"port":70000}})", {}, "'port'"},
      {"session idle out of range", R"({"register":"register.db","intranet":{"session_idle_minutes":0}})", {},
       "'session_idle_minutes'"},
      {"unknown intranet field", R"({"register":"register.db","intranet":{"sessie":1}})", {}, "'sessie'"},
      {"body budget below one body",
       R"({"register":"register.db","limits":{"max_body_bytes":2048,"max_buffered_body_bytes":1024}})", {},
       "'max_buffered_body_bytes'"},
      {"header timeout out of range", R"({"register":"register.db","limits":{"header_timeout_seconds":0}})", {},
       "'header_timeout_seconds'"},
      {"empty documents folder", R"({"register":"register.db","intranet":{"documents_dir":""}})", {},
       "'documents_dir'"},
      {"half a TLS pair", R"({"register":"register.db","tls":{"certificate":"x.pem"}})", {}, "'tls'"},
      {"missing certificate", R"({"register":"register.db","tls":{"certificate":"x.pem","private_key":"y.pem"}})", {},
       "bestand bestaat niet"},
      {"no such register", R"({"register":"nergens.db"})", {}, "nergens.db"},
      {"linked-data base without slash", R"({"register":"register.db","linked_data":{"base_uri":"https://x.example/id"}})",
       {}, "'base_uri'"},
      {"linked-data base not http", R"({"register":"register.db","linked_data":{"base_uri":"ftp://x.example/"}})", {},
       "https://"},
      {"unknown linked-data field", R"({"register":"register.db","linked_data":{"base":"https://x.example/"}})", {},
       "'base'"},
      {"not JSON", "{register", {}, "igsgovd.json"},
      {"key given twice", "{\"register\": \"register.db\",\n \"register\": \"nergens.db\"}", {}, "regel 2, kolom 2"},
      {"no register at all", "", {"--port", "1"}, "geen register opgegeven"},
      {"bad port option", "", {"--register", "register.db", "--port", "tachtig"}, "--port"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> args = c.args;
    if (!c.config.empty()) {
      write(dir + "/igsgovd.json", c.config);
      args.insert(args.begin(), {"--config", dir + "/igsgovd.json"});
    }
    auto r = startFailing(args);
    EXPECT_EQ(r.exitCode, 78) << r.err << r.out;
    EXPECT_EQ(r.err.rfind("fout: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  }
}

}  // namespace
