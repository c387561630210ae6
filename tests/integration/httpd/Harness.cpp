#include "Harness.hpp"

#include "SchemaCheck.hpp"
#include "store/Database.hpp"
#include "tests/support/Scratch.hpp"
#include "tests/support/TestRegister.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace igsgov::test {

std::string binaryDir() { return IGSGOV_BINARY_DIR; }
std::string sourceDir() { return IGSGOV_SOURCE_DIR; }

std::string freshDir(const std::string& name) { return testing::scratchDir("httpd", name).string(); }

int freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  int port = s.address().port();
  s.close();
  return port;
}

std::string base64(const std::string& bytes) {
  std::ostringstream os;
  Poco::Base64Encoder enc(os);
  enc.rdbuf()->setLineLength(0);
  enc << bytes;
  enc.close();
  return os.str();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

[[noreturn]] void execOrDie(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

RunResult run(const std::vector<std::string>& argv) {
  char outName[] = "/tmp/igsgov-httpd-out-XXXXXX";
  char errName[] = "/tmp/igsgov-httpd-err-XXXXXX";
  int outFd = mkstemp(outName), errFd = mkstemp(errName);
  if (outFd < 0 || errFd < 0) throw std::runtime_error("mkstemp failed");
  pid_t pid = fork();
  if (pid == 0) {
    int devNull = open("/dev/null", O_RDONLY);  // nothing waits for a terminal (openssl s_client reads stdin)
    if (devNull >= 0) dup2(devNull, 0);
    dup2(outFd, 1);
    dup2(errFd, 2);
    execOrDie(argv);
  }
  close(outFd);
  close(errFd);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(outName);
  r.err = slurp(errName);
  unlink(outName);
  unlink(errName);
  return r;
}

RunResult cli(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv{binaryDir() + "/bin/igsgov", "--db", db, "--format", "json", "--actor", "test"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

namespace {
RunResult mustCli(const std::string& db, const std::vector<std::string>& args) {
  auto r = cli(db, args);
  if (r.exitCode != 0) throw std::runtime_error("igsgov " + args.front() + " failed: " + r.err + r.out);
  return r;
}

void initRegister(const std::string& db, bool sample) {
  mustCli(db, {"init"});
  if (sample) mustCli(db, {"import", sourceDir() + "/config/sample/register.json"});
}
}  // namespace

SampleRegister makeSampleRegister(const std::string& dir, bool sample, const std::string& address) {
  SampleRegister reg;
  if (!address.empty()) {
    reg.path = address;
    initRegister(reg.path, sample);
  } else if (testing::onPostgres()) {  // a copy of one register made with the CLI per process
    reg.path = testing::copyOfTemplate(sample ? "cli_sample" : "cli_init",
                                       [&](const std::string& db) { initRegister(db, sample); });
  } else {
    reg.path = dir + "/register.db";
    initRegister(reg.path, sample);
  }
  auto must = [&](const std::vector<std::string>& args) { return mustCli(reg.path, args); };
  for (const char* role : {"beheerder", "directeur", "secretariaat", "auditor"}) {
    auto r = must({"token", "create", "--name", std::string("t-") + role, "--role", role});
    Poco::JSON::Parser p;
    auto o = p.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    reg.secrets[role] = o->getValue<std::string>("secret");
  }
  return reg;
}

void addAccount(const SampleRegister& reg, const std::string& id, const std::string& password,
                const std::vector<std::string>& grants) {
  auto must = [&](const std::vector<std::string>& args) { mustCli(reg.path, args); };
  must({"account", "create", "--id", id, "--display-name", "Account " + id, "--password", password});
  for (const auto& g : grants) {
    auto at = g.find('@');
    must({"account", "grant", "--id", id, "--role", g.substr(0, at), "--cooperation",
          at == std::string::npos ? "*" : g.substr(at + 1)});
  }
}

std::string rolePassword(const std::string& role) { return "wachtwoord-van-" + role; }

void addRoleAccounts(const SampleRegister& reg) {
  for (const char* role : {"beheerder", "directeur", "secretariaat", "auditor"})
    addAccount(reg, std::string("a-") + role, rolePassword(role), {role});
}

Poco::JSON::Object::Ptr Response::json() const {
  Poco::JSON::Parser p;
  return p.parse(body).extract<Poco::JSON::Object::Ptr>();
}

Igsgovd::Igsgovd(const std::string& dir, std::vector<std::string> args, bool tls, Poco::Net::Context::Ptr context)
    : tls_(tls), context_(std::move(context)), log_(dir + "/igsgovd.log") {
  bool hasPort = false;
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i] == "--port" && i + 1 < args.size()) {
      hasPort = true;
      port_ = std::stoi(args[i + 1]);
    }
  if (!hasPort) {
    port_ = freePort();
    args.push_back("--port");
    args.push_back(std::to_string(port_));
  }
  // A register in PostgreSQL has no folder beside it for the documents, and only
  // igsgovd's configuration file names one: "--register postgresql://..." becomes
  // such a file (the address as database.url, documents in dir/documenten).
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--register" && store::isPostgresAddress(args[i + 1])) {
      std::string config = dir + "/igsgovd-postgresql.json";
      std::ofstream(config) << R"({"database": {"url": ")" << args[i + 1] << R"("}, "intranet": {"documents_dir": ")"
                            << dir << R"(/documenten"}})";
      args[i] = "--config";
      args[i + 1] = config;
    }
  std::vector<std::string> argv{binaryDir() + "/bin/igsgovd"};
  argv.insert(argv.end(), args.begin(), args.end());
  int logFd = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(logFd, 1);
    dup2(logFd, 2);
    execOrDie(argv);
  }
  close(logFd);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("igsgovd stopped at start: " + log());
    }
    try {
      if (get("/api/v1/health").status == 200) return;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("igsgovd did not answer /api/v1/health: " + log());
}

Igsgovd::~Igsgovd() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  if (waitExit(10000) == -1 && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string Igsgovd::log() const { return slurp(log_); }

void Igsgovd::signal(int sig) {
  if (pid_ > 0) kill(pid_, sig);
}

int Igsgovd::waitExit(int timeoutMs) {
  if (pid_ <= 0) return exitCode_;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exitCode_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

Response Igsgovd::request(const std::string& method, const std::string& path, const std::string& body,
                          const std::string& token, const std::map<std::string, std::string>& headers) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (tls_) session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port_, context_);
  else session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port_);
  session->setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!token.empty()) req.set("Authorization", "Bearer " + token);
  bool chunked = false;
  for (const auto& [k, v] : headers) {
    if (k == "Transfer-Encoding" && v == "chunked") chunked = true;
    else req.set(k, v);
  }
  if (method == "POST") {
    if (!req.has("Content-Type")) req.setContentType("application/json");
    if (chunked) req.setChunkedTransferEncoding(true);
    else req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  auto& out = session->sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse resp;
  auto& in = session->receiveResponse(resp);
  Response r;
  r.status = resp.getStatus();
  for (const auto& [k, v] : resp) {
    r.headers[k] = v;
    if (Poco::icompare(k, "Set-Cookie") == 0) r.cookies.push_back(v);
  }
  Poco::StreamCopier::copyToString(in, r.body);
  // The calendar feed (/api/v1/kalender/<secret>.ics) is iCalendar for calendar programs, not an
  // operation: it is not in the OpenAPI document (docs/dev/rest.md lists it; CalendarFeedTest checks it).
  if (path.rfind("/api/v1/", 0) == 0 && path.rfind("/api/v1/openapi.json", 0) != 0 &&
      path.rfind("/api/v1/kalender/", 0) != 0) {
    auto wrong = answerViolations(document(), method, path, r.status, resp.getContentType(), r.body);
    if (!wrong.empty()) {
      std::string all = "igsgovd's answer does not match its OpenAPI document:";
      for (const auto& w : wrong) all += "\n  " + w;
      throw std::runtime_error(all + "\nbody: " + r.body.substr(0, 2000));
    }
  }
  return r;
}

Poco::JSON::Object::Ptr Igsgovd::document() {
  if (!document_) document_ = request("GET", "/api/v1/openapi.json").json();
  return document_;
}

std::string Igsgovd::signIn(const std::string& name, const std::string& password, Response* answer) {
  auto form = get("/intranet/aanmelden");
  std::string key = "name=\"csrf\" value=\"", csrf, loginCookie;
  auto p = form.body.find(key);
  if (p != std::string::npos) csrf = form.body.substr(p + key.size(), 64);
  for (const auto& c : form.cookies)
    if (c.rfind("igsgov_aanmelden=", 0) == 0) loginCookie = c.substr(0, c.find(';'));
  std::string body, encodedName, encodedPassword;
  Poco::URI::encode(name, "&=+%", encodedName);
  Poco::URI::encode(password, "&=+%", encodedPassword);
  body = "csrf=" + csrf + "&naam=" + encodedName + "&wachtwoord=" + encodedPassword;
  auto r = request("POST", "/intranet/aanmelden", body, "",
                   {{"Cookie", loginCookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  if (answer) *answer = r;
  for (const auto& c : r.cookies)
    if (c.rfind("igsgov_sessie=", 0) == 0 && c.rfind("igsgov_sessie=;", 0) != 0) return c.substr(0, c.find(';'));
  return "";
}

RunResult startFailing(const std::vector<std::string>& args) {
  std::vector<std::string> argv{binaryDir() + "/bin/igsgovd"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

}  // namespace igsgov::test
