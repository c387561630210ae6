// The checks an intranet page makes on an uploaded file before it calls the
// operation, so the problem is said next to the file field in Dutch and the
// user's other input stays: over the size cap (the multipart parser marks it
// tooLarge), empty, or not DOCX/ODT/PDF (detected from the bytes, as the
// register does, governance/FileStore.hpp). The operation checks the kind
// again; nothing is written when either refuses. Pure; thread-safe.
#pragma once

#include "web/Multipart.hpp"

#include <cstddef>
#include <string>

namespace igsgov::web {

// "1,5 MiB".
std::string mib(std::size_t bytes);

// The Dutch problem with `file` ("" when fine); `maxBytes`: the site's cap.
std::string uploadProblem(const UploadedFile& file, std::size_t maxBytes);

// Whether the user chose a file at all (a file field left empty sends a part
// without name and bytes).
bool uploadChosen(const UploadedFile& file);

}  // namespace igsgov::web
