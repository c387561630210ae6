// TemplateFile: reads a template file from disk, safely.
//
// readTemplateFile() accepts only a regular file (symbolic links to one are
// followed) of at most `maxBytes` bytes (kMaxTemplateBytes by default): a
// folder, a device such as /dev/zero, a FIFO or a socket is refused before
// anything is read (the open never blocks on a FIFO), and a file that grows
// past the cap while it is read is refused too, so reading is bounded in
// time and memory whatever the path names.
//
// Failures, in Dutch with the file as the place: Error(notFound) when it does
// not exist, Error(invalid) when it is not a regular file or is too large,
// Error(io) when it cannot be read. Thread-safe (no shared state).
#pragma once

#include "docs/Limits.hpp"

#include <cstddef>
#include <string>

namespace igsgov::docs {

std::string readTemplateFile(const std::string& path, std::size_t maxBytes = kMaxTemplateBytes);

// "3,2 MiB"-style size for messages ("64 MiB", "512 bytes").
std::string sizeText(std::size_t bytes);

}  // namespace igsgov::docs
