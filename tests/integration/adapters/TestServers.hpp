// TestServers: real WebDAV servers for the adapter tests, started on
// 127.0.0.1 with a free port from a fresh temporary folder by the scripts in
// servers/, and stopped by PID when the test program ends (a watchdog in the
// scripts also stops them if the program dies). One server per (kind, mode)
// per process, started on first use.
#pragma once

#include "adapters/common/Adapter.hpp"

#include <memory>
#include <string>

namespace igsgov::adapters::testing {

struct TestServer {
  std::string kind;  // apache | lighttpd | nginx
  std::string mode;  // basic | digest | https
  std::string dir;
  int port = 0;
  int pid = 0;
  std::string url() const;      // ".../dav/"
  std::string dataDir() const;  // the folder the server serves at /dav/
  std::string caFile() const;   // https only
};

inline const char* passwordEnv = "IGSGOV_TEST_DAV_PASSWORD";
inline const char* testUser = "igsgov";
inline const char* testPassword = "s3cret-pass";

TestServer& server(const std::string& kind, const std::string& mode);
// Makes `rel` (a fresh folder name) inside the server's data folder, owned by the server user.
std::string makeServerFolder(const TestServer& s, const std::string& rel);
// A temporary folder removed at exit.
std::string makeTempDir(const std::string& prefix);
// Gives the file or folder at `path` to the user the servers run as (root runs only).
void giveToServer(const std::string& path);

}  // namespace igsgov::adapters::testing
