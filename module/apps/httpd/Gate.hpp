// The gate: igsgovd's one thread that accepts connections and holds every
// connection no worker is serving, so that slow, idle or hostile clients
// never occupy a worker (Workers.hpp).
//
// With poll() over the listening socket and all connections it holds, the
// gate, without ever blocking:
//  - accepts; a connection over limits.max_connections in all, or over
//    limits.max_connections_per_address from one client (service::clientKey),
//    is answered 503 with Retry-After and closed (with TLS just closed);
//  - runs the TLS handshake step by step;
//  - reads until the request header is complete (the empty line), at most
//    limits.max_header_bytes (beyond: 431 and close), within
//    limits.header_timeout_seconds from the connection's start, or from the
//    first byte of a next request on a kept-alive connection (beyond: 408 and
//    close; a connection that sent nothing is closed without an answer);
//  - parses the complete header and checks its framing
//    (service/HttpFraming.hpp): a malformed header or an ambiguous body
//    length is answered 400 (411 for a body without a length) and closed, so
//    nothing behind it is ever read as a request;
//  - reads the body too, when it has one of at most limits.max_body_bytes,
//    within limits.body_timeout_seconds from the end of the header (beyond:
//    408 and close), so a worker never waits for a slow client. What all
//    connections hold of bodies is capped by limits.max_buffered_body_bytes:
//    above it the gate stops reading bodies until room is freed (the senders
//    wait, their deadlines still run). A body declared larger than the limit
//    goes to a worker at once, whose handler refuses it with 413 unread;
//  - hands a complete request to the worker pool; a full queue
//    (limits.max_queued) is answered 503 with Retry-After and closed;
//  - takes connections back from the workers: kept alive ones wait, idle, up
//    to limits.keep_alive_seconds for their next request; closed ones get a
//    lingering close (FIN, then what the client still sends is read and
//    dropped for up to 2 s, so our last answer is not lost to a reset).
// Every answer from the gate is a JSON error body with a Dutch message naming
// the limit. Closes for these reasons are counted and logged as one summary
// line per reason at most every 10 s (a flood does not flood the log).
//
// Shutdown: stop() ends accepting and closes every connection the gate holds
// that has no complete request header yet; requests in flight (their body
// still arriving, queued, or being served) finish, and their connections are
// closed afterwards; inFlight() counts them and abortInFlight() shuts their
// sockets down when the grace time is over. join() returns once the gate holds
// no connection any more.
//
// Thread safety: the gate's own state belongs to its thread; giveBack() (from
// workers), stop(), inFlight() and abortInFlight() (from the main thread) are
// safe from any thread. Ownership: the gate owns every Connection from accept
// to close; the listening socket and the TLS context belong to the caller and
// must outlive the gate.
#pragma once

#include "Connection.hpp"
#include "Workers.hpp"
#include "core/Error.hpp"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/ServerSocket.h>
#include <spdlog/logger.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace igsgov::httpd {

struct GateLimits {
  std::size_t maxConnections = 512;
  std::size_t maxPerAddress = 64;
  std::size_t maxHeaderBytes = 16384;
  int maxQueued = 64;
  int maxThreads = 16;
  std::size_t maxBodyBytes = 1 << 20;
  std::size_t maxBufferedBodyBytes = 64u << 20;
  std::chrono::seconds header{10};
  std::chrono::seconds body{30};
  std::chrono::seconds keepAlive{15};
  std::chrono::seconds linger{2};
};

class Gate {
public:
  // tls: the server context, or nullptr for plain HTTP.
  Gate(Poco::Net::ServerSocket& listener, SSL_CTX* tls, GateLimits limits, std::shared_ptr<spdlog::logger> log);
  ~Gate();
  Gate(const Gate&) = delete;
  Gate& operator=(const Gate&) = delete;

  // Starts the gate's thread, handing complete requests to `workers`.
  void start(Workers& workers);
  void stop();
  void join();

  // Worker threads: the connection is back, with how its request ended.
  void giveBack(Connection* connection, Outcome outcome);
  // Requests whose header is complete: their body arriving, queued for or
  // being served by a worker.
  std::size_t inFlight();
  void abortInFlight();

private:
  void loop();
  void acceptSome(TimePoint t);
  void refuse(int fd, int status, const Error& error, int retryAfter, const char* reason);
  void step(Connection& c, TimePoint t);
  void beginBody(Connection& c, const Poco::Net::HTTPRequest& request, std::size_t headerLength, TimePoint t);
  bool bodyArrived(Connection& c, TimePoint t);
  void account(Connection& c);
  void leaveInFlight(Connection& c);
  void dispatch(Connection& c, TimePoint t);
  void reply(Connection& c, int status, const Error& error, int retryAfter, const char* reason, TimePoint t);
  void startClosing(Connection& c, TimePoint t);
  void destroy(Connection& c);
  void takeReturned(TimePoint t);
  void expire(TimePoint t);
  void tally(const char* reason);
  void flushTally(TimePoint t, bool force);
  void wake();

  Poco::Net::ServerSocket& listener_;
  SSL_CTX* tls_;
  GateLimits limits_;
  std::shared_ptr<spdlog::logger> log_;
  Workers* workers_ = nullptr;
  std::thread thread_;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stopping_{false};
  bool stopped_ = false;  // gate thread: listener closed, waiting connections closed
  TimePoint acceptPausedUntil_{};

  std::unordered_map<Connection*, std::unique_ptr<Connection>> connections_;
  std::unordered_map<std::string, std::size_t> perAddress_;

  std::size_t bufferedBodies_ = 0;  // inbox bytes of connections in state body

  std::mutex inFlightMutex_;
  std::unordered_set<Connection*> inFlight_;               // state body or away
  std::vector<std::pair<Connection*, Outcome>> returned_;  // under inFlightMutex_

  std::map<std::string, long long> tally_;
  TimePoint tallyLogged_{};
};

}  // namespace igsgov::httpd
