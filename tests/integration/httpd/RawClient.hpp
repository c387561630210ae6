// Raw TCP clients for tests that need control over the bytes on the wire
// (partial headers, malformed framing, a second request behind a body) or
// over the source address (127.0.0.x, bound before connecting), which
// Poco's HTTPClientSession offers neither of. Linux only (POSIX sockets).
//
// Every call is bounded in time: connects and reads take a timeout in
// milliseconds, so a server that stalls fails a test instead of hanging it.
// A RawConnection belongs to one thread. Failures throw std::runtime_error.
#pragma once

#include "Harness.hpp"

#include <string>

namespace igsgov::test {

class RawConnection {
public:
  // Connects from sourceIp (any free port) to 127.0.0.1:port within timeoutMs.
  RawConnection(int port, const std::string& sourceIp = "127.0.0.1", int timeoutMs = 5000);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends all bytes; false when the server has closed or reset the connection.
  bool send(const std::string& bytes);
  // What arrives until the server closes the connection or timeoutMs pass.
  std::string readUntilClosed(int timeoutMs);
  // What arrives within timeoutMs without waiting for the end (at least one
  // recv attempt; "" when nothing came).
  std::string readAvailable(int timeoutMs);
  // True when the server closed (EOF or reset) within timeoutMs; data that
  // arrives meanwhile is appended to `received`.
  bool closedWithin(int timeoutMs, std::string* received = nullptr);
  // One whole response (header and Content-Length body) on a kept-alive
  // connection, its raw text; "" when it did not arrive within timeoutMs.
  std::string readResponse(int timeoutMs);
  int fd() const { return fd_; }

private:
  int fd_ = -1;
  std::string pending_;  // bytes after the last response readResponse returned
};

// The first HTTP response in `raw` (status, headers, the rest as body);
// status 0 when raw does not start with a status line.
Response parseResponse(const std::string& raw);

// One request with "Connection: close" from sourceIp; the whole answer.
Response rawRequest(int port, const std::string& sourceIp, const std::string& request, int timeoutMs = 10000);

// The value of cookie `name` set by the raw response ("" when not set).
std::string setCookieValue(const std::string& raw, const std::string& name);

// "GET path HTTP/1.1" with Host, optional bearer token, Connection: close.
std::string getRequest(const std::string& path, const std::string& token = "");

}  // namespace igsgov::test
