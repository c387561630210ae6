// One client connection of igsgovd, from accept to close.
//
// ConnectionSocket is a Poco socket implementation, so Poco's
// HTTPServerSession, HTTPServerRequestImpl and HTTPServerResponseImpl read
// and write through it unchanged. Its descriptor is non-blocking and two
// sides use it, never at the same time:
//  - the gate (Gate.hpp), which never blocks: handshake() runs the TLS
//    handshake step by step, fill() moves what the client sent into the inbox
//    until the request header is complete, sendNow() writes a short answer if
//    the socket takes it at once, and shutdownSend()/drain() close lingering;
//  - one worker (Exchange.hpp) while it serves a request: receiveBytes() and
//    sendBytes(), called by Poco, wait with poll() but never past the
//    deadlines set for the request. Reading stops at the read deadline (the
//    header's, then the body's), writing at the write deadline, counted from
//    the first byte of the answer. Past a deadline they throw
//    Poco::TimeoutException; every trickled byte does not restart the clock.
// Reads are served from the inbox first: what the gate read while it waited
// for the header, and what the session had read beyond the last request
// (unread(), for keep-alive and pipelining).
//
// TLS: an OpenSSL SSL object on the same descriptor (made by the gate from the
// configured context); SSL_read/SSL_write follow the same rules.
//
// Thread safety: one thread at a time (handed over under the worker pool's
// mutex); abort() alone may be called from any thread (shutdown(2)).
// Ownership: owns the descriptor and the SSL object (the destructor frees
// both). Failures: Poco::TimeoutException past a deadline,
// Poco::Net::NetException (or a subclass) for a reset connection or a TLS error.
#pragma once

#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>

#include <chrono>
#include <optional>
#include <string>

typedef struct ssl_st SSL;

namespace igsgov::httpd {

using TimePoint = std::chrono::steady_clock::time_point;

class ConnectionSocket : public Poco::Net::StreamSocketImpl {
public:
  // Takes ownership of the connected descriptor (made non-blocking) and of ssl (may be nullptr).
  ConnectionSocket(int fd, SSL* ssl);

  enum class Progress { done, wantRead, wantWrite, closed };

  // Gate side, never blocking.
  Progress handshake();                  // done at once without TLS
  // Reads into the inbox up to `limit` bytes in it; done when the limit is
  // reached or, with stopAtHeaderEnd, when a header end has arrived.
  Progress fill(std::size_t limit, bool stopAtHeaderEnd);
  std::string_view inbox() const { return std::string_view(inbox_).substr(inboxPos_); }
  bool buffered() const;                 // bytes waiting in the inbox or inside TLS
  bool secure() const override { return ssl_ != nullptr; }
  bool handshaken() const { return !ssl_ || handshakeDone_; }
  void sendNow(const std::string& bytes);  // best effort, what the socket takes without waiting
  void shutdownSend() override;          // TLS close_notify, then FIN
  bool drain();                          // discards what arrives; true when the peer has closed

  // Worker side.
  void setReadDeadline(TimePoint t) { readDeadline_ = t; }
  // The next answer may take `limit` from its first byte on.
  void startAnswer(std::chrono::seconds limit) {
    writeLimit_ = limit;
    writeDeadline_.reset();
    writeFailed_ = false;
  }
  // True when writing the answer failed (the connection is unusable).
  bool writeFailed() const { return writeFailed_; }
  // Puts bytes read but not used back in front of the inbox.
  void unread(const char* data, std::size_t size);
  int receiveBytes(void* buffer, int length, int flags = 0) override;
  int sendBytes(const void* buffer, int length, int flags = 0) override;

  // Any thread: shuts the descriptor down so a waiting worker wakes and fails.
  void abort();

protected:
  ~ConnectionSocket() override;

private:
  void wait(short events, TimePoint deadline);
  int sendAll(const void* buffer, int length);
  [[noreturn]] void tlsFailure(const char* what);

  SSL* ssl_;
  bool handshakeDone_ = false;
  std::string inbox_;
  std::size_t inboxPos_ = 0;
  TimePoint readDeadline_;
  std::chrono::seconds writeLimit_{60};
  std::optional<TimePoint> writeDeadline_;
  bool writeFailed_ = false;
};

// What the gate knows of a connection. The gate owns it; while a worker
// serves it (state away) only that worker touches `socket` and `io`.
struct Connection {
  enum class State { handshake, header, body, away, closing };

  Connection(int fd, SSL* ssl, std::string clientKey, std::string peer);
  Poco::Net::StreamSocket socket;  // holds io
  ConnectionSocket* io;            // owned by socket
  std::string clientKey;           // per-address caps (service::clientKey)
  std::string peer;                // the address, for logs
  State state;
  TimePoint deadline;              // of the current state
  bool idle = false;               // kept alive, no byte of the next request yet
  short events = 0;                // what the gate polls for
  // While the gate waits for the body (state body):
  std::size_t headerLength = 0;    // where the body starts in the inbox
  std::size_t need = 0;            // inbox bytes for a Content-Length body
  bool chunked = false;
  std::size_t buffered = 0;        // inbox bytes counted in the gate's body budget
};

}  // namespace igsgov::httpd
