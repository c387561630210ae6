// TLS of igsgovd checked with an independent client, `openssl s_client`
// (issue 13): only forward-secret AEAD suites on TLS 1.2, and TLS 1.3; no
// static-RSA or CBC-SHA1 suite such as AES128-SHA, no TLS 1.1. The server
// certificate is RSA, so that a static-RSA suite would be possible at all.
#include "Harness.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace igsgov::test;

namespace {

const std::string kOpenssl = "/usr/bin/openssl";

void must(const RunResult& r, const std::string& what) { ASSERT_EQ(r.exitCode, 0) << what << ": " << r.err << r.out; }

// s_client with these options; the handshake's outcome in out/err.
RunResult handshake(int port, std::vector<std::string> options) {
  std::vector<std::string> argv{kOpenssl, "s_client", "-connect", "127.0.0.1:" + std::to_string(port), "-brief"};
  argv.insert(argv.end(), options.begin(), options.end());
  return run(argv);
}

bool established(const RunResult& r) {
  return r.exitCode == 0 && (r.out + r.err).find("CONNECTION ESTABLISHED") != std::string::npos;
}

TEST(TlsTest, OnlyForwardSecretSuitesOnTls12AndTls13) {
  std::string dir = freshDir("tls-suites");
  must(run({kOpenssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/server.key", "-out",
            dir + "/server.pem", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"}),
       "RSA certificate");
  auto reg = makeSampleRegister(dir, false);
  std::ofstream(dir + "/igsgovd.json")
      << R"({"register": "register.db", "tls": {"certificate": "server.pem", "private_key": "server.key"}})";
  Poco::Net::Context::Ptr client =
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", dir + "/server.pem",
                             Poco::Net::Context::VERIFY_STRICT, 9, false);
  Igsgovd server(dir, {"--config", dir + "/igsgovd.json"}, true, client);

  // The client's own security level would refuse these before asking the
  // server; @SECLEVEL=0 makes it offer them, so the refusal is the server's.
  auto staticRsa = handshake(server.port(), {"-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0"});
  EXPECT_FALSE(established(staticRsa)) << staticRsa.out << staticRsa.err;
  auto cbc = handshake(server.port(), {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0"});
  EXPECT_FALSE(established(cbc)) << cbc.out << cbc.err;
  auto tls11 = handshake(server.port(), {"-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"});
  EXPECT_FALSE(established(tls11)) << tls11.out << tls11.err;

  auto gcm = handshake(server.port(), {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"});
  EXPECT_TRUE(established(gcm)) << gcm.out << gcm.err;
  EXPECT_NE((gcm.out + gcm.err).find("ECDHE-RSA-AES128-GCM-SHA256"), std::string::npos) << gcm.out << gcm.err;
  auto tls13 = handshake(server.port(), {"-tls1_3"});
  EXPECT_TRUE(established(tls13)) << tls13.out << tls13.err;
  EXPECT_NE((tls13.out + tls13.err).find("TLSv1.3"), std::string::npos) << tls13.out << tls13.err;

  // And it still serves HTTPS.
  EXPECT_EQ(server.get("/api/v1/health").status, 200);
}

}  // namespace
