// A statuten version uploaded on the intranet pages of the real igsgovd
// (multipart/form-data over a socket, as a browser sends it): registered with
// the signed-in account as actor; over limits.max_body_bytes a Dutch 413 and
// nothing stored; a malformed body a Dutch 400; no CSRF token a 403.
#include "Harness.hpp"

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>

using namespace igsgov::test;

namespace {

const std::string kB = "----igsgovUploadTest";
const std::string kForm = "/intranet/igs/igs-cultuur-va/statuten/va-statuten/versie";

std::string fieldOf(const std::string& html, const std::string& name) {
  auto p = html.find("name=\"" + name + "\" value=\"");
  if (p == std::string::npos) return "";
  p += name.size() + 15;
  return html.substr(p, html.find('"', p) - p);
}

std::string multipart(const std::string& csrf, const std::string& label, const std::string& file) {
  auto part = [](const std::string& name, const std::string& value) {
    return "--" + kB + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  return part("csrf", csrf) + part("label", label) + "--" + kB +
         "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"statuten-2026.docx\"\r\n"
         "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n" +
         file + "\r\n" + part("status", "ontwerp") + part("voorgelegd", "") + part("inwerking", "") + "--" + kB + "--\r\n";
}

class UploadTest : public ::testing::Test {
protected:
  void SetUp() override {
    // One folder per test: ctest runs the tests of this file side by side.
    dir_ = freshDir(std::string("upload-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    reg_ = makeSampleRegister(dir_, true);
    addRoleAccounts(reg_);
    std::ofstream(dir_ + "/igsgovd.json") << R"({"register": "register.db", "limits": {"max_body_bytes": 65536}})";
    server_ = std::make_unique<Igsgovd>(dir_, std::vector<std::string>{"--config", dir_ + "/igsgovd.json"});
    cookie_ = server_->signIn("a-directeur", rolePassword("directeur"));
    ASSERT_FALSE(cookie_.empty());
    auto form = server_->request("GET", kForm, "", "", {{"Cookie", cookie_}});
    ASSERT_EQ(form.status, 200) << form.body;
    csrf_ = fieldOf(form.body, "csrf");
    ASSERT_FALSE(csrf_.empty());
    ASSERT_GT(docx_.size(), 1000u);
    ASSERT_LT(docx_.size(), 60000u) << "the upload must fit in the 64 KiB body limit";
  }
  Response upload(const std::string& body, const std::string& contentType = "multipart/form-data; boundary=" + kB) {
    return server_->request("POST", kForm, body, "", {{"Cookie", cookie_}, {"Content-Type", contentType}});
  }
  Poco::JSON::Array::Ptr versions() {
    auto r = cli(reg_.path, {"document", "history", "--document", "va-statuten"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>()->getArray("versions");
  }
  long long storedFiles() {
    auto r = cli(reg_.path, {"document", "verify-files"});
    return Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>()->getValue<long long>("files");
  }

  std::string dir_;
  SampleRegister reg_;
  std::unique_ptr<Igsgovd> server_;
  std::string cookie_, csrf_;
  const std::string docx_ = slurp(sourceDir() + "/templates/statuten.docx");  // a DOCX shipped with igsgov
};

}  // namespace

TEST_F(UploadTest, ADirecteurUploadsAVersionThroughTheRealServer) {
  auto before = versions()->size();
  auto r = upload(multipart(csrf_, "statutenwijziging via de browser", docx_));
  EXPECT_EQ(r.status, 303) << r.body;
  auto v = versions();
  ASSERT_EQ(v->size(), before + 1);
  auto last = v->getObject(static_cast<unsigned>(v->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("label"), "statutenwijziging via de browser");
  EXPECT_EQ(last->getArray("changes")->getObject(0)->getValue<std::string>("by"), "a-directeur");
}

TEST_F(UploadTest, OverTheBodyLimitMalformedOrWithoutTokenStoresNothing) {
  auto before = versions()->size();
  auto files = storedFiles();
  auto big = upload(multipart(csrf_, "te groot", docx_ + std::string(70000, 'x')));
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("Het formulier is te groot"), std::string::npos) << big.body;
  EXPECT_NE(big.body.find("kleiner bestand"), std::string::npos) << big.body;
  std::string whole = multipart(csrf_, "kapot", docx_);
  auto broken = upload(whole.substr(0, whole.find("\r\n--" + kB, whole.find("filename="))));  // cut after the file
  EXPECT_EQ(broken.status, 400);
  EXPECT_NE(broken.body.find("slotgrens"), std::string::npos) << broken.body;
  auto noBoundary = upload(multipart(csrf_, "zonder grens", docx_), "multipart/form-data");
  EXPECT_EQ(noBoundary.status, 400);
  auto forged = upload(multipart("", "vervalst", docx_));
  EXPECT_EQ(forged.status, 403);
  auto wrong = upload(multipart(std::string(64, '0'), "vervalst", docx_));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(versions()->size(), before);
  EXPECT_EQ(storedFiles(), files);
}
