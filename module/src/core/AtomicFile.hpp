// AtomicFile: the one way igsgov writes a file on disk (generated documents,
// iCalendar files, exports, the folder adapter's uploads). The bytes go to a
// new temporary file beside the target, which is then renamed onto it, so a
// reader sees the old file or the new one, never half of one; and nobody who
// can write in that folder can redirect the write:
//
//   - the temporary file's name is unpredictable (".igsgov-tmp-" and 16 hex
//     digits from core/Random, in the target's folder: names starting with
//     ".igsgov-" are igsgov's own, the folder adapter never lists them) and it
//     is created with O_CREAT|O_EXCL|O_NOFOLLOW: a file or symbolic link
//     planted at that name is never opened, let alone followed;
//   - commit() writes the data out (fsync), renames the temporary file onto
//     the target (rename(2): when the target is a symbolic link, the link
//     itself is replaced, never the file it points to) and fsyncs the folder;
//   - commitNoReplace() does the same but refuses when the target exists
//     (renameat2 RENAME_NOREPLACE, or link(2) where that is missing);
//   - until one of them succeeds, the destructor removes the temporary file.
// The folder of the target must exist; its own path is resolved as usual
// (the caller decides which folders may be named at all).
//
// Failures: Error naming the target ("file") with the code errnoCode()
// gives for the system error (io for most). Not thread-safe: one writer, one
// thread; different AtomicFiles are independent.
//
// TempDir: a private folder for helper programs' files (LibreOffice,
// pdftotext): mkdtemp(3) under $TMPDIR or /tmp, mode 0700, so nobody else
// can plant or read anything inside it; removed with its content by the
// destructor.
#pragma once

#include "core/Error.hpp"

#include <string>
#include <string_view>

namespace igsgov {

// The code of a system error: notFound (ENOENT, ENOTDIR), conflict (EEXIST,
// ENOTEMPTY), denied (EACCES, EPERM, EROFS), invalid (ENAMETOOLONG), else io.
ErrorCode errnoCode(int err);

class AtomicFile {
public:
  explicit AtomicFile(std::string target, unsigned mode = 0644);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // fsync and close without renaming (a batch stages every file first);
  // commit() does this itself when it was not done.
  void finish();
  void commit();
  // False, with nothing changed, when the target exists.
  bool commitNoReplace();

  const std::string& target() const { return target_; }
  const std::string& temporary() const { return temp_; }

private:
  [[noreturn]] void fail(const std::string& what, int err) const;
  void syncFolder() const;

  std::string target_;
  std::string temp_;
  int fd_ = -1;
  bool done_ = false;  // renamed onto the target
};

// rename(2) that never replaces: -1 with errno EEXIST when `to` exists
// (renameat2 RENAME_NOREPLACE, or link(2) and unlink(2) on file systems
// without it). 0 on success, else -1 and errno.
int renameNoReplace(const std::string& from, const std::string& to);

// Writes `bytes` to `path` through an AtomicFile.
void writeFileAtomically(const std::string& path, std::string_view bytes);

class TempDir {
public:
  TempDir();  // throws Error(io)
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

}  // namespace igsgov
