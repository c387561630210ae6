#include "TestServers.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace igsgov::adapters::testing {
namespace {

std::map<std::string, TestServer>& servers() {
  static std::map<std::string, TestServer> all;
  return all;
}

std::vector<std::string>& tempDirs() {
  static std::vector<std::string> dirs;
  return dirs;
}

int freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  int port = s.address().port();
  s.close();
  return port;
}

void stop(TestServer& s) {
  if (s.pid <= 0) return;
  ::kill(s.pid, SIGTERM);
  for (int i = 0; i < 100 && ::kill(s.pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (::kill(s.pid, 0) == 0) ::kill(s.pid, SIGKILL);
  s.pid = 0;
}

class ServersEnvironment : public ::testing::Environment {
public:
  void TearDown() override {
    for (auto& [key, s] : servers()) {
      stop(s);
      std::error_code ec;
      fs::remove_all(s.dir, ec);
    }
    for (const auto& d : tempDirs()) {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  }
};

[[maybe_unused]] ::testing::Environment* const environment =
    ::testing::AddGlobalTestEnvironment(new ServersEnvironment);

int run(const std::string& command) {
  int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace

std::string TestServer::url() const {
  return std::string(mode == "https" ? "https" : "http") + "://127.0.0.1:" + std::to_string(port) + "/dav/";
}
std::string TestServer::dataDir() const { return dir + "/www/dav"; }
std::string TestServer::caFile() const { return dir + "/ca.pem"; }

std::string makeTempDir(const std::string& prefix) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  std::string dir = buf.data();
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
  tempDirs().push_back(dir);
  return dir;
}

void giveToServer(const std::string& path) {
  if (::getuid() != 0) return;
  struct passwd* pw = ::getpwnam("nobody");
  if (!pw) return;
  for (auto it = fs::recursive_directory_iterator(path); it != fs::recursive_directory_iterator(); ++it)
    if (::lchown(it->path().c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("chown failed");
  if (::lchown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("chown failed");
}

TestServer& server(const std::string& kind, const std::string& mode) {
  std::string key = kind + "/" + mode;
  auto it = servers().find(key);
  if (it != servers().end()) return it->second;
  ::setenv(passwordEnv, testPassword, 1);
  TestServer s;
  s.kind = kind;
  s.mode = mode;
  std::string scripts = std::string(IGSGOV_SOURCE_DIR) + "/tests/integration/adapters/servers";
  for (int attempt = 0; attempt < 3; ++attempt) {
    s.dir = makeTempDir("igsgov-" + kind);
    s.port = freePort();
    if (mode == "https" && run("bash " + scripts + "/make-ca.sh " + s.dir) != 0)
      throw std::runtime_error("make-ca.sh failed");
    std::string cmd = "bash " + scripts + "/start-" + kind + ".sh " + s.dir + " " + std::to_string(s.port) + " " +
                      std::to_string(::getpid()) + " " + mode;
    if (run(cmd) == 0) {
      std::ifstream pidFile(s.dir + "/server.pid");
      pidFile >> s.pid;
      return servers()[key] = s;
    }
    std::ifstream pidFile(s.dir + "/server.pid");
    int pid = 0;
    if (pidFile >> pid && pid > 0) ::kill(pid, SIGTERM);  // port race: try another port
  }
  throw std::runtime_error("could not start " + key);
}

std::string makeServerFolder(const TestServer& s, const std::string& rel) {
  std::string path = s.dataDir() + "/" + rel;
  fs::create_directories(path);
  giveToServer(path);
  return path;
}

}  // namespace igsgov::adapters::testing
