// A multipart/form-data body as a browser sends a form with a file, for the
// web::Site tests of upload forms. Pure.
#pragma once

#include <string>
#include <vector>

namespace igsgov::testing {

const std::string kBoundary = "----igsgovTestBoundary";

struct Part {
  std::string name{}, value{}, fileName{};
  bool isFile = false;
};

inline std::string multipart(const std::vector<Part>& parts) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (p.isFile) body += "; filename=\"" + p.fileName + "\"\r\nContent-Type: application/octet-stream";
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

inline std::string multipartType() { return "multipart/form-data; boundary=" + kBoundary; }

}  // namespace igsgov::testing
