#include "Gate.hpp"

#include "ErrorReply.hpp"
#include "Log.hpp"
#include "service/ClientKey.hpp"
#include "service/HttpFraming.hpp"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/SocketAddress.h>

#include <openssl/ssl.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

namespace igsgov::httpd {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TimePoint now() { return std::chrono::steady_clock::now(); }

Place limitPlace(const std::string& limit) { return Place().set("limit", limit); }

}  // namespace

Gate::Gate(Poco::Net::ServerSocket& listener, SSL_CTX* tls, GateLimits limits, std::shared_ptr<spdlog::logger> log)
    : listener_(listener), tls_(tls), limits_(limits), log_(std::move(log)) {
  if (::pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) throw Poco::SystemException("pipe2 for the gate");
  listener_.setBlocking(false);
}

Gate::~Gate() {
  stop();
  join();
  for (int fd : wake_)
    if (fd >= 0) ::close(fd);
}

void Gate::start(Workers& workers) {
  workers_ = &workers;
  thread_ = std::thread([this] { loop(); });
}

void Gate::stop() {
  stopping_ = true;
  wake();
}

void Gate::join() {
  if (thread_.joinable()) thread_.join();
}

void Gate::wake() {
  char b = 1;
  (void)::write(wake_[1], &b, 1);
}

void Gate::giveBack(Connection* connection, Outcome outcome) {
  {
    std::lock_guard lock(inFlightMutex_);
    returned_.emplace_back(connection, outcome);
  }
  wake();
}

std::size_t Gate::inFlight() {
  std::lock_guard lock(inFlightMutex_);
  return inFlight_.size();
}

void Gate::abortInFlight() {
  std::lock_guard lock(inFlightMutex_);
  for (Connection* c : inFlight_) c->io->abort();
}

void Gate::loop() {
  std::vector<pollfd> fds;
  std::vector<Connection*> polled;
  for (;;) {
    TimePoint t = now();
    takeReturned(t);
    if (stopping_ && !stopped_) {
      stopped_ = true;
      listener_.close();
      std::vector<Connection*> waiting;
      for (auto& [c, owned] : connections_)
        if (c->state != Connection::State::away && c->state != Connection::State::body) waiting.push_back(c);
      for (Connection* c : waiting) destroy(*c);
    }
    if (stopped_ && connections_.empty()) break;
    expire(t);
    flushTally(t, false);

    fds.clear();
    polled.clear();
    fds.push_back({wake_[0], POLLIN, 0});
    polled.push_back(nullptr);
    bool accepting = !stopped_ && t >= acceptPausedUntil_;
    if (accepting) {
      fds.push_back({listener_.impl()->sockfd(), POLLIN, 0});
      polled.push_back(nullptr);
    }
    TimePoint next = t + seconds(1);
    if (!stopped_ && !accepting) next = std::min(next, acceptPausedUntil_);
    // Over the body budget, bodies wait (only hang-ups are noticed).
    bool bodiesWait = bufferedBodies_ >= limits_.maxBufferedBodyBytes;
    for (auto& [c, owned] : connections_) {
      if (c->state == Connection::State::away) continue;
      short events = c->state == Connection::State::body && bodiesWait ? 0 : c->events;
      fds.push_back({c->io->sockfd(), events, 0});
      polled.push_back(c);
      next = std::min(next, c->deadline);
    }
    auto wait = std::chrono::duration_cast<milliseconds>(next - now()).count() + 1;
    int r = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait, 0, 1000)));
    if (r <= 0) continue;
    t = now();
    if (fds[0].revents) {
      char buf[256];
      while (::read(wake_[0], buf, sizeof buf) > 0) {
      }
    }
    std::size_t i = 1;
    if (accepting) {
      if (fds[1].revents) acceptSome(t);
      i = 2;
    }
    for (; i < fds.size(); ++i)
      if (fds[i].revents && connections_.count(polled[i])) step(*polled[i], t);
  }
  flushTally(now(), true);
}

void Gate::acceptSome(TimePoint t) {
  int listenFd = listener_.impl()->sockfd();
  for (int n = 0; n < 64; ++n) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int fd = ::accept4(listenFd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop listening for a moment rather than spin.
        acceptPausedUntil_ = t + milliseconds(100);
        tally("accept_failed_out_of_descriptors");
      }
      return;
    }
    Poco::Net::SocketAddress peer(reinterpret_cast<sockaddr*>(&addr), len);
    std::string key = service::clientKey(peer.host());
    if (connections_.size() >= limits_.maxConnections) {
      refuse(fd, 503,
             Error(ErrorCode::busy,
                   "igsgovd heeft te veel verbindingen open (hoogstens " + std::to_string(limits_.maxConnections) +
                       "); probeer het straks opnieuw",
                   limitPlace("limits.max_connections")),
             5, "max_connections");
      continue;
    }
    auto& mine = perAddress_[key];
    if (mine >= limits_.maxPerAddress) {
      refuse(fd, 503,
             Error(ErrorCode::busy,
                   "te veel verbindingen vanaf uw adres (hoogstens " + std::to_string(limits_.maxPerAddress) +
                       " tegelijk); sluit er een of probeer het straks opnieuw",
                   limitPlace("limits.max_connections_per_address")),
             5, "max_connections_per_address");
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    SSL* ssl = nullptr;
    if (tls_) {
      ssl = SSL_new(tls_);
      if (!ssl || SSL_set_fd(ssl, fd) != 1) {
        if (ssl) SSL_free(ssl);
        ::close(fd);
        tally("tls_setup_failed");
        continue;
      }
      SSL_set_accept_state(ssl);
    }
    auto c = std::make_unique<Connection>(fd, ssl, key, peer.host().toString());
    c->deadline = t + limits_.header;
    c->events = POLLIN;
    ++mine;
    connections_.emplace(c.get(), std::move(c));
  }
}

void Gate::refuse(int fd, int status, const Error& error, int retryAfter, const char* reason) {
  if (!tls_) {
    std::string answer = errorReply(status, error, retryAfter);
    (void)::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    // Read what already arrived, so closing does not reset the connection
    // (and lose the answer) over unread bytes.
    char buf[4096];
    while (::recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0) {
    }
  }
  ::close(fd);
  tally(reason);
}

void Gate::step(Connection& c, TimePoint t) {
  if (c.state == Connection::State::closing) {
    if (c.io->drain()) destroy(c);
    return;
  }
  if (c.state == Connection::State::body) {
    std::size_t limit = c.chunked ? c.headerLength + limits_.maxBodyBytes + limits_.maxBodyBytes / 4 + 65536 : c.need;
    auto progress = c.io->fill(limit, false);
    account(c);
    if (bodyArrived(c, t)) return;
    if (progress == ConnectionSocket::Progress::closed) destroy(c);
    else c.events = progress == ConnectionSocket::Progress::wantWrite ? POLLOUT : POLLIN;
    return;
  }
  if (c.state == Connection::State::handshake) {
    switch (c.io->handshake()) {
      case ConnectionSocket::Progress::done: c.state = Connection::State::header; break;
      case ConnectionSocket::Progress::wantRead: c.events = POLLIN; return;
      case ConnectionSocket::Progress::wantWrite: c.events = POLLOUT; return;
      case ConnectionSocket::Progress::closed:
        tally("tls_handshake_failed");
        destroy(c);
        return;
    }
  }
  auto progress = c.io->fill(limits_.maxHeaderBytes + 1, true);
  auto inbox = c.io->inbox();
  if (c.idle && !inbox.empty()) {
    c.idle = false;
    c.deadline = t + limits_.header;
  }
  auto end = service::headerEnd(inbox);
  if (end != std::string_view::npos && end <= limits_.maxHeaderBytes) {
    // The header is read once more by the worker; refusing a malformed or
    // ambiguously framed one here costs no worker and leaves no doubt about
    // where the request ends.
    Poco::Net::HTTPRequest request;
    try {
      std::istringstream head{std::string(inbox.substr(0, end))};
      request.read(head);
    } catch (const Poco::Exception& e) {
      reply(c, 400,
            Error(ErrorCode::invalid, "de kop van de vraag is onleesbaar (" + e.displayText() + ")",
                  Place().set("part", "kop")),
            0, "malformed_header", t);
      return;
    }
    if (auto problem = service::checkRequestLine(request)) {
      reply(c, problem->status, Error(ErrorCode::invalid, problem->message, Place().set("part", "verzoekregel")), 0,
            "malformed_request_line", t);
      return;
    }
    if (auto problem = service::checkFraming(request)) {
      reply(c, problem->status, Error(ErrorCode::invalid, problem->message, Place().set("header", problem->header)), 0,
            "ambiguous_framing", t);
      return;
    }
    beginBody(c, request, end, t);
    return;
  }
  if (inbox.size() > limits_.maxHeaderBytes) {
    reply(c, 431,
          Error(ErrorCode::invalid,
                "de kop van de vraag is te groot (hoogstens " + std::to_string(limits_.maxHeaderBytes) + " bytes)",
                limitPlace("limits.max_header_bytes")),
          0, "header_too_large", t);
    return;
  }
  switch (progress) {
    case ConnectionSocket::Progress::closed: destroy(c); return;
    case ConnectionSocket::Progress::wantWrite: c.events = POLLOUT; return;
    default: c.events = POLLIN; return;
  }
}

void Gate::beginBody(Connection& c, const Poco::Net::HTTPRequest& request, std::size_t headerLength, TimePoint t) {
  {
    std::lock_guard lock(inFlightMutex_);
    inFlight_.insert(&c);
  }
  c.headerLength = headerLength;
  c.chunked = request.getChunkedTransferEncoding();
  c.need = 0;
  if (!c.chunked) {
    // checkFraming let only plain digits through, so this parses.
    auto length = request.hasContentLength() ? static_cast<std::size_t>(request.getContentLength64()) : 0;
    if (length == 0 || length > limits_.maxBodyBytes) {
      dispatch(c, t);  // nothing to wait for, or refused unread (413) by the handler
      return;
    }
    c.need = headerLength + length;
  }
  c.state = Connection::State::body;
  c.deadline = t + limits_.body;
  c.events = POLLIN;
  account(c);
  bodyArrived(c, t);
}

// Dispatches when the body is whole, or when waiting longer cannot help
// (malformed or oversized chunks: the worker's reader and the handler answer).
bool Gate::bodyArrived(Connection& c, TimePoint t) {
  auto inbox = c.io->inbox();
  bool ready;
  if (c.chunked) {
    auto scan = service::scanChunked(inbox.substr(c.headerLength));
    std::size_t limit = c.headerLength + limits_.maxBodyBytes + limits_.maxBodyBytes / 4 + 65536;
    ready = scan.end != std::string_view::npos || scan.malformed || scan.dataBytes > limits_.maxBodyBytes ||
            inbox.size() >= limit;
  } else {
    ready = inbox.size() >= c.need;
  }
  if (ready) dispatch(c, t);
  return ready;
}

void Gate::account(Connection& c) {
  std::size_t held = c.state == Connection::State::body ? c.io->inbox().size() : 0;
  bufferedBodies_ = bufferedBodies_ - c.buffered + held;
  c.buffered = held;
}

void Gate::leaveInFlight(Connection& c) {
  std::lock_guard lock(inFlightMutex_);
  inFlight_.erase(&c);
}

void Gate::dispatch(Connection& c, TimePoint t) {
  c.state = Connection::State::away;
  account(c);
  {
    std::lock_guard lock(inFlightMutex_);
    inFlight_.insert(&c);
  }
  if (workers_->offer(&c)) return;
  leaveInFlight(c);
  reply(c, 503,
        Error(ErrorCode::busy,
              "igsgovd is te druk (alle " + std::to_string(limits_.maxThreads) + " werkplaatsen bezet en " +
                  std::to_string(limits_.maxQueued) + " vragen in de wachtrij); probeer het straks opnieuw",
              limitPlace("limits.max_queued")),
        1, "max_queued", t);
}

void Gate::reply(Connection& c, int status, const Error& error, int retryAfter, const char* reason, TimePoint t) {
  c.io->sendNow(errorReply(status, error, retryAfter));
  tally(reason);
  startClosing(c, t);
}

void Gate::startClosing(Connection& c, TimePoint t) {
  if (c.state == Connection::State::body) leaveInFlight(c);
  c.state = Connection::State::closing;
  account(c);
  c.io->shutdownSend();
  c.deadline = t + limits_.linger;
  c.events = POLLIN;
}

void Gate::destroy(Connection& c) {
  if (c.state == Connection::State::body) {
    leaveInFlight(c);
    c.state = Connection::State::closing;
    account(c);
  }
  auto it = perAddress_.find(c.clientKey);
  if (it != perAddress_.end() && --it->second == 0) perAddress_.erase(it);
  connections_.erase(&c);
}

void Gate::takeReturned(TimePoint t) {
  std::vector<std::pair<Connection*, Outcome>> back;
  {
    std::lock_guard lock(inFlightMutex_);
    back.swap(returned_);
    for (const auto& [c, outcome] : back) inFlight_.erase(c);
  }
  for (const auto& [c, outcome] : back) {
    if (outcome == Outcome::abort || (outcome == Outcome::keepAlive && stopped_)) {
      destroy(*c);
    } else if (outcome == Outcome::close) {
      startClosing(*c, t);
    } else {
      c->state = Connection::State::header;
      c->idle = !c->io->buffered();
      c->deadline = t + (c->idle ? limits_.keepAlive : limits_.header);
      c->events = POLLIN;
      if (!c->idle) step(*c, t);  // the next request (or part of it) is here already
    }
  }
}

void Gate::expire(TimePoint t) {
  std::vector<Connection*> due;
  for (auto& [c, owned] : connections_)
    if (c->state != Connection::State::away && c->deadline <= t) due.push_back(c);
  for (Connection* c : due) {
    if (c->state == Connection::State::body) {
      reply(*c, 408,
            Error(ErrorCode::invalid,
                  "de inhoud van de vraag kwam niet binnen " + std::to_string(limits_.body.count()) +
                      " seconden volledig aan",
                  limitPlace("limits.body_timeout_seconds")),
            0, "body_timeout", t);
      continue;
    }
    if (c->state == Connection::State::header && !c->idle && !c->io->inbox().empty()) {
      reply(*c, 408,
            Error(ErrorCode::invalid,
                  "de kop van de vraag kwam niet binnen " + std::to_string(limits_.header.count()) +
                      " seconden volledig aan",
                  limitPlace("limits.header_timeout_seconds")),
            0, "header_timeout", t);
      continue;
    }
    if (c->state == Connection::State::handshake) tally("tls_handshake_timeout");
    else if (c->state == Connection::State::header) tally(c->idle ? "keep_alive_ended" : "nothing_sent");
    destroy(*c);
  }
}

void Gate::tally(const char* reason) { ++tally_[reason]; }

void Gate::flushTally(TimePoint t, bool force) {
  if (tally_.empty() || (!force && t - tallyLogged_ < seconds(10))) return;
  tallyLogged_ = t;
  for (const auto& [reason, count] : tally_) {
    LogLine line("connections_closed");
    line.add("reason", reason).add("count", count).add("open", static_cast<long long>(connections_.size()));
    // Ordinary ends of connections are debug; refusals and timeouts are worth a warning.
    if (reason == "keep_alive_ended" || reason == "nothing_sent") log_->debug(line.text());
    else log_->warn(line.text());
  }
  tally_.clear();
}

}  // namespace igsgov::httpd
