// DocumentFiles: the files behind the documents page, on the server side.
//
// The folder of one generation is made by documents.generate itself
// ("documents_dir", documents/OutputFiles.hpp GenerationFolder).
//
// readRegistered(): the bytes of a document from the register of generated
// documents (a documents.list entry), served only when
//   - its resolved path lies inside the configured documents folder after
//     every symbolic link is resolved (std::filesystem::canonical): a stored
//     output_path such as "../../etc/passwd" or a link out of the folder is
//     never followed, so a register (imported, edited) cannot name a server
//     file; documents written elsewhere (CLI --out) are not served here;
//   - it is a regular file of the registered size and its SHA-256 is the
//     registered one (a changed file is refused, never sent).
// Error(notFound) when it is not there (any more) or outside the folder,
// Error(integrity) when it changed. Names are never taken from the path for
// the download: fileName() is the path's last component, and the caller makes
// it safe for Content-Disposition (web/Site.cpp).
//
// servable(): the lexical part of that check, for showing a download link.
// zipOf(): one ZIP of several documents (name → bytes), entries in the given
// order with their registered time. Thread-safe (no shared state).
#pragma once

#include "core/Json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace igsgov::web {

bool servable(const std::string& documentsDir, const JsonObject& document);
std::string readRegistered(const std::string& documentsDir, const JsonObject& document);
std::string fileName(const JsonObject& document);

struct ZipEntry {
  std::string name;
  std::string bytes;
  std::string generatedAt;  // record time (UTC), becomes the entry's time
};
std::string zipOf(const std::vector<ZipEntry>& entries);

}  // namespace igsgov::web
