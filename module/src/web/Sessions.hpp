// Server-side login sessions of the intranet.
//
// A session is created when a user signs in with an API token: it gets a
// random id (the cookie value, 256 bits) and a random CSRF token (put in every
// POST form, compared with Sessions::checkCsrf). It keeps the token's secret
// in memory only, so each request re-authenticates against the register and a
// revoked token ends its sessions at once. A session expires after `idle`
// without requests or `lifetime` after sign-in, whichever comes first; expired
// sessions are dropped on the next create(). At most `maxSessions` live at once
// (the oldest is dropped for a new one).
//
// Thread safety: all members lock one mutex; one SessionStore is shared by the
// server's threads (owned by the service context, never global). The clock is
// injectable for tests.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace igsgov::web {

struct LoginSession {
  std::string id;      // cookie value
  std::string csrf;    // form token
  std::string secret;  // the API token's secret (never sent back to the browser)
  std::chrono::steady_clock::time_point created;
  std::chrono::steady_clock::time_point lastSeen;
};

struct SessionLimits {
  std::chrono::seconds idle{std::chrono::minutes(30)};
  std::chrono::seconds lifetime{std::chrono::hours(8)};
  std::size_t maxSessions = 10000;
};

// 64 lowercase hex digits from OpenSSL's RAND_bytes; throws Error(internal) without entropy.
std::string randomHex32();

class SessionStore {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit SessionStore(SessionLimits limits = {}, Clock clock = nullptr);

  LoginSession create(const std::string& secret);
  // The live session with this id (its lastSeen refreshed), or nothing when
  // unknown or expired (an expired one is removed).
  std::optional<LoginSession> find(const std::string& id);
  void remove(const std::string& id);
  // True when `token` is the CSRF token of the live session `id`.
  bool checkCsrf(const std::string& id, const std::string& token);
  std::size_t size();

private:
  bool expired(const LoginSession& s, std::chrono::steady_clock::time_point now) const;
  std::chrono::steady_clock::time_point now() const;

  SessionLimits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, LoginSession> sessions_;
};

}  // namespace igsgov::web
