#include "core/FileBytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace igsgov {
namespace {

constexpr std::size_t kHugePage = 2u << 20;
constexpr std::size_t kHintFrom = 4u << 20;

// Marks the 2 MiB-aligned inside of [p, p + n) for huge pages (a hint).
void hintHugePages(char* p, std::size_t n) {
  auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(p) + n) & ~(kHugePage - 1);
  if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> readFileBytes(const std::string& path) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto size = static_cast<std::size_t>(st.st_size);
  std::string out;
  out.reserve(size);  // allocated, not yet touched
  if (size >= kHintFrom) hintHugePages(out.data(), size);
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(f.fd, out.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;  // error, or the file shrank
    done += static_cast<std::size_t>(n);
  }
  char extra;
  ssize_t more;
  do more = ::read(f.fd, &extra, 1);
  while (more < 0 && errno == EINTR);
  if (more != 0) return std::nullopt;  // the file grew, or an error
  return out;
}

}  // namespace igsgov
