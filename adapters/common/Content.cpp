#include "adapters/common/Content.hpp"

#include "core/Sha256.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace igsgov::adapters {

Content::Reader::~Reader() = default;
Content::~Content() = default;

namespace {

class SpanReader : public Content::Reader {
public:
  explicit SpanReader(std::string_view b) : rest_(b) {}
  std::size_t read(char* buf, std::size_t n) override {
    n = std::min(n, rest_.size());
    std::memcpy(buf, rest_.data(), n);
    rest_.remove_prefix(n);
    return n;
  }

private:
  std::string_view rest_;
};

class OwnedReader : public Content::Reader {
public:
  explicit OwnedReader(std::string b) : bytes_(std::move(b)), span_(bytes_) {}
  std::size_t read(char* buf, std::size_t n) override { return span_.read(buf, n); }

private:
  std::string bytes_;
  SpanReader span_;
};

class FileReader : public Content::Reader {
public:
  explicit FileReader(const std::string& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) fail(errno);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~FileReader() override { ::close(fd_); }
  std::size_t read(char* buf, std::size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) fail(errno);
    }
  }

private:
  [[noreturn]] void fail(int err) const {
    throw Error(ErrorCode::io, std::string("bestand niet leesbaar: ") + std::strerror(err), Place().set("file", path_));
  }
  std::string path_;
  int fd_;
};

class BytesContent : public Content {
public:
  BytesContent(std::string b, std::string sha) : Content(b.size(), std::move(sha)), bytes_(std::move(b)) {}
  std::unique_ptr<Reader> open() const override { return std::make_unique<SpanReader>(bytes_); }

private:
  std::string bytes_;
};

class ViewContent : public Content {
public:
  ViewContent(std::string_view b, std::string sha) : Content(b.size(), std::move(sha)), bytes_(b) {}
  std::unique_ptr<Reader> open() const override { return std::make_unique<SpanReader>(bytes_); }

private:
  std::string_view bytes_;
};

class FileContent : public Content {
public:
  FileContent(std::string path, std::uint64_t size, std::string sha)
      : Content(size, std::move(sha)), path_(std::move(path)) {}
  std::unique_ptr<Reader> open() const override { return std::make_unique<FileReader>(path_); }

private:
  std::string path_;
};

class LoadedContent : public Content {
public:
  LoadedContent(std::uint64_t size, std::string sha, std::function<std::string()> produce)
      : Content(size, std::move(sha)), produce_(std::move(produce)) {}
  std::unique_ptr<Reader> open() const override { return std::make_unique<OwnedReader>(produce_()); }

private:
  std::function<std::string()> produce_;
};

constexpr std::size_t kPiece = 256 * 1024;

// Fills buf (cap bytes) as far as the reader goes; short only at the end.
std::size_t readPiece(Content::Reader& r, char* buf, std::size_t cap) {
  std::size_t got = 0;
  while (got < cap) {
    std::size_t n = r.read(buf + got, cap - got);
    if (n == 0) break;
    got += n;
  }
  return got;
}

[[noreturn]] void changed(const std::string& what, const Place& place) {
  throw Error(ErrorCode::integrity, "inhoud gewijzigd sinds ze werd opgesomd (" + what + "); niets opgeladen", place);
}

}  // namespace

std::shared_ptr<const Content> Content::bytes(std::string b, std::string sha256) {
  return std::make_shared<BytesContent>(std::move(b), std::move(sha256));
}
std::shared_ptr<const Content> Content::view(std::string_view b, std::string sha256) {
  return std::make_shared<ViewContent>(b, std::move(sha256));
}
std::shared_ptr<const Content> Content::file(std::string path, std::uint64_t size, std::string sha256) {
  return std::make_shared<FileContent>(std::move(path), size, std::move(sha256));
}
std::shared_ptr<const Content> Content::load(std::uint64_t size, std::string sha256, std::function<std::string()> produce) {
  return std::make_shared<LoadedContent>(size, std::move(sha256), std::move(produce));
}

Streamed streamContent(const Content& content, const std::function<void(std::string_view)>& send, const Place& place,
                       const std::function<void(std::string_view)>& also) {
  auto reader = content.open();
  // Two pieces: the one just read is held while the next is read, so the last
  // one is still unsent when the end shows whether the bytes are right.
  // Small content gets small buffers: one byte more than announced shows a grown file.
  const std::size_t cap = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, content.size() + 1));
  std::unique_ptr<char[]> a(new char[cap]), b(new char[cap]);
  Sha256 hash;
  Streamed out;
  auto take = [&](char* buf) {
    std::size_t n = readPiece(*reader, buf, cap);
    out.size += n;
    if (out.size > content.size())
      changed(std::to_string(out.size) + " bytes of meer in plaats van " + std::to_string(content.size()), place);
    std::string_view piece(buf, n);
    hash.update(piece);
    if (also) also(piece);
    return piece;
  };
  std::string_view held = take(a.get());
  if (!held.empty()) {
    for (;;) {
      std::string_view next = take(b.get());
      if (next.empty()) break;
      send(held);
      held = next;
      std::swap(a, b);
    }
  }
  if (out.size != content.size())
    changed(std::to_string(out.size) + " bytes in plaats van " + std::to_string(content.size()), place);
  out.sha256 = hash.hexDigest();
  if (!content.sha256().empty() && out.sha256 != content.sha256()) changed("SHA-256", place);
  if (!held.empty()) send(held);
  return out;
}

}  // namespace igsgov::adapters
