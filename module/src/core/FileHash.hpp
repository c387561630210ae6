// FileHash: the SHA-256 and size of a file, read in pieces through a buffer the
// caller owns and reuses (listing many files must not hold them, nor fault in a
// fresh buffer per file).
//
// Returns nullopt when the file cannot be opened or read; the caller words the
// error (it knows whether a missing file is io or notFound). Thread-safe as
// long as each thread passes its own buffer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace igsgov {

struct FileHash {
  std::string sha256;  // lowercase hex
  std::uint64_t size = 0;
};

// `buffer` must not be empty; its size is the read size.
std::optional<FileHash> hashFile(const std::string& path, std::vector<char>& buffer);

}  // namespace igsgov
