#include "core/AtomicFile.hpp"

#include "core/Random.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

namespace igsgov {

namespace {

std::string folderOf(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

int renameNoReplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  // File systems without RENAME_NOREPLACE: link() fails atomically on an existing target.
  if (::link(from.c_str(), to.c_str()) != 0) return -1;
  ::unlink(from.c_str());
  return 0;
}

ErrorCode errnoCode(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: return ErrorCode::notFound;
    case EEXIST:
    case ENOTEMPTY: return ErrorCode::conflict;
    case EACCES:
    case EPERM:
    case EROFS: return ErrorCode::denied;
    case ENAMETOOLONG: return ErrorCode::invalid;
    default: return ErrorCode::io;
  }
}

AtomicFile::AtomicFile(std::string target, unsigned mode) : target_(std::move(target)) {
  if (target_.empty() || target_.back() == '/') throwInvalid("geen bestandsnaam", Place().set("file", target_));
  std::string folder = folderOf(target_);
  for (int attempt = 0; attempt < 8; ++attempt) {
    temp_ = folder + "/.igsgov-tmp-" + randomHex(8);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd_ >= 0) return;
    if (errno != EEXIST) break;  // EEXIST: 2^-64 odds, or someone planted that very name; take another
  }
  int err = errno;
  temp_.clear();
  fail("tijdelijk bestand maken", err);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!done_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::fail(const std::string& what, int err) const {
  throw Error(errnoCode(err), "bestand kan niet geschreven worden (" + what + ": " + std::strerror(err) + ")",
              Place().set("file", target_));
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw Error(ErrorCode::internal, "AtomicFile: schrijven na finish()", Place().set("file", target_));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("schrijven", n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
}

void AtomicFile::finish() {
  if (fd_ < 0) return;
  int fd = fd_;
  fd_ = -1;
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    fail("wegschrijven (fsync)", err);
  }
  if (::close(fd) != 0) fail("sluiten", errno);
}

void AtomicFile::syncFolder() const {
  int dfd = ::open(folderOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return;  // the file is in place; only its durability after a crash is less certain
  ::fsync(dfd);
  ::close(dfd);
}

void AtomicFile::commit() {
  finish();
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("hernoemen", errno);
  done_ = true;
  syncFolder();
}

bool AtomicFile::commitNoReplace() {
  finish();
  if (renameNoReplace(temp_, target_) != 0) {
    if (errno == EEXIST) return false;
    fail("hernoemen", errno);
  }
  done_ = true;
  syncFolder();
  return true;
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
  AtomicFile f(path);
  f.write(bytes);
  f.commit();
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/igsgov-XXXXXX";
  if (!::mkdtemp(pattern.data()))
    throw Error(ErrorCode::io, std::string("tijdelijke map kan niet gemaakt worden: ") + std::strerror(errno),
                Place().set("file", pattern));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace igsgov
