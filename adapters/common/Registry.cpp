#include "adapters/common/Registry.hpp"

namespace igsgov::adapters {

Registry& Registry::instance() {
  static Registry registry;
  return registry;
}

void Registry::add(const std::string& type, Factory factory) {
  std::lock_guard lock(mutex_);
  factories_[type] = std::move(factory);
}

bool Registry::has(const std::string& type) const {
  std::lock_guard lock(mutex_);
  return factories_.count(type) > 0;
}

std::vector<std::string> Registry::types() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [name, f] : factories_) out.push_back(name);
  return out;
}

std::unique_ptr<Adapter> Registry::create(const JsonObject& config) const {
  if (!config) throwInvalid("adapterconfiguratie ontbreekt");
  Reader r(config, "adapterconfiguratie");
  std::string type = r.str("type");
  Factory factory;
  {
    std::lock_guard lock(mutex_);
    auto it = factories_.find(type);
    if (it == factories_.end()) {
      std::string known;
      for (const auto& [name, f] : factories_) known += (known.empty() ? "" : ", ") + name;
      r.fail("type", "onbekend adaptertype '" + type + "' (gekend: " + known + ")");
    }
    factory = it->second;
  }
  return factory(config);
}

}  // namespace igsgov::adapters
