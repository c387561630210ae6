#include "service/LoginThrottle.hpp"

#include <algorithm>

namespace igsgov::service {

LoginThrottle::LoginThrottle(ThrottleLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {
  limits_.burst = std::max(limits_.burst, 1);
  limits_.refill = std::max(limits_.refill, std::chrono::seconds(1));
  limits_.maxKeys = std::max<std::size_t>(limits_.maxKeys, 1);
}

LoginThrottle::TimePoint LoginThrottle::now() const { return clock_ ? clock_() : std::chrono::steady_clock::now(); }

// A key is spent when its budget comes back later than (burst - 1) refills
// from now: `burst` failures at once reach exactly that.
long long LoginThrottle::retryAfter(const std::vector<std::string>& keys) {
  auto t = now();
  auto allowance = limits_.refill * (limits_.burst - 1);
  std::chrono::steady_clock::duration wait{0};
  std::lock_guard lock(mutex_);
  for (const auto& key : keys) {
    auto it = due_.find(key);
    if (it == due_.end()) continue;
    if (it->second <= t) {
      due_.erase(it);
      continue;
    }
    wait = std::max(wait, it->second - t - allowance);
  }
  if (wait <= std::chrono::steady_clock::duration::zero()) return 0;
  auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
  return std::max<long long>(seconds, 1);
}

void LoginThrottle::failed(const std::vector<std::string>& keys) {
  auto t = now();
  std::lock_guard lock(mutex_);
  for (const auto& key : keys) {
    auto it = due_.find(key);
    if (it == due_.end()) {
      if (due_.size() >= limits_.maxKeys) makeRoom(t);
      due_.emplace(key, t + limits_.refill);
    } else {
      it->second = std::max(it->second, t) + limits_.refill;
    }
  }
}

void LoginThrottle::makeRoom(TimePoint t) {
  for (auto it = due_.begin(); it != due_.end();) it = it->second <= t ? due_.erase(it) : std::next(it);
  if (due_.size() < limits_.maxKeys) return;
  auto soonest = std::min_element(due_.begin(), due_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  due_.erase(soonest);
}

std::size_t LoginThrottle::size() {
  std::lock_guard lock(mutex_);
  return due_.size();
}

std::string accountKey(const std::string& account) { return "account:" + account; }

}  // namespace igsgov::service
