#include "RawClient.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace igsgov::test {

namespace {

using Clock = std::chrono::steady_clock;

int msLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

sockaddr_in ipv4(const std::string& ip, int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  if (inet_pton(AF_INET, ip.c_str(), &a.sin_addr) != 1) throw std::runtime_error("not an IPv4 address: " + ip);
  return a;
}

}  // namespace

RawConnection::RawConnection(int port, const std::string& sourceIp, int timeoutMs) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in src = ipv4(sourceIp, 0);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0) {
    std::string e = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("bind " + sourceIp + ": " + e);
  }
  sockaddr_in dst = ipv4("127.0.0.1", port);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0 && errno != EINPROGRESS) {
    std::string e = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("connect: " + e);
  }
  pollfd p{fd_, POLLOUT, 0};
  int err = 0;
  socklen_t len = sizeof err;
  if (::poll(&p, 1, timeoutMs) != 1 || ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0) {
    ::close(fd_);
    throw std::runtime_error("connect did not complete within " + std::to_string(timeoutMs) + " ms" +
                             (err ? std::string(": ") + std::strerror(err) : ""));
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  auto deadline = Clock::now() + std::chrono::seconds(10);
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd_, POLLOUT, 0};
      if (::poll(&p, 1, msLeft(deadline)) != 1) return false;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
  return true;
}

bool RawConnection::closedWithin(int timeoutMs, std::string* received) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
  char buf[16384];
  for (;;) {
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n == 0) return true;
    if (n > 0) {
      if (received) received->append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return true;  // reset
    int left = msLeft(deadline);
    if (left == 0) return false;
    pollfd p{fd_, POLLIN, 0};
    ::poll(&p, 1, left);
  }
}

std::string RawConnection::readUntilClosed(int timeoutMs) {
  std::string out;
  closedWithin(timeoutMs, &out);
  return out;
}

std::string RawConnection::readAvailable(int timeoutMs) {
  std::string out;
  auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
  char buf[16384];
  for (;;) {
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return out;
    int left = msLeft(deadline);
    if (left == 0) return out;
    pollfd p{fd_, POLLIN, 0};
    ::poll(&p, 1, left);
  }
}

std::string RawConnection::readResponse(int timeoutMs) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
  for (;;) {
    auto end = pending_.find("\r\n\r\n");
    if (end != std::string::npos) {
      auto head = parseResponse(pending_.substr(0, end + 4));
      std::size_t length = head.headers.count("Content-Length") ? std::stoul(head.headers["Content-Length"]) : 0;
      if (pending_.size() >= end + 4 + length) {
        std::string out = pending_.substr(0, end + 4 + length);
        pending_.erase(0, out.size());
        return out;
      }
    }
    int left = msLeft(deadline);
    if (left == 0) return "";
    pollfd p{fd_, POLLIN, 0};
    ::poll(&p, 1, left);
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return "";
    if (n > 0) pending_.append(buf, static_cast<std::size_t>(n));
  }
}

std::string setCookieValue(const std::string& raw, const std::string& name) {
  std::string key = "Set-Cookie: " + name + "=";
  auto pos = raw.find(key);
  if (pos == std::string::npos) return "";
  pos += key.size();
  return raw.substr(pos, raw.find_first_of(";\r", pos) - pos);
}

Response parseResponse(const std::string& raw) {
  Response r;
  if (raw.rfind("HTTP/1.", 0) != 0 || raw.size() < 12) return r;
  r.status = std::atoi(raw.c_str() + 9);
  auto end = raw.find("\r\n\r\n");
  std::size_t pos = raw.find("\r\n") + 2;
  while (end != std::string::npos && pos < end) {
    auto eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers[line.substr(0, colon)] = value;
    }
    pos = eol + 2;
  }
  r.body = end == std::string::npos ? "" : raw.substr(end + 4);
  return r;
}

Response rawRequest(int port, const std::string& sourceIp, const std::string& request, int timeoutMs) {
  RawConnection c(port, sourceIp, timeoutMs);
  if (!c.send(request)) throw std::runtime_error("the server closed before the request was sent");
  return parseResponse(c.readUntilClosed(timeoutMs));
}

std::string getRequest(const std::string& path, const std::string& token) {
  std::string r = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) r += "Authorization: Bearer " + token + "\r\n";
  return r + "Connection: close\r\n\r\n";
}

}  // namespace igsgov::test
