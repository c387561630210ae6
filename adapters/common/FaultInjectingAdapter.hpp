// FaultInjectingAdapter: a decorator that makes chosen operations fail, for
// tests of the sync engine's error handling (like SQLite's test_vfs.c).
//
// Rules are armed per operation name ("list", "stat", "get", "put", "move",
// "remove", "mkdirs", "setProperties"): skip the next `after` calls, then
// fail `times` calls with the given error code. putMany goes through "put"
// once per item (the wrapper runs the items one by one so each can fail on its
// own), and then through "setProperties" for an uploaded item that carries
// properties.
// A "put" fault can also be `afterWrite`: the target write happens first and
// the failure is reported afterwards (a lost response).
// Thread safety: arming and calls are guarded by a mutex.
#pragma once

#include "adapters/common/AdapterWrapper.hpp"

#include <map>
#include <mutex>

namespace igsgov::adapters {

class FaultInjectingAdapter : public AdapterWrapper {
public:
  using AdapterWrapper::AdapterWrapper;

  struct Fault {
    ErrorCode code = ErrorCode::io;
    int after = 0;     // calls to let through first
    int times = 1;     // calls to fail then (-1: all)
    bool afterWrite = false;
  };

  void arm(const std::string& operation, Fault fault);
  void disarmAll();
  int calls(const std::string& operation) const;  // calls seen (failed or not)

protected:
  std::vector<Entry> doList(const RelPath& dir) override;
  Listing doListing(const RelPath& dir, bool withEtags) override;  // faults as "list"
  std::optional<Entry> doStat(const RelPath& path) override;
  std::uint64_t doGet(const RelPath& path, std::ostream& out) override;
  Entry doPut(const RelPath& path, const Content& content, const Precondition& pre) override;
  std::vector<PutOutcome> doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items) override;
  Entry doMove(const RelPath& from, const RelPath& to, bool overwrite) override;
  void doRemove(const RelPath& path, const Precondition& pre) override;
  void doMkdirs(const RelPath& path) override;
  void doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props) override;

private:
  // Counts the call; returns the fault to raise now, if any.
  std::optional<Fault> next(const std::string& operation);
  [[noreturn]] static void raise(const Fault& f, const std::string& operation, const RelPath& path);

  mutable std::mutex mutex_;
  std::map<std::string, Fault> faults_;
  std::map<std::string, int> calls_;
};

}  // namespace igsgov::adapters
