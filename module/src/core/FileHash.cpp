#include "core/FileHash.hpp"

#include "core/Sha256.hpp"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace igsgov {

std::optional<FileHash> hashFile(const std::string& path, std::vector<char>& buffer) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  Sha256 h;
  FileHash out;
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    h.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    out.size += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  out.sha256 = h.hexDigest();
  return out;
}

}  // namespace igsgov
