// DirectorySource: the files under a local folder as sync items (path =
// relative path, kind "file", item "file:<path>"). Used to push an export
// folder, by the benchmark against rclone (same local tree, same server) and
// by tests. Hidden entries (".name") and symbolic links are skipped.
// Thread safety: items() and the bytes providers only read the folder.
// Failure: Error(notFound/io) naming the folder or file.
#pragma once

#include "sync/Source.hpp"

namespace igsgov::sync {

class DirectorySource : public Source {
public:
  explicit DirectorySource(std::string root, std::string name = "directory");
  std::string name() const override { return name_; }
  std::vector<SourceItem> items(store::Database& db) override;

private:
  std::string root_;
  std::string name_;
};

}  // namespace igsgov::sync
