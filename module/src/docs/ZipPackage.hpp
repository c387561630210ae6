// ZipPackage: reading and rewriting the zip container of DOCX/ODT (libzip).
//
// ZipReader opens an archive held in memory, lists its entries and inflates
// the ones the caller asks for. Caps protect against zip bombs: the number of
// entries, every entry's declared size and the sum of declared sizes are
// checked on open, and inflating stops at the cap even when a size lies.
// Entry names are only compared as strings, never used as file-system paths.
// A corrupt archive, a CRC mismatch, an entry whose inflated size is not
// the size its header declares, or an exceeded cap throws
// igsgov::Error(invalid) in Dutch naming the entry. The caller checks every
// entry once (read() or verify()) before it copies any of them raw: a
// template with one damaged member, tags or not, is refused as a whole.
//
// rewriteZip() produces a new archive from a template archive: replaced and
// added entries are deflated, every other entry is copied raw (its compressed
// bytes are not touched), and the order of entries is kept (so an ODT's
// stored `mimetype` stays first and stored).
//
// Thread safety: a ZipReader is used by one thread; rewriteZip() opens its own
// handle on the (read-only, shared) bytes and may run on many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <istream>
#include <memory>
#include <string>
#include <vector>

struct zip;

namespace igsgov::docs {

struct ZipLimits {
  std::size_t maxEntries = 10000;
  std::size_t maxEntrySize = 64u << 20;   // 64 MiB uncompressed per entry
  std::size_t maxTotalSize = 256u << 20;  // 256 MiB uncompressed in total
};

struct ZipEntryInfo {
  std::string name;
  std::uint64_t index = 0;
  std::uint64_t size = 0;
  std::uint64_t compressedSize = 0;
  std::time_t mtime = 0;
  int method = 0;
};

class ZipReader {
public:
  // `bytes` must outlive the reader. `source` names the archive in errors.
  ZipReader(const std::string& bytes, const ZipLimits& limits, std::string source);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  const std::vector<ZipEntryInfo>& entries() const { return entries_; }
  const ZipEntryInfo* find(const std::string& name) const;
  // Inflates the entry; checks its CRC and its declared size.
  std::string read(const ZipEntryInfo& entry) const;
  // The same checks without keeping the bytes (a 64 KiB buffer).
  void verify(const ZipEntryInfo& entry) const;
  // The entry's inflated bytes as a stream that reads in chunks (the entry is
  // never held whole), under the same cap as read(): going past maxEntrySize,
  // a corrupt entry or a CRC mismatch throws the Error out of the stream's
  // read (its exceptions() include badbit). Must not outlive the reader.
  std::unique_ptr<std::istream> stream(const ZipEntryInfo& entry) const;

private:
  // Reads the entry to its end into `sink(data, n)`; fails past the caps, on
  // a CRC error or when the size differs from the declared one.
  template <class Sink>
  void inflate(const ZipEntryInfo& entry, Sink&& sink) const;

  struct zip* za_ = nullptr;
  ZipLimits limits_;
  std::string source_;
  std::vector<ZipEntryInfo> entries_;
};

struct ZipReplacement {
  std::uint64_t index = 0;
  const std::string* data = nullptr;  // must live until rewriteZip returns
  std::time_t mtime = 0;
};

struct ZipAddition {
  std::string name;
  const std::string* data = nullptr;
  std::time_t mtime = 0;
};

std::string rewriteZip(const std::string& templateBytes, const std::vector<ZipReplacement>& replace,
                       const std::vector<ZipAddition>& add, int compressionLevel);

// A new archive of `add` only (rewriteZip over an empty archive).
std::string newZip(const std::vector<ZipAddition>& add, int compressionLevel);

// True when `bytes` starts like a zip archive ("PK\3\4").
bool looksLikeZip(const std::string& bytes);

}  // namespace igsgov::docs
