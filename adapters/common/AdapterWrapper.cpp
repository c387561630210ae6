#include "adapters/common/AdapterWrapper.hpp"

namespace igsgov::adapters {

AdapterWrapper::AdapterWrapper(Adapter& target, std::string label)
    : Adapter(label.empty() ? "wrapped " + target.label() : std::move(label)), target_(&target) {}

AdapterWrapper::AdapterWrapper(std::unique_ptr<Adapter> owned, std::string label)
    : Adapter(label.empty() ? "wrapped " + owned->label() : std::move(label)),
      owned_(std::move(owned)),
      target_(owned_.get()) {}

}  // namespace igsgov::adapters
