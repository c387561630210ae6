#include "web/Sessions.hpp"

#include "core/Error.hpp"
#include "core/Random.hpp"
#include "web/Forms.hpp"

#include <vector>

namespace igsgov::web {

std::string randomHex32() { return randomHex(32); }

SessionStore::SessionStore(SessionLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {
  if (limits_.perAccount == 0) limits_.perAccount = 1;
}

SessionStore::TimePoint SessionStore::now() const { return clock_ ? clock_() : std::chrono::steady_clock::now(); }

bool SessionStore::expired(const LoginSession& s, TimePoint t) const {
  return t - s.lastSeen >= limits_.idle || t - s.created >= limits_.lifetime;
}

void SessionStore::erase(const std::string& id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  auto [from, to] = byAccount_.equal_range(it->second.account);
  for (auto a = from; a != to; ++a)
    if (a->second == id) {
      byAccount_.erase(a);
      break;
    }
  sessions_.erase(it);
}

void SessionStore::purgeExpired(TimePoint t) {
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    auto next = std::next(it);
    if (expired(it->second, t)) erase(it->first);
    it = next;
  }
}

LoginSession SessionStore::create(const std::string& account, const std::string& credential) {
  LoginSession s;
  s.id = randomHex32();
  s.csrf = randomHex32();
  s.account = account;
  s.credential = credential;
  s.created = s.lastSeen = now();
  std::lock_guard lock(mutex_);
  // The account's own sessions: expired ones go, then its oldest while at its cap.
  std::vector<std::string> own;
  auto [from, to] = byAccount_.equal_range(account);
  for (auto a = from; a != to; ++a) own.push_back(a->second);
  for (const auto& id : own)
    if (expired(sessions_.at(id), s.created)) erase(id);
  auto dropOldestOwn = [&] {
    const LoginSession* oldest = nullptr;
    auto [b, e] = byAccount_.equal_range(account);
    for (auto a = b; a != e; ++a) {
      const auto& candidate = sessions_.at(a->second);
      if (!oldest || candidate.created < oldest->created) oldest = &candidate;
    }
    erase(std::string(oldest->id));
  };
  while (byAccount_.count(account) >= limits_.perAccount) dropOldestOwn();
  // A full store: expired sessions go first, then this account's own oldest;
  // another account's live session never does.
  if (sessions_.size() >= limits_.maxSessions) purgeExpired(s.created);
  if (sessions_.size() >= limits_.maxSessions && byAccount_.count(account) > 0) dropOldestOwn();
  if (sessions_.size() >= limits_.maxSessions)
    throw Error(ErrorCode::busy,
                "Er zijn te veel aanmeldingen tegelijk (hoogstens " + std::to_string(limits_.maxSessions) +
                    "). Probeer het later opnieuw, of vraag de beheerder om intranet.max_sessions te verhogen.",
                Place().set("limit", "intranet.max_sessions"));
  sessions_[s.id] = s;
  byAccount_.emplace(account, s.id);
  return s;
}

std::optional<LoginSession> SessionStore::find(const std::string& id) {
  auto t = now();
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (expired(it->second, t)) {
    erase(id);
    return std::nullopt;
  }
  it->second.lastSeen = t;
  return it->second;
}

void SessionStore::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  erase(id);
}

bool SessionStore::checkCsrf(const std::string& id, const std::string& token) {
  auto s = find(id);
  return s && !token.empty() && equalConstantTime(s->csrf, token);
}

std::size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

std::size_t SessionStore::countOf(const std::string& account) {
  auto t = now();
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  auto [from, to] = byAccount_.equal_range(account);
  for (auto a = from; a != to; ++a) n += !expired(sessions_.at(a->second), t);
  return n;
}

}  // namespace igsgov::web
