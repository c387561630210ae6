#include "Workers.hpp"

namespace igsgov::httpd {

Workers::Workers(int threads, std::size_t maxQueued, Serve serve, Done done)
    : maxQueued_(maxQueued), serve_(std::move(serve)), done_(std::move(done)) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
}

Workers::~Workers() {
  finish();
  join();
}

bool Workers::offer(Connection* connection) {
  {
    std::lock_guard lock(mutex_);
    if (finishing_ || queue_.size() >= maxQueued_) return false;
    queue_.push_back(connection);
  }
  ready_.notify_one();
  return true;
}

void Workers::finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  ready_.notify_all();
}

void Workers::join() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void Workers::loop() {
  for (;;) {
    Connection* c = nullptr;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return finishing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // finishing and nothing left
      c = queue_.front();
      queue_.pop_front();
    }
    Outcome outcome = Outcome::abort;
    try {
      outcome = serve_(*c);
    } catch (...) {
      outcome = Outcome::abort;  // Exchange answers what it can; anything left means a broken connection
    }
    done_(c, outcome);
  }
}

}  // namespace igsgov::httpd
