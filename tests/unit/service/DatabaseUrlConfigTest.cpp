// igsgovd's configuration: where the register lives (`register` as a file or a
// PostgreSQL address, or `database.url`), read by loadConfig (module/apps/httpd/
// Config.hpp) from a real file, with the errors a host's administrator sees.
#include "Config.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <fstream>

namespace igsgov::httpd {
namespace {

class DatabaseUrlConfig : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
  }
  void TearDown() override { Poco::File(dir_).remove(true); }

  std::string write(const std::string& json) {
    std::string path = dir_ + "/igsgovd.json";
    std::ofstream(path) << json;
    return path;
  }
  Error fails(const std::string& json) {
    try {
      loadConfig(write(json));
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "accepted: " << json;
    return Error(ErrorCode::ok, "");
  }

  std::string dir_;
};

TEST_F(DatabaseUrlConfig, DatabaseUrlNamesTheRegisterAsGiven) {
  auto url = "postgresql://igsgov@db.voorbeeld.be:5433/register?sslmode=verify-full";
  auto c = loadConfig(write(std::string(R"({"database": {"url": ")") + url + R"("},
      "intranet": {"documents_dir": "/srv/igsgov/documenten"}})"));
  EXPECT_EQ(c.registerPath, url);
  EXPECT_NO_THROW(validate(c, "test"));
  EXPECT_EQ(loadConfig(write(R"({"database": {"url": "postgres://igsgov@/register"},
      "intranet": {"documents_dir": "/srv/igsgov/documenten"}})")).registerPath,
            "postgres://igsgov@/register");
}

TEST_F(DatabaseUrlConfig, RegisterMayBeAnAddressAndIsNotMadeAPath) {
  auto c = loadConfig(write(R"({"register": "postgresql://igsgov@127.0.0.1/register",
      "intranet": {"documents_dir": "/srv/igsgov/documenten"}})"));
  EXPECT_EQ(c.registerPath, "postgresql://igsgov@127.0.0.1/register");
  // A file name is taken relative to the configuration file.
  EXPECT_EQ(loadConfig(write(R"({"register": "register.db"})")).registerPath, dir_ + "/register.db");
}

TEST_F(DatabaseUrlConfig, AnythingButAPostgresAddressIsRefusedWithItsPlace) {
  for (const char* url : {"register.db", "", "mysql://igsgov@db/register", "postgresql:/db", "POSTGRESQL://x/y"}) {
    auto e = fails(std::string(R"({"database": {"url": ")") + url + R"("}})");
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << url;
    EXPECT_NE(std::string(e.what()).find("PostgreSQL-adres"), std::string::npos) << e.what();
    EXPECT_NE(e.place().describe().find("url"), std::string::npos) << e.place().describe();
  }
  EXPECT_EQ(fails(R"({"database": {"url": 5432}})").errorCode(), ErrorCode::invalid);
  EXPECT_EQ(fails(R"({"database": {"url": "postgresql://x/y", "pool": 4}})").errorCode(), ErrorCode::invalid);
}

TEST_F(DatabaseUrlConfig, RegisterAndDatabaseUrlTogetherAreRefused) {
  auto e = fails(R"({"register": "register.db", "database": {"url": "postgresql://igsgov@db/register"}})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(std::string(e.what()).find("niet beide"), std::string::npos) << e.what();
}

TEST_F(DatabaseUrlConfig, APostgresRegisterNeedsADocumentsFolder) {
  auto e = fails(R"({"database": {"url": "postgresql://igsgov@db/register"}})");
  EXPECT_NE(std::string(e.what()).find("documenten"), std::string::npos) << e.what();
  EXPECT_NE(e.place().describe().find("intranet.documents_dir"), std::string::npos) << e.place().describe();
}

}  // namespace
}  // namespace igsgov::httpd
