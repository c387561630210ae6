#include "web/Sessions.hpp"

#include "core/Error.hpp"
#include "web/Forms.hpp"

#include <openssl/rand.h>

#include <array>

namespace igsgov::web {

std::string randomHex32() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw Error(ErrorCode::internal, "geen willekeurige bytes beschikbaar voor een sessie");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

SessionStore::SessionStore(SessionLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {}

std::chrono::steady_clock::time_point SessionStore::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

bool SessionStore::expired(const LoginSession& s, std::chrono::steady_clock::time_point t) const {
  return t - s.lastSeen >= limits_.idle || t - s.created >= limits_.lifetime;
}

LoginSession SessionStore::create(const std::string& secret) {
  LoginSession s;
  s.id = randomHex32();
  s.csrf = randomHex32();
  s.secret = secret;
  s.created = s.lastSeen = now();
  std::lock_guard lock(mutex_);
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = expired(it->second, s.created) ? sessions_.erase(it) : std::next(it);
  while (!sessions_.empty() && sessions_.size() >= limits_.maxSessions) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
      if (it->second.created < oldest->second.created) oldest = it;
    sessions_.erase(oldest);
  }
  sessions_[s.id] = s;
  return s;
}

std::optional<LoginSession> SessionStore::find(const std::string& id) {
  auto t = now();
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (expired(it->second, t)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.lastSeen = t;
  return it->second;
}

void SessionStore::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

bool SessionStore::checkCsrf(const std::string& id, const std::string& token) {
  auto s = find(id);
  return s && !token.empty() && equalConstantTime(s->csrf, token);
}

std::size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace igsgov::web
