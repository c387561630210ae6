// FileBytes: the whole content of a file in one string, read with one read
// loop into a buffer of the file's size (no stream copies).
//
// Large buffers (4 MiB and more) are marked for transparent huge pages before
// they are first touched: madvise(MADV_HUGEPAGE) on the 2 MiB-aligned inside
// of the string's own buffer, so filling it takes a few huge-page faults
// instead of one fault per 4 KiB page. On this project's 2-core VM filling
// fresh 5 MiB buffers page by page was ~40 % of the client CPU of a sync run
// of large files (sync uploads are streamed now, adapters/common/Content.hpp;
// the import's 178 MB file still benefits). It is a hint about our own
// allocation only: ignored where THP is off, no process-wide setting is changed.
//
// Returns nullopt when the file cannot be opened or read in full, or its size
// changed while it was read; the caller words the error. Thread-safe.
#pragma once

#include <optional>
#include <string>

namespace igsgov {

std::optional<std::string> readFileBytes(const std::string& path);

}  // namespace igsgov
