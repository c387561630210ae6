// Server-side login sessions of the intranet.
//
// A session belongs to a personal account ("account:<id>", see Site and
// service/Accounts.hpp). It gets a random id (the cookie value, 256 bits) and
// a random CSRF token (put in every POST form, compared with
// Sessions::checkCsrf). It keeps the credential it was started with (the row
// of the account's password), so each request re-reads the account from the
// register: a disabled account, or a password reset, ends its sessions at once. A
// session expires after `idle` without requests or `lifetime` after sign-in,
// whichever comes first; expired sessions are dropped when met.
//
// Caps: one account holds at most `perAccount` sessions (a new one drops that
// account's oldest), the store at most `maxSessions`. When the store is full,
// an account that has a session gives up its own oldest; one that has none is
// refused with Error(busy) in Dutch (place "limit"), and nothing is dropped:
// signing in never signs anybody else out.
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
  std::string id;       // cookie value
  std::string csrf;     // form token
  std::string account;     // whose session ("account:<id>")
  std::string credential;  // what it signed in with (service::Identity::credential)
  std::chrono::steady_clock::time_point created;
  std::chrono::steady_clock::time_point lastSeen;
};

struct SessionLimits {
  std::chrono::seconds idle{std::chrono::minutes(30)};
  std::chrono::seconds lifetime{std::chrono::hours(8)};
  std::size_t maxSessions = 10000;
  std::size_t perAccount = 10;
};

// 64 lowercase hex digits from OpenSSL's RAND_bytes; throws Error(internal) without entropy.
std::string randomHex32();

class SessionStore {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit SessionStore(SessionLimits limits = {}, Clock clock = nullptr);

  // A new session of `account`. Throws Error(busy) when the store is full of
  // other accounts' live sessions.
  LoginSession create(const std::string& account, const std::string& credential);
  // The live session with this id (its lastSeen refreshed), or nothing when
  // unknown or expired (an expired one is removed).
  std::optional<LoginSession> find(const std::string& id);
  void remove(const std::string& id);
  // True when `token` is the CSRF token of the live session `id`.
  bool checkCsrf(const std::string& id, const std::string& token);
  std::size_t size();
  // Live sessions of one account.
  std::size_t countOf(const std::string& account);

private:
  using TimePoint = std::chrono::steady_clock::time_point;
  bool expired(const LoginSession& s, TimePoint now) const;
  TimePoint now() const;
  void erase(const std::string& id);  // mutex held
  void purgeExpired(TimePoint t);     // mutex held

  SessionLimits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, LoginSession> sessions_;                     // by id
  std::multimap<std::string, std::string> byAccount_;                // account -> id
};

}  // namespace igsgov::web
