// OutputFiles: writes a batch of generated documents into one folder, all or
// nothing as far as a file system allows.
//
// stage() writes each document to a temporary file in the target folder
// (".<name>.<pid>.tmp", flushed with fsync); publish() renames every staged
// file onto its final name (rename is atomic per file, so a reader never sees
// a half-written document) and fsyncs the folder. When staging fails, or the
// batch is destroyed before publish(), every temporary file is removed and no
// final name has been touched. Names must be plain file names (no separator);
// the folder is created when missing.
// Failures: Error(io) naming the file. Not thread-safe (one batch, one thread).
#pragma once

#include <string>
#include <vector>

namespace igsgov::documents {

class OutputBatch {
public:
  explicit OutputBatch(std::string directory);
  ~OutputBatch();
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  // Returns the final path the document will have.
  std::string stage(const std::string& fileName, const std::string& bytes);
  void publish();

private:
  struct Staged {
    std::string temp, final;
  };
  std::string dir_;
  std::vector<Staged> staged_;
  bool published_ = false;
};

}  // namespace igsgov::documents
