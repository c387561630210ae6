// Registry: creates adapters by type name from a JSON configuration object,
// e.g. {"type": "folder", "root": "/srv/docs"} or {"type": "webdav", "url": ...}.
//
// Each adapter library registers its factory (folder::registerFactory(reg),
// webdav::registerFactory(reg)); nothing registers itself behind the
// linker's back. A factory validates its own fields and throws Error(invalid)
// with a Dutch message naming the field.
// Thread safety: add() and create() are guarded by a mutex; the instance()
// registry is a process-wide convenience, tests may use their own.
#pragma once

#include "adapters/common/Adapter.hpp"
#include "core/Json.hpp"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace igsgov::adapters {

class Registry {
public:
  using Factory = std::function<std::unique_ptr<Adapter>(const JsonObject& config)>;

  static Registry& instance();

  void add(const std::string& type, Factory factory);  // replaces an existing type
  bool has(const std::string& type) const;
  std::vector<std::string> types() const;
  // Reads "type" and hands the whole object to that factory. Unknown type ->
  // Error(invalid) naming the known ones.
  std::unique_ptr<Adapter> create(const JsonObject& config) const;

private:
  mutable std::mutex mutex_;
  std::map<std::string, Factory> factories_;
};

}  // namespace igsgov::adapters
