// LoginThrottle: how often a client may fail to sign in (REST bearer tokens,
// the intranet's password form).
//
// Every key (a client address from clientKey(), an account from accountKey())
// has a budget of `burst` failures that grows back by one every `refill`
// (a token bucket, kept as one "theoretical arrival time" per key as in
// GCRA). A failed login spends one from every key it names. When a key's
// budget is spent, every attempt under that key, right or wrong, is refused
// until retryAfter() has passed: a guess made meanwhile learns nothing. A
// refused attempt spends nothing, a successful one neither, so other clients
// and the client itself after the wait are never slowed.
//
// Memory: a key whose budget has grown back fully is forgotten (it is the
// same as an unknown key). At most `maxKeys` keys are kept; when that many are
// still spending, the one closest to being forgotten is dropped for a new one.
//
// Thread safety: every member locks one mutex; one LoginThrottle is shared by
// the server's threads (owned by the service, never global). The clock is
// injectable for tests.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace igsgov::service {

struct ThrottleLimits {
  int burst = 10;                         // failures in a row before the wait starts
  std::chrono::seconds refill{60};        // one more failure allowed per this time
  std::size_t maxKeys = 100000;
};

class LoginThrottle {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit LoginThrottle(ThrottleLimits limits = {}, Clock clock = nullptr);

  // Whole seconds (rounded up, at least 1) until every key may try again; 0
  // when none of them has spent its budget.
  long long retryAfter(const std::vector<std::string>& keys);
  // Records one failed login under every key.
  void failed(const std::vector<std::string>& keys);
  // Keys currently remembered (tests, logs).
  std::size_t size();
  const ThrottleLimits& limits() const { return limits_; }

private:
  using TimePoint = std::chrono::steady_clock::time_point;
  TimePoint now() const;
  void makeRoom(TimePoint t);

  ThrottleLimits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, TimePoint> due_;  // key -> when its budget is full again
};

// The throttle key of an account ("account:" + id).
std::string accountKey(const std::string& account);

}  // namespace igsgov::service
