// Helpers for the C ABI tests: they use libigsgov.so only through igsgov.h,
// exactly as a host would, plus Poco::JSON to read the outputs.
//
// Tmp: a fresh directory under /tmp, removed at the end of the test.
// Lib: igsgov_init in the constructor, igsgov_shutdown in the destructor.
// run(): igsgov_execute that returns the parsed JSON or fails the test with
// the last error.
#pragma once

#include "igsgov/igsgov.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace capitest {

inline std::string samplePath() { return std::string(IGSGOV_SOURCE_DIR) + "/config/sample/register.json"; }

struct Tmp {
  std::filesystem::path dir;
  Tmp() {
    std::string pattern = (std::filesystem::temp_directory_path() / "igsgov-capi-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    if (!made) throw std::runtime_error("mkdtemp failed");
    dir = made;
  }
  ~Tmp() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

struct Lib {
  Lib() { EXPECT_EQ(igsgov_init(), IGSGOV_OK); }
  ~Lib() { EXPECT_EQ(igsgov_shutdown(), IGSGOV_OK); }
};

inline std::string lastMessage() { return igsgov_error_last()->message; }

inline Poco::JSON::Object::Ptr parse(const std::string& text) {
  Poco::JSON::Parser p;
  return p.parse(text).extract<Poco::JSON::Object::Ptr>();
}

// Executes op and returns its JSON output; a failure is a test failure with
// the Dutch message.
inline Poco::JSON::Object::Ptr run(igsgov_register* reg, const char* op, const std::string& json = "{}",
                                   const igsgov_exec_options* opts = nullptr) {
  igsgov_buf out{};
  int rc = igsgov_execute(&out, reg, op, json.c_str(), opts);
  EXPECT_EQ(rc, IGSGOV_OK) << op << ": " << igsgov_error_last()->message;
  if (rc != IGSGOV_OK) return new Poco::JSON::Object;
  std::string text(out.ptr, out.size);
  igsgov_buf_dispose(&out);
  return parse(text);
}

// A new register at path with the sample imported.
inline igsgov_register* openSample(const std::string& path) {
  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.create = 1;
  igsgov_register* reg = nullptr;
  EXPECT_EQ(igsgov_open(&reg, path.c_str(), &o), IGSGOV_OK) << lastMessage();
  std::string in = "{\"path\":\"" + samplePath() + "\"}";
  run(reg, "register.import", in);
  return reg;
}

}  // namespace capitest
