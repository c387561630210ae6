#include "adapters/common/Registry.hpp"
#include "adapters/folder/FolderAdapter.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "adapters/webdav/WebDavConfig.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace igsgov::adapters {
namespace {

JsonObject json(const std::string& text) { return parseJsonObject(text); }

std::string failure(const std::string& text) {
  try {
    webdav::WebDavConfig::fromJson(json(text));
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    return e.fullText();
  }
  return "";
}

TEST(WebDavConfig, PasswordsNeverInPlainConfig) {
  std::string msg = failure(R"({"type":"webdav","url":"https://h/dav/","user":"u","password":"x"})");
  EXPECT_NE(msg.find("password_env"), std::string::npos) << msg;
  EXPECT_NE(failure(R"({"type":"webdav","url":"https://u:p@h/dav/"})").find("URL"), std::string::npos);
  EXPECT_NE(failure(R"({"type":"webdav","url":"https://h/","user":"u"})").find("user"), std::string::npos);
}

TEST(WebDavConfig, PageSizeDefaultsTo1000ZeroTurnsPagingOff) {
  EXPECT_EQ(webdav::WebDavConfig::fromJson(json(R"({"type":"webdav","url":"http://h/dav/"})")).pageSize, 1000);
  EXPECT_EQ(webdav::WebDavConfig::fromJson(json(R"({"type":"webdav","url":"http://h/dav/","page_size":0})")).pageSize, 0);
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/dav/","page_size":-1})").find("page_size"), std::string::npos);
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/dav/","page_size":100001})").find("page_size"), std::string::npos);
}

TEST(WebDavConfig, ReadsPasswordFromEnvOrFile) {
  ::setenv("IGSGOV_UNIT_DAV_PW", "from-env", 1);
  auto c = webdav::WebDavConfig::fromJson(
      json(R"({"type":"webdav","url":"http://127.0.0.1:8080/dav","user":"u","password_env":"IGSGOV_UNIT_DAV_PW","parallel":8})"));
  EXPECT_EQ(c.password, "from-env");
  EXPECT_EQ(c.url.getPath(), "/dav/");
  EXPECT_EQ(c.parallel, 8);
  EXPECT_EQ(c.displayUrl().find("from-env"), std::string::npos);
  auto file = std::filesystem::temp_directory_path() / "igsgov-unit-dav.pw";
  std::ofstream(file) << "from-file\n";
  auto d = webdav::WebDavConfig::fromJson(json(R"({"type":"webdav","url":"http://h/","user":"u","password_file":")" +
                                               file.string() + "\"}"));
  EXPECT_EQ(d.password, "from-file");
  std::filesystem::remove(file);
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/","user":"u","password_env":"IGSGOV_UNIT_UNSET_VAR"})")
                .find("IGSGOV_UNIT_UNSET_VAR"),
            std::string::npos);
}

TEST(WebDavConfig, RefusesBadFields) {
  EXPECT_NE(failure(R"({"type":"webdav","url":"ftp://h/"})").find("url"), std::string::npos);
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/","parallel":0})").find("parallel"), std::string::npos);
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/","urll":"x"})"), "");
  EXPECT_NE(failure(R"({"type":"webdav","url":"http://h/","ca_file":"/nonexistent/ca.pem"})").find("ca_file"),
            std::string::npos);
}

TEST(Registry, CreatesByTypeAndNamesKnownTypes) {
  Registry reg;
  folder::registerFactory(reg);
  webdav::registerFactory(reg);
  EXPECT_EQ(reg.types(), (std::vector<std::string>{"folder", "webdav"}));
  auto dir = std::filesystem::temp_directory_path();
  auto a = reg.create(json(R"({"type":"folder","root":")" + dir.string() + "\"}"));
  EXPECT_NE(dynamic_cast<folder::FolderAdapter*>(a.get()), nullptr);
  try {
    reg.create(json(R"({"type":"cmis"})"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(e.message().find("folder, webdav"), std::string::npos) << e.message();
  }
  EXPECT_THROW(reg.create(json(R"({"type":"folder","root":"/nonexistent/igsgov"})")), Error);
}

}  // namespace
}  // namespace igsgov::adapters
