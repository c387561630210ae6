// Content: the bytes of one upload, read while they are sent instead of being
// held in memory beforehand. An adapter reads a file's content once per
// attempt, in pieces, through streamContent() below, which also computes its
// SHA-256 on the way and checks it against what the caller announced.
//
// Kinds (factories)
//   bytes(b)        owns the bytes (sidecars, small documents, tests).
//   view(b)         refers to bytes the caller keeps alive for the whole call
//                   (Adapter::put with a string_view).
//   file(p, size, sha256)  a local file, opened when the transfer starts.
//   load(size, sha256, fn) fn() produces the bytes when the transfer starts
//                   (register blobs: read by the upload's own worker).
//
// Contract
//   size()   the exact byte count the caller expects. It is announced before
//            the first byte (HTTP Content-Length), so it must be known up front.
//   sha256() the expected SHA-256 (lowercase hex) or "" when the caller has none.
//   open()   a reader from the first byte; may be called again (a retried
//            request reads again). Throws igsgov::Error when the bytes cannot
//            be read (a file that disappeared: Error(io) naming the file).
//
// Thread safety: a Content is immutable; open() may be called from several
// threads at once, each reader belongs to one thread.
#pragma once

#include "core/Error.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace igsgov::adapters {

class Content {
public:
  class Reader {
  public:
    virtual ~Reader();
    // Up to n bytes into buf; 0 only at the end.
    virtual std::size_t read(char* buf, std::size_t n) = 0;
  };

  virtual ~Content();
  std::uint64_t size() const { return size_; }
  const std::string& sha256() const { return sha256_; }
  virtual std::unique_ptr<Reader> open() const = 0;

  static std::shared_ptr<const Content> bytes(std::string b, std::string sha256 = {});
  static std::shared_ptr<const Content> view(std::string_view b, std::string sha256 = {});
  static std::shared_ptr<const Content> file(std::string path, std::uint64_t size, std::string sha256);
  static std::shared_ptr<const Content> load(std::uint64_t size, std::string sha256,
                                             std::function<std::string()> produce);

protected:
  Content(std::uint64_t size, std::string sha256) : size_(size), sha256_(std::move(sha256)) {}

private:
  std::uint64_t size_;
  std::string sha256_;
};

// What streamContent read: the byte count and the SHA-256 (lowercase hex).
struct Streamed {
  std::uint64_t size = 0;
  std::string sha256;
};

// Reads `content` from its start and hands it to `send` in pieces (at most
// 256 KiB each), computing its SHA-256 on the way; `also` (optional) sees
// every piece too (a second digest, e.g. WebDAV's SHA-1 etag).
//
// The last piece is held back until everything has been read and checked:
// exactly size() bytes and, when content.sha256() is set, that SHA-256. On a
// mismatch (the file changed since it was listed) it throws Error(integrity)
// naming `place` WITHOUT sending that piece: a receiver that was promised
// size() bytes never gets a complete body. Errors from `send` propagate.
Streamed streamContent(const Content& content, const std::function<void(std::string_view)>& send,
                       const Place& place, const std::function<void(std::string_view)>& also = {});

}  // namespace igsgov::adapters
