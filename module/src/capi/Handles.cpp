#include "capi/Handles.hpp"

#include <mutex>
#include <unordered_map>

// The handle's storage: one heap object per open register, so every handle
// is a distinct address for as long as it is open.
struct igsgov_register {
  std::shared_ptr<igsgov::ops::Session> session;
};

namespace igsgov::capi {
namespace {

struct Table {
  std::mutex mutex;
  std::unordered_map<const igsgov_register*, std::unique_ptr<igsgov_register>> open;
};

// Never destroyed: a host may close registers from static destructors or
// threads that outlive main().
Table& table() {
  static Table* t = new Table;
  return *t;
}

}  // namespace

igsgov_register* adopt(std::shared_ptr<ops::Session> session) {
  auto handle = std::make_unique<igsgov_register>();
  handle->session = std::move(session);
  igsgov_register* key = handle.get();
  auto& t = table();
  std::lock_guard lock(t.mutex);
  t.open.emplace(key, std::move(handle));
  return key;
}

std::shared_ptr<ops::Session> acquire(const igsgov_register* handle) {
  auto& t = table();
  std::lock_guard lock(t.mutex);
  auto it = t.open.find(handle);
  return it == t.open.end() ? nullptr : it->second->session;
}

bool release(const igsgov_register* handle) {
  std::unique_ptr<igsgov_register> owned;
  {
    auto& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.open.find(handle);
    if (it == t.open.end()) return false;
    owned = std::move(it->second);
    t.open.erase(it);
  }
  // Destroyed outside the lock: closing SQLite may take a while.
  owned.reset();
  return true;
}

std::size_t openCount() {
  auto& t = table();
  std::lock_guard lock(t.mutex);
  return t.open.size();
}

}  // namespace igsgov::capi
