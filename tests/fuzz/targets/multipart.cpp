// Fuzz target "multipart": the intranet's file-upload forms as a browser, or
// anyone, sends them (module/src/web/Multipart: multipart/form-data).
//
// The input's first line is the Content-Type header, the rest the body. The
// body is parsed with small limits so every bound is reached. Checks: the
// boundary is 1..70 allowed characters; no more parts, no longer field values
// or file names than the limits; a file is tooLarge exactly when its size is
// over the limit, and then keeps no bytes, else exactly `size` bytes; a file
// name holds no folder ('/' or '\'); the form written again with the same
// boundary (names and file names that a browser can quote) parses to the same
// fields and files. Seeds: the statuten upload form as Chromium sends it, a
// form without file, a quoted boundary, an empty form.
#include "FuzzSupport.hpp"
#include "web/Multipart.hpp"

using namespace igsgov;
using namespace igsgov::web;

namespace {

bool quotable(const std::string& s) {
  return s.find('"') == std::string::npos && s.find('\r') == std::string::npos && s.find('\n') == std::string::npos;
}

std::string encode(const MultipartForm& f, const std::string& boundary) {
  std::string out;
  auto head = [&](const std::string& name) {
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
  };
  for (const auto& [name, value] : f.fields) {
    head(name);
    out += "\r\n\r\n" + value + "\r\n";
  }
  for (const auto& [name, file] : f.files) {
    head(name);
    out += "; filename=\"" + file.fileName + "\"\r\n\r\n" + file.bytes + "\r\n";
  }
  return out + "--" + boundary + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::text(data, size);
  std::size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return 0;
  std::string contentType(in.substr(0, nl));
  std::string_view body = in.substr(nl + 1);

  std::string boundary;
  bool multipart = isMultipartForm(contentType);
  if (!fuzz::refuse("multipartBoundary", [&] { boundary = multipartBoundary(contentType); })) return 0;
  fuzz::require(multipart, "a boundary from a Content-Type that is not multipart/form-data");
  fuzz::require(!boundary.empty() && boundary.size() <= 70, "a boundary of " + std::to_string(boundary.size()) + " bytes");

  MultipartLimits limits;
  limits.maxParts = 6;
  limits.maxHeaderBytes = 200;
  limits.maxFieldBytes = 64;
  limits.maxFileBytes = 128;
  limits.maxFileNameBytes = 40;
  MultipartForm form;
  if (!fuzz::refuse("parseMultipart", [&] { form = parseMultipart(body, boundary, limits); })) return 0;

  fuzz::require(form.fields.size() + form.files.size() <= limits.maxParts, "more parts than the limit");
  bool roundTrip = true;
  for (const auto& [name, value] : form.fields) {
    fuzz::require(!name.empty(), "a field without name");
    fuzz::require(value.size() <= limits.maxFieldBytes, "a field over its limit");
    roundTrip = roundTrip && quotable(name);
  }
  for (const auto& [name, file] : form.files) {
    fuzz::require(!name.empty(), "a file without field name");
    fuzz::require(file.fileName.size() <= limits.maxFileNameBytes, "a file name over its limit");
    fuzz::require(file.fileName.find_first_of("/\\") == std::string::npos, "a file name with a folder: " + file.fileName);
    fuzz::require(file.tooLarge == (file.size > limits.maxFileBytes), "tooLarge does not match the size");
    fuzz::require(file.tooLarge ? file.bytes.empty() : file.bytes.size() == file.size, "bytes and size differ");
    roundTrip = roundTrip && quotable(name) && quotable(file.fileName) && !file.tooLarge;
  }
  if (!roundTrip) return 0;
  // The header written again may be longer than the one read (quotes, spaces): only that limit is widened.
  MultipartLimits wide = limits;
  wide.maxHeaderBytes = 4096;
  MultipartForm again;
  fuzz::require(fuzz::refuse("parseMultipart(encoded)", [&] { again = parseMultipart(encode(form, boundary), boundary, wide); }),
                "a form written again is refused");
  fuzz::require(again.fields == form.fields, "a form written again parses to other fields");
  fuzz::require(again.files.size() == form.files.size(), "a form written again has other files");
  for (const auto& [name, file] : form.files) {
    auto it = again.files.find(name);
    fuzz::require(it != again.files.end() && it->second.bytes == file.bytes && it->second.fileName == file.fileName,
                  "a file written again parses to another file");
  }
  return 0;
}
