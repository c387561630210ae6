// A fresh register (in a temporary directory, or a PostgreSQL database of its
// own under IGSGOV_TEST_DB, copied from a template: tests/support/TestRegister.hpp
// newTestRegister), driven through the operation catalogue exactly as the C ABI,
// REST and CLI drive it.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "ops/Session.hpp"
#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <memory>
#include <string>

namespace igsgov::testing {

class RegisterFixture : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    path_ = newTestRegister(dir_);
    session_ = std::make_unique<ops::Session>(path_, false);
  }
  void TearDown() override {
    session_.reset();
    Poco::File(dir_).remove(true);
  }

  JsonObject run(const std::string& op, const std::string& json, const std::string& reason = "") {
    ops::Caller caller;
    caller.actor = "test";
    caller.reason = reason;
    return session_->execute(op, parseJsonObject(json), caller);
  }

  // Runs an operation that must fail; returns the error.
  Error fails(const std::string& op, const std::string& json) {
    try {
      run(op, json);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << op << " did not fail for " << json;
    return Error(ErrorCode::ok, "");
  }

  std::string state() {  // the whole current register plus the journal head
    auto out = run("register.export", "{}");
    out->remove("exported_at");
    return canonicalJson(out);
  }

  long long journalLength() {
    auto j = run("audit.journal", R"({"limit": 100000})");
    return static_cast<long long>(j->getArray("entries")->size());
  }

  void importSample() {
    run("register.import", R"({"path": ")" + std::string(IGSGOV_SOURCE_DIR) + R"(/config/sample/register.json"})");
  }

  // A small register: one projectvereniging with two gemeenten, a board with two seats, two persons.
  void smallRegister() {
    run("cooperation.create", R"({"id":"c1","name":"Testvereniging","legal_form":"projectvereniging","domain":"cultuur",
        "kbo":"0123.456.749","seat_nis":"45035","founded":"2021-01-01","term_end":"2026-12-31"})");
    run("member.add", R"({"id":"m-oud","cooperation":"c1","kind":"gemeente","nis":"45035","from":"2021-01-01"})");
    run("member.add", R"({"id":"m-klu","cooperation":"c1","kind":"gemeente","nis":"45060","from":"2021-01-01"})");
    run("body.create", R"({"id":"rvb","cooperation":"c1","type":"raad_van_bestuur","from":"2021-01-01",
        "seats":[{"id":"s1","member":"m-oud"},{"id":"s2","member":"m-klu"}]})");
    run("person.create", R"({"id":"p1","name":"An Voorbeeld","gender":"v","fictitious":true})");
    run("person.create", R"({"id":"p2","name":"Bart Proef","gender":"m","fictitious":true})");
    run("person.create", R"({"id":"p3","name":"Celine Test","gender":"v","fictitious":true})");
  }

  std::string dir_, path_;
  std::unique_ptr<ops::Session> session_;
};

}  // namespace igsgov::testing
