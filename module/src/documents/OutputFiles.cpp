#include "documents/OutputFiles.hpp"

#include "core/Date.hpp"
#include "core/Error.hpp"
#include "documents/FileNames.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cstdlib>
#include <filesystem>

namespace igsgov::documents {

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

OutputBatch::~OutputBatch() = default;  // AtomicFile removes what was not published

std::string OutputBatch::stage(const std::string& fileName, const std::string& bytes) {
  if (fileName.empty() || fileName.find('/') != std::string::npos || fileName[0] == '.')
    throw Error(ErrorCode::internal, "ongeldige bestandsnaam '" + fileName + "'");
  std::string final = Poco::Path(dir_).append(fileName).toString();
  for (const auto& s : staged_)
    if (s->target() == final)
      throwConflict("twee documenten zouden dezelfde naam krijgen: '" + fileName + "'", Place().set("file", final));
  staged_.push_back(std::make_unique<AtomicFile>(final));
  staged_.back()->write(bytes);
  staged_.back()->finish();
  return final;
}

void OutputBatch::publish() {
  for (auto& s : staged_) s->commit();
}

GenerationFolder::GenerationFolder(const std::string& documents, const std::string& cooperation) {
  namespace fs = std::filesystem;
  if (documents.empty())
    throw Error(ErrorCode::unsupported, "er is geen map ingesteld voor gemaakte documenten",
                Place().set("field", "'intranet.documents_dir'"));
  std::error_code ec;
  fs::create_directories(documents, ec);
  if (ec)
    throw Error(ErrorCode::io, "de map voor gemaakte documenten kan niet gemaakt worden: " + ec.message(),
                Place().set("path", documents));
  // The cooperation as a slug: whatever a caller wrote, the folder stays inside `documents`.
  std::string pattern = (fs::path(documents) / (slug(cooperation) + "-" + Date::today().iso() + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data()))
    throw Error(ErrorCode::io, "map voor het document kan niet gemaakt worden", Place().set("path", pattern));
  path_ = pattern;
}

GenerationFolder::~GenerationFolder() {
  std::error_code ec;
  if (!kept_) std::filesystem::remove_all(path_, ec);
}

}  // namespace igsgov::documents
