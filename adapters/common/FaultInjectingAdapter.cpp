#include "adapters/common/FaultInjectingAdapter.hpp"

namespace igsgov::adapters {

void FaultInjectingAdapter::arm(const std::string& operation, Fault fault) {
  std::lock_guard lock(mutex_);
  faults_[operation] = fault;
}

void FaultInjectingAdapter::disarmAll() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

int FaultInjectingAdapter::calls(const std::string& operation) const {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(operation);
  return it == calls_.end() ? 0 : it->second;
}

std::optional<FaultInjectingAdapter::Fault> FaultInjectingAdapter::next(const std::string& operation) {
  std::lock_guard lock(mutex_);
  ++calls_[operation];
  auto it = faults_.find(operation);
  if (it == faults_.end()) return std::nullopt;
  Fault& f = it->second;
  if (f.after > 0) {
    --f.after;
    return std::nullopt;
  }
  if (f.times == 0) return std::nullopt;
  if (f.times > 0) --f.times;
  return f;
}

void FaultInjectingAdapter::raise(const Fault& f, const std::string& operation, const RelPath& path) {
  throw Error(f.code, "ingespoten fout bij '" + operation + "'", Place().set("path", "'" + path.str() + "'"));
}

std::vector<Entry> FaultInjectingAdapter::doList(const RelPath& dir) {
  if (auto f = next("list")) raise(*f, "list", dir);
  return AdapterWrapper::doList(dir);
}

Listing FaultInjectingAdapter::doListing(const RelPath& dir, bool withEtags) {
  if (auto f = next("list")) raise(*f, "list", dir);
  return AdapterWrapper::doListing(dir, withEtags);
}

std::optional<Entry> FaultInjectingAdapter::doStat(const RelPath& path) {
  if (auto f = next("stat")) raise(*f, "stat", path);
  return AdapterWrapper::doStat(path);
}

std::uint64_t FaultInjectingAdapter::doGet(const RelPath& path, std::ostream& out) {
  if (auto f = next("get")) raise(*f, "get", path);
  return AdapterWrapper::doGet(path, out);
}

Entry FaultInjectingAdapter::doPut(const RelPath& path, const Content& content, const Precondition& pre) {
  auto f = next("put");
  if (f && !f->afterWrite) raise(*f, "put", path);
  Entry e = AdapterWrapper::doPut(path, content, pre);
  if (f) raise(*f, "put", path);
  return e;
}

std::vector<PutOutcome> FaultInjectingAdapter::doPutMany(const std::vector<RelPath>& paths,
                                                        const std::vector<PutItem>& items) {
  return Adapter::doPutMany(paths, items);  // item by item through doPut and doSetProperties
}

Entry FaultInjectingAdapter::doMove(const RelPath& from, const RelPath& to, bool overwrite) {
  if (auto f = next("move")) raise(*f, "move", from);
  return AdapterWrapper::doMove(from, to, overwrite);
}

void FaultInjectingAdapter::doRemove(const RelPath& path, const Precondition& pre) {
  if (auto f = next("remove")) raise(*f, "remove", path);
  AdapterWrapper::doRemove(path, pre);
}

void FaultInjectingAdapter::doMkdirs(const RelPath& path) {
  if (auto f = next("mkdirs")) raise(*f, "mkdirs", path);
  AdapterWrapper::doMkdirs(path);
}

void FaultInjectingAdapter::doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props) {
  if (auto f = next("setProperties")) raise(*f, "setProperties", path);
  AdapterWrapper::doSetProperties(path, props);
}

}  // namespace igsgov::adapters
