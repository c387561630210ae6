// Fuzz target "http": igsgovd's request path, in-process, on any bytes a
// client may send over one connection.
//
// The service is built as igsgovd builds it (module/apps/httpd/Service.hpp):
// a register (the sample register imported, one API token of role auditor,
// so requests read but never change it), the REST API and the intranet, the
// gate (Gate.hpp: header limits, header parsing, framing rules of
// service/HttpFraming, waiting for bodies) and two workers (Exchange.hpp:
// Poco's request parsing, the handlers), listening on 127.0.0.1. Each input
// is sent on a new connection, which is then half-closed; the answer is read
// until the server closes. So pipelined requests, keep-alive, chunked bodies,
// Expect: 100-continue and every refusal of the gate run as in production;
// TLS does not (the TLS handshake is OpenSSL's, and costs per input).
//
// Placeholders in the input are replaced before sending, so seeds and
// mutations reach what needs a login: @TOKEN@ (the auditor token's secret),
// @SESSIE@ and @CSRF@ (an intranet session of that token and its CSRF token).
//
// Checks: the server closes the connection within 30 s (the lower limits
// below make every wait short); every answer is a status line, headers and a
// complete body; no answer is a 5xx other than 503 (busy) and 505 (an HTTP
// version not served) (bad input is a 4xx, an error with a place, never an
// internal error); every log line is one line
// without control characters (Log.hpp promises lines that split again).
// Seeds: the requests of tests/integration/httpd (REST reads with query and
// JSON body, health, openapi.json, malformed and ambiguous framing, chunked
// bodies, pipelining) and tests/integration/pages (login, pages, logout).
#include "Api.hpp"
#include "FuzzSupport.hpp"
#include "Gate.hpp"
#include "Intranet.hpp"
#include "Log.hpp"
#include "RawClient.hpp"
#include "Service.hpp"
#include "Workers.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>
#include <spdlog/sinks/base_sink.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <sstream>
#include <sys/socket.h>

using namespace igsgov;
using namespace igsgov::httpd;

namespace {

// Keeps the log lines in memory for the checks.
class Lines : public spdlog::sinks::base_sink<std::mutex> {
public:
  std::vector<std::string> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(lines_, {});
  }

protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t buf;
    formatter_->format(msg, buf);
    lines_.push_back(fmt::to_string(buf));
  }
  void flush_() override {}

private:
  std::vector<std::string> lines_;
};

struct Server {
  fuzz::TempDir dir;
  std::shared_ptr<Lines> lines = std::make_shared<Lines>();
  ApiContext ctx;
  std::unique_ptr<ServiceHandlerFactory> factory;
  std::atomic<bool> stopping{false};
  ExchangeContext exchange;
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  std::unique_ptr<Gate> gate;
  std::unique_ptr<Workers> workers;
  std::string secret;
  std::string session, csrf;
};
Server* server = nullptr;

void start() {
  server = new Server;
  Server& s = *server;
  Config& c = s.ctx.config;
  c.registerPath = s.dir.path() + "/register.db";
  c.documentsDir = s.dir.path() + "/documenten";
  // Lower than the defaults, so that every wait and every refusal comes quickly.
  c.maxBodyBytes = 64 << 10;
  c.maxHeaderBytes = 8192;
  c.maxResponseBytes = 4 << 20;
  c.maxThreads = 2;
  c.maxQueued = 8;
  c.headerTimeoutSeconds = 5;
  c.bodyTimeoutSeconds = 5;
  c.responseTimeoutSeconds = 10;
  c.keepAliveSeconds = 2;
  c.failedLoginBurst = 1 << 30;  // the fuzzer's wrong tokens must not lock its address out
  c.failedLoginRefillSeconds = 1;
  {
    ops::Session setup(c.registerPath, true);
    ops::Caller caller;
    caller.actor = "fuzz";
    auto in = newObject();
    in->set("path", std::string(IGSGOV_SOURCE_DIR) + "/config/sample/register.json");
    setup.execute("register.import", in, caller);
    auto token = newObject();
    token->set("name", "fuzz");
    token->set("role", "auditor");
    s.secret = setup.execute("token.create", token, caller)->getValue<std::string>("secret");
  }
  s.ctx.version = "fuzz";
  s.ctx.log = std::make_shared<spdlog::logger>("igsgovd", s.lines);
  s.ctx.log->set_pattern("level=%l %v");
  s.ctx.log->set_level(spdlog::level::debug);
  forwardLibraryLog(s.ctx.log);
  openService(s.ctx);
  s.factory = std::make_unique<ServiceHandlerFactory>(s.ctx);
  s.exchange = exchangeContext(c, *s.factory, s.stopping);
  s.socket = std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
  s.gate = std::make_unique<Gate>(*s.socket, nullptr, gateLimits(c), s.ctx.log);
  s.workers = std::make_unique<Workers>(
      c.maxThreads, static_cast<std::size_t>(c.maxQueued),
      [&s](Connection& connection) { return serve(connection, s.exchange); },
      [&s](Connection* connection, Outcome outcome) { s.gate->giveBack(connection, outcome); });
  s.gate->start(*s.workers);
}

// The intranet session the placeholders name; a new one when a request ended it.
void ensureSession() {
  Server& s = *server;
  if (!s.session.empty() && s.ctx.site->sessions().find(s.session)) return;
  auto made = s.ctx.site->sessions().create("token:fuzz", s.secret);
  s.session = made.id;
  s.csrf = made.csrf;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

// Walks the answers on the connection: status line, headers, body. When the
// input holds a HEAD request, an answer followed directly by the next status
// line (or the end) has no body, whatever its Content-Length says.
void checkAnswers(const std::string& raw, bool headAsked) {
  std::size_t pos = 0;
  while (pos < raw.size()) {
    fuzz::require(raw.compare(pos, 7, "HTTP/1.") == 0, "an answer does not start with a status line:\n" + raw.substr(pos, 200));
    std::size_t end = raw.find("\r\n\r\n", pos);
    fuzz::require(end != std::string::npos, "an answer's header does not end");
    std::string head = raw.substr(pos, end - pos);
    int status = std::atoi(head.c_str() + 9);
    std::size_t bodyStart = end + 4;
    std::size_t length = std::string::npos;
    std::istringstream lines(head);
    std::string line;
    while (std::getline(lines, line)) {
      if (Poco::icompare(line.substr(0, 15), std::string("content-length:")) == 0)
        length = static_cast<std::size_t>(std::stoull(line.substr(15)));
    }
    std::size_t next;
    bool bodyless = headAsked && (bodyStart == raw.size() || raw.compare(bodyStart, 7, "HTTP/1.") == 0);
    if (status < 200 || status == 204 || status == 304 || bodyless) next = bodyStart;
    else if (length != std::string::npos) next = bodyStart + length;
    else next = raw.size();  // to the close
    fuzz::require(next <= raw.size(), "an answer's body is cut short");
    if (status >= 500 && status != 503 && status != 505)
      fuzz::finding("answer " + std::to_string(status) + " to bad input:\n" + raw.substr(pos, next - pos));
    pos = next;
  }
}

void checkLog() {
  for (const auto& line : server->lines->take()) {
    std::string_view l(line);
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    for (unsigned char c : l)
      if (c < 0x20 || c == 0x7f) fuzz::finding("a log line holds a control character: " + line);
  }
}

// At exit: the service stops as igsgovd's does, before the statics it uses go.
void stop() {
  Server& s = *server;
  s.stopping = true;
  s.gate->stop();
  s.workers->finish();
  s.workers->join();
  s.gate->join();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::signal(SIGPIPE, SIG_IGN);
  start();
  std::atexit(stop);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string request(fuzz::text(data, size));
  if (request.find('@') != std::string::npos) {
    ensureSession();
    replaceAll(request, "@TOKEN@", server->secret);
    replaceAll(request, "@SESSIE@", server->session);
    replaceAll(request, "@CSRF@", server->csrf);
  }
  std::string answer;
  try {
    test::RawConnection connection(server->socket->address().port());
    connection.send(request);  // false when the server closed early: its answer is still read
    ::shutdown(connection.fd(), SHUT_WR);
    if (!connection.closedWithin(30000, &answer)) fuzz::finding("the server did not close the connection within 30 s");
  } catch (const std::runtime_error& e) {
    fuzz::finding(std::string("client: ") + e.what());
  }
  checkAnswers(answer, request.rfind("HEAD", 0) == 0 || request.find("\nHEAD") != std::string::npos);
  checkLog();
  return 0;
}
