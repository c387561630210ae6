// ReaderPool: read-only SQLite connections to one register file, so reads run
// side by side while the Register's own connection writes (WAL lets readers
// and one writer work at once; each reader sees the last committed state).
//
// Connections are opened on first need (PRAGMA query_only, so a read
// operation that tried to change anything fails instead of writing past the
// journal) and kept for reuse; at most `max` are open, further callers wait.
// Thread safety: acquire() may be called from any thread; a Lease and its
// connection belong to the thread that holds it. The pool must outlive its
// leases.
#pragma once

#include "store/Database.hpp"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace igsgov::records {

class ReaderPool {
public:
  ReaderPool(std::string path, std::size_t max);
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  class Lease {
  public:
    Lease(ReaderPool& pool, std::unique_ptr<store::Database> db) : pool_(pool), db_(std::move(db)) {}
    ~Lease() { pool_.giveBack(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    store::Database& db() { return *db_; }

  private:
    ReaderPool& pool_;
    std::unique_ptr<store::Database> db_;
  };

  // A connection for the caller alone until the Lease ends. Throws Error(io)
  // when the file cannot be opened.
  Lease acquire();

  std::size_t max() const { return max_; }

private:
  void giveBack(std::unique_ptr<store::Database> db) noexcept;

  const std::string path_;
  const std::size_t max_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Database>> idle_;
  std::size_t open_ = 0;  // idle + leased
};

}  // namespace igsgov::records
