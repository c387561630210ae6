// Test harness for igsgovd: builds a register with the CLI (init, sample
// import, tokens), starts the real igsgovd on 127.0.0.1 with a free port and
// stops it by PID (also when a test fails: the destructor kills it), and talks
// HTTP(S) to it with Poco::Net. Linux only (fork/exec, signals).
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>

#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace igsgov::test {

std::string binaryDir();
std::string sourceDir();
// A fresh empty folder under the build tree for one test.
std::string freshDir(const std::string& name);
int freePort();
// A file's bytes ("" when it cannot be read).
std::string slurp(const std::string& path);
// Base64 without line breaks (a file sent inside a JSON body).
std::string base64(const std::string& bytes);

struct RunResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};
// Runs a program (no shell), capturing stdout and stderr.
RunResult run(const std::vector<std::string>& argv);
// Runs the CLI: igsgov --db <db> --format json <args...>.
RunResult cli(const std::string& db, const std::vector<std::string>& args);

// A register (with config/sample/register.json imported when `sample`) and one
// token per role ("t-<role>"), all made with the CLI.
struct SampleRegister {
  std::string path;
  std::map<std::string, std::string> secrets;  // role -> secret
};
// `address`: where the register lives (a postgresql:// address); default dir/register.db,
// or under IGSGOV_TEST_DB (the PostgreSQL run) a database of its own copied from one
// register made with the CLI per process (tests/support/TestRegister.hpp).
SampleRegister makeSampleRegister(const std::string& dir, bool sample = true, const std::string& address = "");
// A personal account made with the CLI (account create, account grant): its
// password, and grants "role" (every cooperation) or "role@cooperation".
void addAccount(const SampleRegister& reg, const std::string& id, const std::string& password,
                const std::vector<std::string>& grants);
// One account per role for every cooperation: "a-<role>" with the password
// rolePassword(role).
void addRoleAccounts(const SampleRegister& reg);
std::string rolePassword(const std::string& role);

struct Response {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // the last value of each header
  std::vector<std::string> cookies;            // every Set-Cookie value
  Poco::JSON::Object::Ptr json() const;  // throws when the body is not a JSON object
};

class Igsgovd {
public:
  // Starts igsgovd with these arguments (plus --port <free> when no --port is
  // given) and waits until /api/v1/health answers (https when `tls`).
  Igsgovd(const std::string& dir, std::vector<std::string> args, bool tls = false,
          Poco::Net::Context::Ptr clientContext = nullptr);
  ~Igsgovd();
  Igsgovd(const Igsgovd&) = delete;
  Igsgovd& operator=(const Igsgovd&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& logPath() const { return log_; }
  std::string log() const;

  // Every answer under /api/v1/ is checked against igsgovd's own OpenAPI
  // document (SchemaCheck.hpp), fetched once per server: an answer that does
  // not match its operation's declared schema throws std::runtime_error.
  Response request(const std::string& method, const std::string& path, const std::string& body = "",
                   const std::string& token = "", const std::map<std::string, std::string>& headers = {});
  // The OpenAPI document answers are checked against (fetched on first use).
  Poco::JSON::Object::Ptr document();
  // Checks answers against this document instead (a test of the check itself).
  void useDocument(Poco::JSON::Object::Ptr document) { document_ = std::move(document); }
  Response get(const std::string& path, const std::string& token = "") { return request("GET", path, "", token); }
  Response post(const std::string& path, const std::string& body, const std::string& token = "") {
    return request("POST", path, body, token);
  }

  // Signs in on the intranet as a browser does (the login form's token and
  // cookie, then the form posted); the session cookie "igsgov_sessie=...", or
  // "" when the login was refused (its answer in *refused).
  std::string signIn(const std::string& name, const std::string& password, Response* answer = nullptr);

  void signal(int sig);
  // Waits for the process to exit; returns its exit code, or -1 after timeoutMs.
  int waitExit(int timeoutMs);

private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool tls_ = false;
  Poco::Net::Context::Ptr context_;
  Poco::JSON::Object::Ptr document_;
  std::string log_;
  int exitCode_ = -1;
};

// Starts igsgovd and expects it to fail at start; returns exit code and stderr.
RunResult startFailing(const std::vector<std::string>& args);

}  // namespace igsgov::test
