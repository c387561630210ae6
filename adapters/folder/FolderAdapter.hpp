// FolderAdapter: a local or mounted folder (ext4, NFS, SMB mount) as a document system.
//
// Contract (on top of Adapter's):
//   - Everything happens under one root folder, given at construction. A path
//     that resolves outside the root through a symbolic link is refused with
//     Error(invalid); list() leaves such links out (and logs a warning).
//   - put() is atomic: the bytes go to a hidden temporary file in the target's
//     folder (".igsgov-tmp-*"), streamed and checked on the way (Content.hpp;
//     a mismatch removes the temporary file, nothing is renamed), are
//     fsync'ed, then renamed over the target and the folder is fsync'ed. createOnly uses renameat2(RENAME_NOREPLACE)
//     (or link()+unlink() where the file system lacks it), so it is atomic
//     against every other writer. ifMatch compares the current content hash
//     and renames under a process-wide lock: atomic against other users of
//     this process; against OTHER processes there is a window of microseconds
//     between the check and the rename (a folder has no compare-and-swap).
//   - ETag = "\"<sha256 of the content>\"" (strong; Entry::sha256 is filled too).
//     Why content hashes and not inode+mtime+size: the sync engine must decide
//     "changed" by hash anyway (mtime is 1 s on some mounts, and tools restore
//     it), so the hash is the one fingerprint that is never wrong. To keep
//     list() cheap, hashes are cached in memory keyed by device, inode, size,
//     mtime and ctime (nanoseconds): a write that restores the mtime still
//     changes the ctime, so a stale cache entry is never used.
//   - Names starting with ".igsgov-" are reserved for temporary files and are
//     not listed.
// Thread safety: all operations are thread-safe.
// Failure: errno values are translated: ENOENT -> notFound, EEXIST/ENOTEMPTY ->
// conflict, EACCES/EPERM/EROFS -> denied, others -> io.
#pragma once

#include "adapters/common/Adapter.hpp"
#include "adapters/common/Registry.hpp"

#include <sys/stat.h>

#include <map>
#include <mutex>
#include <tuple>

namespace igsgov::adapters::folder {

class FolderAdapter : public Adapter {
public:
  // `root` must be an existing folder; throws Error(notFound/invalid) otherwise.
  explicit FolderAdapter(const std::string& root);

  const std::string& root() const { return realRoot_; }

protected:
  Capabilities doCapabilities() override;
  std::vector<Entry> doList(const RelPath& dir) override;
  std::optional<Entry> doStat(const RelPath& path) override;
  std::uint64_t doGet(const RelPath& path, std::ostream& out) override;
  Entry doPut(const RelPath& path, const Content& content, const Precondition& pre) override;
  Entry doMove(const RelPath& from, const RelPath& to, bool overwrite) override;
  void doRemove(const RelPath& path, const Precondition& pre) override;
  void doMkdirs(const RelPath& path) override;

private:
  using CacheKey = std::tuple<unsigned long, unsigned long, long long, long long, long long, long long, long long>;

  std::string absolute(const RelPath& path) const;
  // Throws Error(invalid) if the existing part of `abs` resolves outside the root.
  void checkInside(const std::string& abs, const RelPath& path) const;
  std::optional<Entry> entryFor(const RelPath& path, const std::string& abs);
  std::string hashOf(const std::string& abs, const struct stat& st);
  void remember(const struct stat& st, const std::string& sha);
  void checkNoClash(const RelPath& path);
  void checkMatch(const RelPath& path, const std::string& abs, const Precondition& pre);

  std::string realRoot_;
  std::mutex cacheMutex_;
  std::map<CacheKey, std::string> hashCache_;
  std::mutex replaceMutex_;  // serialises check-then-rename for ifMatch
  std::once_flag capsOnce_;
  Capabilities caps_;
};

// Registers type "folder": {"type": "folder", "root": "/path"}.
void registerFactory(Registry& registry);

}  // namespace igsgov::adapters::folder
