// AdapterWrapper: a forwarding decorator (like LevelDB's EnvWrapper). Every
// hook forwards to the wrapped adapter's public operation; a decorator
// overrides only the hooks it changes (fault injection, counting, throttling).
// doPutMany forwards the whole batch (properties included) to the target's
// putMany, so the target sets the properties in its own transfers; a decorator
// that changes doPut or doSetProperties must override doPutMany too (for
// instance with Adapter::doPutMany, item by item through its own hooks).
//
// Ownership: the wrapper does not own the target unless constructed from a
// unique_ptr; the target must outlive a non-owning wrapper.
// Thread safety: as the target's.
#pragma once

#include "adapters/common/Adapter.hpp"

#include <memory>

namespace igsgov::adapters {

class AdapterWrapper : public Adapter {
public:
  explicit AdapterWrapper(Adapter& target, std::string label = {});
  explicit AdapterWrapper(std::unique_ptr<Adapter> owned, std::string label = {});

  Adapter& target() { return *target_; }

protected:
  Capabilities doCapabilities() override { return target_->capabilities(); }
  std::vector<Entry> doList(const RelPath& dir) override { return target_->list(dir.str()); }
  Listing doListing(const RelPath& dir, bool withEtags) override { return target_->listing(dir.str(), withEtags); }
  std::optional<Entry> doStat(const RelPath& path) override { return target_->stat(path.str()); }
  std::uint64_t doGet(const RelPath& path, std::ostream& out) override { return target_->get(path.str(), out); }
  Entry doPut(const RelPath& path, const Content& content, const Precondition& pre) override {
    return target_->put(path.str(), content, pre);
  }
  std::vector<PutOutcome> doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items) override {
    return target_->putMany(items);
  }
  Entry doMove(const RelPath& from, const RelPath& to, bool overwrite) override {
    return target_->move(from.str(), to.str(), overwrite);
  }
  void doRemove(const RelPath& path, const Precondition& pre) override { target_->remove(path.str(), pre); }
  void doMkdirs(const RelPath& path) override { target_->mkdirs(path.str()); }
  void doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props) override {
    target_->setProperties(path.str(), props);
  }
  std::map<std::string, std::string> doGetProperties(const RelPath& path) override {
    return target_->getProperties(path.str());
  }

private:
  std::unique_ptr<Adapter> owned_;
  Adapter* target_;
};

}  // namespace igsgov::adapters
