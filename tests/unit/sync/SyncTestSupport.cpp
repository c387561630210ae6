#include "SyncTestSupport.hpp"

#include "journal/Verifier.hpp"
#include "tests/support/TestRegister.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

namespace igsgov::sync::testing {

namespace fs = std::filesystem;

namespace {
std::vector<std::string>& toRemove() {
  static std::vector<std::string> dirs;
  static bool registered = false;
  if (!registered) {
    registered = true;
    std::atexit([] {
      std::error_code ec;
      for (const auto& d : toRemove()) fs::remove_all(d, ec);
    });
  }
  return dirs;
}
}  // namespace

std::string tempDir(const std::string& prefix) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back(0);
  std::string dir = mkdtemp(buf.data());
  toRemove().push_back(dir);
  return dir;
}

void writeFile(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool exists(const std::string& path) { return fs::exists(path); }

std::unique_ptr<records::Register> freshRegister(const std::string& dir) {
  return records::Register::open(igsgov::testing::newTestRegister(dir));
}

bool verifies(records::Register& reg) {
  bool ok = false;
  reg.read([&](store::Database& db) {
    ok = journal::verify(db).ok;
    return JsonObject();
  });
  return ok;
}

long long actionCount(const JsonObject& runOutput, const std::string& action) {
  auto c = runOutput->getObject("counts");
  return c->has(action) ? c->getValue<int>(action) : 0;
}

}  // namespace igsgov::sync::testing
