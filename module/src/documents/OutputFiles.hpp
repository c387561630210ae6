// OutputFiles: writes a batch of generated documents into one folder, all or
// nothing as far as a file system allows.
//
// stage() writes each document to a temporary file in the target folder
// (core/AtomicFile.hpp: an unpredictable name created with O_EXCL|O_NOFOLLOW,
// flushed with fsync); publish() renames every staged file onto its final
// name (rename is atomic per file, so a reader never sees a half-written
// document; a symbolic link at the final name is replaced, not followed) and
// fsyncs the folder. When staging fails, or the batch is destroyed before
// publish(), every temporary file is removed and no final name has been
// touched. Names must be plain file names (no separator);
// the folder is created when missing.
// Failures: Error(io) naming the file. Not thread-safe (one batch, one thread).
//
// GenerationFolder: the folder of one generation kept by a service,
// <documents>/<cooperation slug>-<date>-XXXXXX (mkdtemp, mode 0700, so two
// generations never share one and a client never chooses the name), removed
// with its contents on destruction unless keep() was called (a generation that
// failed leaves nothing). Error(unsupported) naming 'intranet.documents_dir'
// when `documents` is empty, Error(io) when it cannot be made.
#pragma once

#include "core/AtomicFile.hpp"

#include <memory>
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
  std::string dir_;
  std::vector<std::unique_ptr<AtomicFile>> staged_;
};

class GenerationFolder {
public:
  GenerationFolder(const std::string& documents, const std::string& cooperation);
  ~GenerationFolder();
  GenerationFolder(const GenerationFolder&) = delete;
  GenerationFolder& operator=(const GenerationFolder&) = delete;
  const std::string& path() const { return path_; }
  void keep() { kept_ = true; }

private:
  std::string path_;
  bool kept_ = false;
};

}  // namespace igsgov::documents
