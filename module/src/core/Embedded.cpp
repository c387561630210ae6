#include "core/Embedded.hpp"

#include "core/Error.hpp"

namespace igsgov {

std::string_view EmbeddedFiles::get(const std::string& name) const {
  for (const auto& f : *this)
    if (name == f.name) return f.bytes;
  throw Error(ErrorCode::internal, "ingebouwd bestand ontbreekt: " + name);
}

}  // namespace igsgov
