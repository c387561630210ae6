#include "Connection.hpp"

#include "service/HttpFraming.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace igsgov::httpd {

namespace {

TimePoint now() { return std::chrono::steady_clock::now(); }

std::string lastTlsError() {
  unsigned long e = ERR_get_error();
  if (e == 0) return errno ? std::strerror(errno) : "verbinding onverwacht gesloten";
  char text[256];
  ERR_error_string_n(e, text, sizeof text);
  return text;
}

}  // namespace

ConnectionSocket::ConnectionSocket(int fd, SSL* ssl) : Poco::Net::StreamSocketImpl(fd), ssl_(ssl), readDeadline_(now()) {
  int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

ConnectionSocket::~ConnectionSocket() {
  if (ssl_) SSL_free(ssl_);
}

bool ConnectionSocket::buffered() const { return inboxPos_ < inbox_.size() || (ssl_ && SSL_pending(ssl_) > 0); }

ConnectionSocket::Progress ConnectionSocket::handshake() {
  if (!ssl_ || handshakeDone_) return Progress::done;
  ERR_clear_error();
  int r = SSL_do_handshake(ssl_);
  if (r == 1) {
    handshakeDone_ = true;
    return Progress::done;
  }
  switch (SSL_get_error(ssl_, r)) {
    case SSL_ERROR_WANT_READ: return Progress::wantRead;
    case SSL_ERROR_WANT_WRITE: return Progress::wantWrite;
    default: ERR_clear_error(); return Progress::closed;  // refused suite or protocol, not TLS at all, reset
  }
}

ConnectionSocket::Progress ConnectionSocket::fill(std::size_t limit, bool stopAtHeaderEnd) {
  char buf[16384];
  for (;;) {
    std::size_t held = inbox_.size() - inboxPos_;
    if (held >= limit) return Progress::done;
    std::size_t want = std::min(sizeof buf, limit - held);
    int n;
    if (ssl_) {
      ERR_clear_error();
      n = SSL_read(ssl_, buf, static_cast<int>(want));
      if (n <= 0) {
        int e = SSL_get_error(ssl_, n);
        if (e == SSL_ERROR_WANT_READ) return Progress::wantRead;
        if (e == SSL_ERROR_WANT_WRITE) return Progress::wantWrite;
        ERR_clear_error();
        return Progress::closed;
      }
    } else {
      ssize_t r = ::recv(sockfd(), buf, want, 0);
      if (r == 0) return Progress::closed;
      if (r < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return Progress::wantRead;
        return Progress::closed;
      }
      n = static_cast<int>(r);
    }
    std::size_t from = inbox_.size() - inboxPos_;
    inbox_.append(buf, static_cast<std::size_t>(n));
    // Look for the end of the header in what is new (and the 3 bytes before).
    auto scan = inbox().substr(from > 3 ? from - 3 : 0);
    if (stopAtHeaderEnd && service::headerEnd(scan) != std::string_view::npos) return Progress::done;
  }
}

void ConnectionSocket::sendNow(const std::string& bytes) {
  if (ssl_) {
    if (!handshakeDone_) return;
    ERR_clear_error();
    SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()));
    ERR_clear_error();
    return;
  }
  (void)::send(sockfd(), bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void ConnectionSocket::shutdownSend() {
  if (ssl_ && handshakeDone_) {
    ERR_clear_error();
    SSL_shutdown(ssl_);  // close_notify, without waiting for the peer's
    ERR_clear_error();
  }
  ::shutdown(sockfd(), SHUT_WR);
}

bool ConnectionSocket::drain() {
  char buf[16384];
  for (;;) {
    // Raw bytes: after our close_notify nothing the peer sends matters.
    ssize_t r = ::recv(sockfd(), buf, sizeof buf, 0);
    if (r > 0) continue;
    if (r < 0 && errno == EINTR) continue;
    return !(r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  }
}

void ConnectionSocket::unread(const char* data, std::size_t size) {
  if (size == 0) return;
  inbox_ = std::string(data, size) + inbox_.substr(inboxPos_);
  inboxPos_ = 0;
}

void ConnectionSocket::abort() { ::shutdown(sockfd(), SHUT_RDWR); }

void ConnectionSocket::wait(short events, TimePoint deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now()).count();
    if (left <= 0) throw Poco::TimeoutException("deadline passed");
    pollfd p{sockfd(), events, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
    if (r > 0) return;  // ready, or hung up: the next read or write tells which
    if (r < 0 && errno != EINTR) throw Poco::Net::NetException(std::strerror(errno));
  }
}

void ConnectionSocket::tlsFailure(const char* what) {
  std::string why = lastTlsError();
  ERR_clear_error();
  throw Poco::Net::NetException(std::string("TLS ") + what + ": " + why);
}

int ConnectionSocket::receiveBytes(void* buffer, int length, int) {
  if (length <= 0) return 0;
  if (inboxPos_ < inbox_.size()) {
    std::size_t n = std::min(static_cast<std::size_t>(length), inbox_.size() - inboxPos_);
    std::memcpy(buffer, inbox_.data() + inboxPos_, n);
    inboxPos_ += n;
    if (inboxPos_ == inbox_.size()) {
      inbox_.clear();
      inboxPos_ = 0;
    }
    return static_cast<int>(n);
  }
  for (;;) {
    if (ssl_) {
      ERR_clear_error();
      int n = SSL_read(ssl_, buffer, length);
      if (n > 0) return n;
      int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_WANT_READ) wait(POLLIN, readDeadline_);
      else if (e == SSL_ERROR_WANT_WRITE) wait(POLLOUT, readDeadline_);
      else if (e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)) return 0;
      else tlsFailure("lezen");
      continue;
    }
    ssize_t n = ::recv(sockfd(), buffer, static_cast<std::size_t>(length), 0);
    if (n >= 0) return static_cast<int>(n);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      wait(POLLIN, readDeadline_);
      continue;
    }
    if (errno == ECONNRESET) throw Poco::Net::ConnectionResetException();
    throw Poco::Net::NetException(std::strerror(errno));
  }
}

int ConnectionSocket::sendBytes(const void* buffer, int length, int flags) {
  try {
    return sendAll(buffer, length);
  } catch (...) {
    writeFailed_ = true;
    throw;
  }
}

int ConnectionSocket::sendAll(const void* buffer, int length) {
  if (!writeDeadline_) writeDeadline_ = now() + writeLimit_;
  const char* p = static_cast<const char*>(buffer);
  int sent = 0;
  while (sent < length) {
    if (ssl_) {
      ERR_clear_error();
      int n = SSL_write(ssl_, p + sent, length - sent);
      if (n > 0) {
        sent += n;
        continue;
      }
      int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_WANT_WRITE) wait(POLLOUT, *writeDeadline_);
      else if (e == SSL_ERROR_WANT_READ) wait(POLLIN, *writeDeadline_);
      else tlsFailure("schrijven");
      continue;
    }
    ssize_t n = ::send(sockfd(), p + sent, static_cast<std::size_t>(length - sent), MSG_NOSIGNAL);
    if (n >= 0) {
      sent += static_cast<int>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      wait(POLLOUT, *writeDeadline_);
      continue;
    }
    if (errno == ECONNRESET || errno == EPIPE) throw Poco::Net::ConnectionResetException();
    throw Poco::Net::NetException(std::strerror(errno));
  }
  return length;
}

Connection::Connection(int fd, SSL* ssl, std::string key, std::string peerAddress)
    : socket(new ConnectionSocket(fd, ssl)),
      io(static_cast<ConnectionSocket*>(socket.impl())),
      clientKey(std::move(key)),
      peer(std::move(peerAddress)),
      state(ssl ? State::handshake : State::header) {}

}  // namespace igsgov::httpd
