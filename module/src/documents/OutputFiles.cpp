#include "documents/OutputFiles.hpp"

#include "core/Error.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace igsgov::documents {

namespace {
[[noreturn]] void ioError(const std::string& what, const std::string& path) {
  throw Error(ErrorCode::io, what + " '" + path + "': " + std::strerror(errno), Place().set("file", path));
}
}  // namespace

OutputBatch::OutputBatch(std::string directory) : dir_(std::move(directory)) {
  if (dir_.empty()) throwInvalid("geen uitvoermap opgegeven", Place().set("field", "out"));
  try {
    Poco::File(dir_).createDirectories();
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "uitvoermap '" + dir_ + "' kan niet gemaakt worden: " + e.displayText(),
                Place().set("file", dir_));
  }
  if (!Poco::File(dir_).isDirectory())
    throw Error(ErrorCode::io, "'" + dir_ + "' is geen map", Place().set("file", dir_));
}

OutputBatch::~OutputBatch() {
  if (published_) return;
  for (const auto& s : staged_) ::unlink(s.temp.c_str());
}

std::string OutputBatch::stage(const std::string& fileName, const std::string& bytes) {
  if (fileName.empty() || fileName.find('/') != std::string::npos || fileName[0] == '.')
    throw Error(ErrorCode::internal, "ongeldige bestandsnaam '" + fileName + "'");
  std::string final = Poco::Path(dir_).append(fileName).toString();
  for (const auto& s : staged_)
    if (s.final == final)
      throwConflict("twee documenten zouden dezelfde naam krijgen: '" + fileName + "'", Place().set("file", final));
  std::string temp = Poco::Path(dir_).append("." + fileName + "." + std::to_string(::getpid()) + ".tmp").toString();
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) ioError("kan niet schrijven naar", temp);
  staged_.push_back({temp, final});
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      errno = saved;
      ioError("kan niet schrijven naar", temp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    ioError("kan niet wegschrijven", temp);
  }
  if (::close(fd) != 0) ioError("kan niet sluiten", temp);
  return final;
}

void OutputBatch::publish() {
  for (const auto& s : staged_)
    if (::rename(s.temp.c_str(), s.final.c_str()) != 0) ioError("kan niet hernoemen naar", s.final);
  published_ = true;
  int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace igsgov::documents
