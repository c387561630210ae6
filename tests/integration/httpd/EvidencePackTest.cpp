// The auditor's evidence pack over REST (issue 18), against a real igsgovd
// configured with a pack key and certificate ("files.pack_key",
// "files.pack_certificate"): an auditor's token gets the ZIP itself as the
// response body, signed with the service's key, and the CLI and the real
// openssl accept it; a caller can never make the service write the pack to a
// server path or sign with another key.
#include "Harness.hpp"

#include <Poco/File.h>
#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

using namespace igsgov::test;

namespace {

void spit(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class EvidencePackTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("evidence-pack-" + std::to_string(getpid())));
    const std::string& d = *dir_;
    reg_ = new SampleRegister(makeSampleRegister(d));
    auto made = run({"/usr/bin/env", "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", d + "/pack-key.pem", "-out", d + "/pack-cert.pem", "-days", "30", "-subj",
                     "/CN=Dienst igsgovd test"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    spit(d + "/igsgovd.json", R"({"register": ")" + reg_->path +
                                  R"(", "files": {"pack_key": "pack-key.pem", "pack_certificate": "pack-cert.pem"}})");
    server_ = new Igsgovd(d, {"--config", d + "/igsgovd.json"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }
  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};
std::string* EvidencePackTest::dir_ = nullptr;
SampleRegister* EvidencePackTest::reg_ = nullptr;
Igsgovd* EvidencePackTest::server_ = nullptr;

TEST_F(EvidencePackTest, AnAuditorDownloadsASignedPack) {
  auto r = server_->get("/api/v1/audit.pack?cooperation=igs-cultuur-va&from=2021-01-01", reg_->secrets.at("auditor"));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_EQ(r.headers["Content-Type"], "application/zip");
  EXPECT_NE(r.headers["Content-Disposition"].find("attachment; filename=\"bewijspakket-igs-cultuur-va.zip\""),
            std::string::npos);
  ASSERT_GT(r.body.size(), 4u);
  EXPECT_EQ(r.body.substr(0, 4), std::string("PK\x03\x04", 4));
  std::string zip = *dir_ + "/download.zip";
  spit(zip, r.body);
  // Checked again by the CLI, with the service's certificate as the one to trust.
  auto verified = run({binaryDir() + "/bin/igsgov", "audit", "pack", "verify", zip, "--certificate",
                       *dir_ + "/pack-cert.pem"});
  EXPECT_EQ(verified.exitCode, 0) << verified.err;
  EXPECT_NE(verified.out.find("Dienst igsgovd test"), std::string::npos) << verified.out;
  // And by the real openssl, without igsgov.
  std::string x = *dir_ + "/x";
  Poco::File(x).createDirectories();
  auto unpacked = run({"/usr/bin/env", "python3", "-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zip, x});
  ASSERT_EQ(unpacked.exitCode, 0) << unpacked.err;
  auto cms = run({"/usr/bin/env", "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", x + "/MANIFEST.sha256.p7s",
                  "-content", x + "/MANIFEST.sha256", "-CAfile", *dir_ + "/pack-cert.pem", "-purpose", "any", "-out",
                  "/dev/null"});
  EXPECT_EQ(cms.exitCode, 0) << cms.err;
}

TEST_F(EvidencePackTest, NoServerPathAndNoOtherKey) {
  for (const std::string field : {"out", "pack_key", "pack_certificate"}) {
    std::string target = *dir_ + "/geschreven-" + field + ".zip";
    auto r = server_->post("/api/v1/audit.pack",
                           R"({"cooperation": "igs-cultuur-va", ")" + field + R"(": ")" + target + R"("})",
                           reg_->secrets.at("beheerder"));
    EXPECT_EQ(r.status, 400) << field << ": " << r.body;
    EXPECT_NE(r.body.find("niet toegelaten via de REST-API"), std::string::npos) << r.body;
    EXPECT_FALSE(Poco::File(target).exists()) << field;
  }
  // An error is JSON, not a download.
  auto missing = server_->get("/api/v1/audit.pack?cooperation=nope", reg_->secrets.at("auditor"));
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_NE(missing.headers["Content-Type"].find("application/json"), std::string::npos);
  EXPECT_EQ(missing.json()->getValue<std::string>("code"), "not_found");
}

}  // namespace
