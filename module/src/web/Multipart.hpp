// multipart/form-data (RFC 7578) as browsers send a form with a file: the
// boundary from the Content-Type header, then the parts with their
// Content-Disposition name (and filename for a file). Only what the intranet's
// upload forms need: no nested multipart, no Content-Transfer-Encoding, no
// filename*; a part's Content-Type is ignored (the register detects a file's
// kind from its bytes, governance/FileStore.hpp).
//
// Everything is bounded (MultipartLimits): the number of parts, the bytes of
// a part's header block, of a plain field and of a file, so a hostile body
// costs at most one pass over bytes the HTTP layer already capped
// (limits.max_body_bytes). A file over its limit is not an error of the
// parser: it is returned with `tooLarge` set and no bytes, so the page can
// say so next to the field and keep what the user typed.
//
// Failure: igsgov::Error(invalid) with a Dutch message naming the part
// ("field" = the part's name when known, else "part" = its number). A name
// given twice is refused, as in parseForm().
// Pure functions without state; thread-safe.
#pragma once

#include "web/Forms.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace igsgov::web {

struct MultipartLimits {
  std::size_t maxParts = 32;
  std::size_t maxHeaderBytes = 4096;       // the header block of one part
  std::size_t maxFieldBytes = 64u << 10;   // a part without filename
  std::size_t maxFileBytes = 16u << 20;    // a part with filename; beyond: tooLarge
  std::size_t maxFileNameBytes = 255;
};

struct UploadedFile {
  std::string fileName;      // the browser's name, without any folder; may be ""
  std::string bytes;         // empty when tooLarge
  std::size_t size = 0;      // the part's size in bytes (also when tooLarge)
  bool tooLarge = false;
};

struct MultipartForm {
  FormFields fields;                            // parts without filename
  std::map<std::string, UploadedFile> files;    // parts with filename, by field name
};

// True for "multipart/form-data" (any case, parameters after ';').
bool isMultipartForm(std::string_view contentType);

// The boundary parameter of a multipart/form-data Content-Type (quoted or
// not); Error(invalid) when absent or not 1..70 allowed characters.
std::string multipartBoundary(std::string_view contentType);

MultipartForm parseMultipart(std::string_view body, std::string_view boundary, const MultipartLimits& limits = {});

}  // namespace igsgov::web
