// Files compiled into the library (see cmake/IgsgovEmbed.cmake): schema
// migrations, reference data. Immutable, process-wide, thread-safe to read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace igsgov {

struct EmbeddedFile {
  const char* name;
  std::string_view bytes;
};

struct EmbeddedFiles {
  const EmbeddedFile* begin_;
  std::size_t size_;
  const EmbeddedFile* begin() const { return begin_; }
  const EmbeddedFile* end() const { return begin_ + size_; }
  std::size_t size() const { return size_; }
  // The file with this name; throws Error(internal) when the build lacks it.
  std::string_view get(const std::string& name) const;
};

}  // namespace igsgov
