#include "records/ReaderPool.hpp"

namespace igsgov::records {

ReaderPool::ReaderPool(std::string path, std::size_t max) : path_(std::move(path)), max_(max == 0 ? 1 : max) {}

ReaderPool::Lease ReaderPool::acquire() {
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
    ++open_;  // reserve a slot, open outside the lock
  }
  try {
    auto db = std::make_unique<store::Database>(path_, false);
    db->setReadOnly();
    return Lease(*this, std::move(db));
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void ReaderPool::giveBack(std::unique_ptr<store::Database> db) noexcept {
  std::lock_guard lock(mutex_);
  if (db) idle_.push_back(std::move(db));
  else --open_;
  available_.notify_one();
}

}  // namespace igsgov::records
