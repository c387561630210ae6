#include "adapters/folder/FolderAdapter.hpp"

#include "adapters/common/Names.hpp"
#include "core/AtomicFile.hpp"
#include "core/Sha256.hpp"

#include <Poco/Random.h>
#include <spdlog/spdlog.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>

namespace igsgov::adapters::folder {
namespace {

const std::string tempPrefix = ".igsgov-";

[[noreturn]] void throwErrno(int err, const std::string& what, const RelPath& path) {
  Place where;
  where.set("path", "'" + path.str() + "'");
  std::string detail = what + ": " + std::strerror(err);
  switch (ErrorCode code = errnoCode(err)) {
    case ErrorCode::notFound: throw Error(code, "niet gevonden (" + detail + ")", where);
    case ErrorCode::conflict: throw Error(code, "bestaat al (" + detail + ")", where);
    case ErrorCode::denied: throw Error(code, "geen toegang (" + detail + ")", where);
    case ErrorCode::invalid: throw Error(code, "naam te lang (" + detail + ")", where);
    default: throw Error(code, "schijffout (" + detail + ")", where);
  }
}

// Runs fn; an Error that names a file on disk (core/AtomicFile.hpp) is
// placed at `path` in the adapter's terms instead.
template <class F>
void placedAt(const RelPath& path, F fn) {
  try {
    fn();
  } catch (const Error& e) {
    if (!e.place().fields.count("file")) throw;
    throw Error(e.errorCode(), e.message(), Place().set("path", "'" + path.str() + "'"));
  }
}

class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }

private:
  int fd_;
};

void fsyncDir(const std::string& dir, const RelPath& path) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throwErrno(errno, "map openen", path);
  if (::fsync(fd.get()) != 0 && errno != EINVAL) throwErrno(errno, "map fsync", path);
}

std::string randomSuffix() {
  static thread_local Poco::Random rng = [] {
    Poco::Random r;
    r.seed();
    return r;
  }();
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08x%08x", rng.next(), rng.next());
  return buf;
}

}  // namespace

FolderAdapter::FolderAdapter(const std::string& root) : Adapter("folder " + root) {
  char resolved[PATH_MAX];
  if (!::realpath(root.c_str(), resolved))
    throw Error(ErrorCode::notFound, "documentmap bestaat niet: " + std::string(std::strerror(errno)),
                Place().set("path", "'" + root + "'"));
  struct stat st {};
  if (::stat(resolved, &st) != 0 || !S_ISDIR(st.st_mode))
    throwInvalid("documentmap is geen map", Place().set("path", "'" + root + "'"));
  realRoot_ = resolved;
}

std::string FolderAdapter::absolute(const RelPath& path) const {
  return path.isRoot() ? realRoot_ : realRoot_ + "/" + path.str();
}

void FolderAdapter::checkInside(const std::string& abs, const RelPath& path) const {
  // Resolve the longest existing prefix; it must stay under the root.
  std::string probe = abs;
  char resolved[PATH_MAX];
  while (true) {
    if (::realpath(probe.c_str(), resolved)) break;
    if (errno != ENOENT && errno != ENOTDIR) throwErrno(errno, "pad oplossen", path);
    std::size_t slash = probe.rfind('/');
    if (slash == std::string::npos || probe.size() <= realRoot_.size()) {
      std::strcpy(resolved, realRoot_.c_str());
      break;
    }
    probe.resize(slash);
  }
  std::string r = resolved;
  if (r != realRoot_ && r.rfind(realRoot_ + "/", 0) != 0)
    throwInvalid("pad wijst via een symbolische koppeling buiten de documentmap",
                 Place().set("path", "'" + path.str() + "'"));
}

std::string FolderAdapter::hashOf(const std::string& abs, const struct stat& st) {
  CacheKey key{st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ctim.tv_sec,
               st.st_ctim.tv_nsec};
  {
    std::lock_guard lock(cacheMutex_);
    auto it = hashCache_.find(key);
    if (it != hashCache_.end()) return it->second;
  }
  Fd fd(::open(abs.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return {};
  Sha256 h;
  std::string buf(1 << 16, '\0');
  while (true) {
    ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return {};
    }
    if (n == 0) break;
    h.update(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
  std::string sha = h.hexDigest();
  // Only cache when the file did not change while we read it.
  struct stat after {};
  if (::fstat(fd.get(), &after) == 0 && after.st_size == st.st_size && after.st_mtim.tv_nsec == st.st_mtim.tv_nsec &&
      after.st_mtim.tv_sec == st.st_mtim.tv_sec && after.st_ctim.tv_sec == st.st_ctim.tv_sec &&
      after.st_ctim.tv_nsec == st.st_ctim.tv_nsec)
    remember(st, sha);
  return sha;
}

void FolderAdapter::remember(const struct stat& st, const std::string& sha) {
  CacheKey key{st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ctim.tv_sec,
               st.st_ctim.tv_nsec};
  std::lock_guard lock(cacheMutex_);
  if (hashCache_.size() > 100000) hashCache_.clear();
  hashCache_[key] = sha;
}

std::optional<Entry> FolderAdapter::entryFor(const RelPath& path, const std::string& abs) {
  struct stat st {};
  if (::stat(abs.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    throwErrno(errno, "stat", path);
  }
  Entry e;
  e.path = path.str();
  e.name = path.name();
  e.href = path.str();
  e.isDir = S_ISDIR(st.st_mode);
  e.mtime = st.st_mtim.tv_sec;
  if (!e.isDir) {
    if (!S_ISREG(st.st_mode)) return std::nullopt;  // devices, sockets, fifos are not documents
    e.size = static_cast<std::uint64_t>(st.st_size);
    e.sha256 = hashOf(abs, st);
    if (e.sha256.empty()) throwErrno(errno ? errno : EIO, "lezen", path);
    e.etag = "\"" + e.sha256 + "\"";
  }
  return e;
}

Capabilities FolderAdapter::doCapabilities() {
  std::call_once(capsOnce_, [&] {
    caps_.conditionalRequests = true;
    caps_.strongEtags = true;
    caps_.serverHash = true;
    caps_.atomicPut = true;
    caps_.maxNameLength = 255;
    caps_.parallelTransfers = 1;
    // Case sensitivity: create a probe and look for its upper-case twin.
    std::string lower = realRoot_ + "/" + tempPrefix + "case-" + randomSuffix();
    std::string upper = realRoot_ + "/" + tempPrefix + "CASE-" + lower.substr(lower.size() - 16);
    Fd fd(::open(lower.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
    if (fd.get() >= 0) {
      struct stat st {};
      caps_.caseInsensitive = ::stat(upper.c_str(), &st) == 0;
      ::unlink(lower.c_str());
    }
  });
  return caps_;
}

std::vector<Entry> FolderAdapter::doList(const RelPath& dir) {
  std::string abs = absolute(dir);
  checkInside(abs, dir);
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(abs.c_str()), ::closedir);
  if (!d) {
    if (errno == ENOTDIR) throwInvalid("is geen map", Place().set("path", "'" + dir.str() + "'"));
    throwErrno(errno, "map lezen", dir);
  }
  std::vector<Entry> out;
  while (struct dirent* de = ::readdir(d.get())) {
    std::string name = de->d_name;
    if (name == "." || name == ".." || name.rfind(tempPrefix, 0) == 0) continue;
    RelPath child;
    try {
      child = dir.child(name);
    } catch (const Error&) {
      logger()->warn("{}: skipping unusable name in '{}'", label(), dir.str());
      continue;
    }
    std::string childAbs = abs + "/" + name;
    if (de->d_type == DT_LNK || de->d_type == DT_UNKNOWN) {
      try {
        checkInside(childAbs, child);
      } catch (const Error&) {
        logger()->warn("{}: skipping symbolic link leaving the root: '{}'", label(), child.str());
        continue;
      }
    }
    if (auto e = entryFor(child, childAbs)) out.push_back(std::move(*e));
  }
  return out;
}

std::optional<Entry> FolderAdapter::doStat(const RelPath& path) {
  std::string abs = absolute(path);
  checkInside(abs, path);
  return entryFor(path, abs);
}

std::uint64_t FolderAdapter::doGet(const RelPath& path, std::ostream& out) {
  std::string abs = absolute(path);
  checkInside(abs, path);
  Fd fd(::open(abs.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throwErrno(errno, "openen", path);
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode))
    throwInvalid("is een map, geen bestand", Place().set("path", "'" + path.str() + "'"));
  std::string buf(1 << 16, '\0');
  std::uint64_t total = 0;
  while (true) {
    ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throwErrno(errno, "lezen", path);
    }
    if (n == 0) break;
    out.write(buf.data(), n);
    if (!out) throw Error(ErrorCode::io, "schrijven naar de uitvoer mislukt", Place().set("path", "'" + path.str() + "'"));
    total += static_cast<std::uint64_t>(n);
  }
  return total;
}

void FolderAdapter::checkNoClash(const RelPath& path) {
  std::string dirAbs = absolute(path.parent());
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dirAbs.c_str()), ::closedir);
  if (!d) throwErrno(errno, "map lezen", path.parent());
  std::vector<std::string> names;
  while (struct dirent* de = ::readdir(d.get())) {
    std::string n = de->d_name;
    if (n != "." && n != ".." && n.rfind(tempPrefix, 0) != 0) names.push_back(n);
  }
  if (auto other = findClash(names, path.name()))
    throwConflict("naam botst met '" + *other + "' in dezelfde map (hoofdletters of accenten verschillen)",
                  Place().set("path", "'" + path.str() + "'"));
}

void FolderAdapter::checkMatch(const RelPath& path, const std::string& abs, const Precondition& pre) {
  auto current = entryFor(path, abs);
  if (!current) throwConflict("het bestand is intussen verwijderd", Place().set("path", "'" + path.str() + "'"));
  bool etagOk = pre.etag.empty() || pre.etag == current->etag;
  bool hashOk = pre.sha256.empty() || pre.sha256 == current->sha256;
  if (!etagOk || !hashOk)
    throwConflict("het bestand is intussen gewijzigd", Place().set("path", "'" + path.str() + "'"));
}

Entry FolderAdapter::doPut(const RelPath& path, const Content& content, const Precondition& pre) {
  std::string abs = absolute(path);
  std::string dirAbs = absolute(path.parent());
  checkInside(abs, path);
  struct stat dst {};
  if (::stat(dirAbs.c_str(), &dst) != 0) throwErrno(errno, "bovenliggende map", path);
  if (!S_ISDIR(dst.st_mode)) throwInvalid("bovenliggende map is een bestand", Place().set("path", "'" + path.str() + "'"));
  struct stat tst {};
  bool exists = ::lstat(abs.c_str(), &tst) == 0;
  if (exists && S_ISDIR(tst.st_mode)) throwConflict("er staat een map met deze naam", Place().set("path", "'" + path.str() + "'"));
  if (!exists) checkNoClash(path);
  if (pre.kind == Precondition::Kind::createOnly && exists)
    throwConflict("bestand bestaat al", Place().set("path", "'" + path.str() + "'"));

  // A new temporary file beside the target (unpredictable name, O_EXCL|O_NOFOLLOW),
  // renamed onto it; removed again when anything below throws.
  Streamed written;
  placedAt(path, [&] {
    AtomicFile file(abs);
    // Checked while written: a mismatch throws before the rename.
    written = streamContent(content, [&](std::string_view piece) { file.write(piece); },
                            Place().set("path", "'" + path.str() + "'"));
    file.finish();
    if (pre.kind == Precondition::Kind::createOnly) {
      if (!file.commitNoReplace()) throwConflict("bestand bestaat al", Place().set("path", "'" + path.str() + "'"));
    } else if (pre.kind == Precondition::Kind::ifMatch) {
      std::lock_guard lock(replaceMutex_);
      checkMatch(path, abs, pre);
      file.commit();
    } else {
      file.commit();
    }
  });

  const std::string& sha = written.sha256;
  struct stat st {};
  if (::stat(abs.c_str(), &st) == 0 && st.st_size == static_cast<off_t>(written.size)) remember(st, sha);
  Entry e;
  e.path = path.str();
  e.name = path.name();
  e.href = path.str();
  e.size = written.size;
  e.sha256 = sha;
  e.etag = "\"" + sha + "\"";
  e.mtime = st.st_mtim.tv_sec;
  return e;
}

Entry FolderAdapter::doMove(const RelPath& from, const RelPath& to, bool overwrite) {
  std::string fromAbs = absolute(from), toAbs = absolute(to);
  checkInside(fromAbs, from);
  checkInside(toAbs, to);
  struct stat st {};
  if (::lstat(fromAbs.c_str(), &st) != 0) throwErrno(errno, "bron", from);
  if (::lstat(toAbs.c_str(), &st) != 0) checkNoClash(to);
  if (overwrite) {
    if (::rename(fromAbs.c_str(), toAbs.c_str()) != 0) throwErrno(errno, "verplaatsen", to);
  } else if (renameNoReplace(fromAbs, toAbs) != 0) {
    throwErrno(errno, "verplaatsen", to);
  }
  fsyncDir(absolute(to.parent()), to);
  if (!(from.parent() == to.parent())) fsyncDir(absolute(from.parent()), from);
  auto e = entryFor(to, toAbs);
  if (!e) throw Error(ErrorCode::io, "verplaatst bestand niet teruggevonden", Place().set("path", "'" + to.str() + "'"));
  return *e;
}

void FolderAdapter::doRemove(const RelPath& path, const Precondition& pre) {
  std::string abs = absolute(path);
  checkInside(abs.substr(0, abs.rfind('/')), path);  // the link itself may point anywhere: we remove the link
  struct stat st {};
  if (::lstat(abs.c_str(), &st) != 0) throwErrno(errno, "verwijderen", path);
  std::lock_guard lock(replaceMutex_);
  if (pre.kind == Precondition::Kind::ifMatch) checkMatch(path, abs, pre);
  if (S_ISDIR(st.st_mode)) {
    std::error_code ec;
    std::filesystem::remove_all(abs, ec);  // does not follow symbolic links
    if (ec) throwErrno(ec.value(), "map verwijderen", path);
  } else if (::unlink(abs.c_str()) != 0) {
    throwErrno(errno, "verwijderen", path);
  }
  fsyncDir(absolute(path.parent()), path);
}

void FolderAdapter::doMkdirs(const RelPath& path) {
  RelPath current;
  for (const auto& seg : path.segments()) {
    current = current.child(seg);
    std::string abs = absolute(current);
    checkInside(abs, current);
    struct stat st {};
    if (::stat(abs.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) throwConflict("er staat een bestand met deze naam", Place().set("path", "'" + current.str() + "'"));
      continue;
    }
    checkNoClash(current);
    if (::mkdir(abs.c_str(), 0755) != 0 && errno != EEXIST) throwErrno(errno, "map maken", current);
  }
}

void registerFactory(Registry& registry) {
  registry.add("folder", [](const JsonObject& config) -> std::unique_ptr<Adapter> {
    Reader r(config, "adapterconfiguratie");
    r.rejectUnknown({"type", "root"});
    return std::make_unique<FolderAdapter>(r.str("root"));
  });
}

}  // namespace igsgov::adapters::folder
