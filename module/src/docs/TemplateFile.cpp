#include "docs/TemplateFile.hpp"

#include "core/Error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace igsgov::docs {

namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

const char* kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "een map";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "een apparaat";
  if (S_ISFIFO(mode)) return "een pijp (FIFO)";
  if (S_ISSOCK(mode)) return "een socket";
  return "geen gewoon bestand";
}

}  // namespace

std::string sizeText(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", mib);
  std::string s = buf;
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string readTemplateFile(const std::string& path, std::size_t maxBytes) {
  Place place;
  place.set("file", path);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (f.fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) throwNotFound("het sjabloon '" + path + "' bestaat niet", place);
    throw Error(ErrorCode::io, "het sjabloon '" + path + "' kan niet geopend worden: " + std::strerror(err),
                place);
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0)
    throw Error(ErrorCode::io, "het sjabloon '" + path + "' kan niet gelezen worden: " + std::strerror(errno),
                place);
  if (!S_ISREG(st.st_mode))
    throwInvalid("het sjabloon '" + path + "' is " + kindOf(st.st_mode) +
                     "; geef een DOCX-, ODT-, HTML- of Markdown-bestand",
                 place);
  auto tooLarge = [&](const std::string& size) {
    throwInvalid("het sjabloon '" + path + "' is te groot (" + size + "; maximum " + sizeText(maxBytes) + ")",
                 place);
  };
  if (static_cast<std::uint64_t>(st.st_size) > maxBytes) tooLarge(sizeText(static_cast<std::size_t>(st.st_size)));
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  for (;;) {
    if (done == out.size()) {
      if (out.size() > maxBytes) tooLarge("meer dan " + sizeText(maxBytes));
      out.resize(std::min(out.size() + 65536, maxBytes + 1));  // a file that grows: one byte past the cap tells
    }
    ssize_t n = ::read(f.fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw Error(ErrorCode::io, "het sjabloon '" + path + "' kan niet gelezen worden: " + std::strerror(errno),
                  place);
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

}  // namespace igsgov::docs
