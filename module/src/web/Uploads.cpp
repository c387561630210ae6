#include "web/Uploads.hpp"

#include "core/Error.hpp"
#include "governance/FileStore.hpp"

namespace igsgov::web {

std::string mib(std::size_t bytes) {
  std::size_t tenths = (bytes * 10 + (1u << 19)) >> 20;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(tenths % 10);
  return s + " MiB";
}

bool uploadChosen(const UploadedFile& file) { return !file.fileName.empty() || file.size > 0; }

std::string uploadProblem(const UploadedFile& file, std::size_t maxBytes) {
  std::string name = file.fileName.empty() ? std::string("het bestand") : "'" + file.fileName + "'";
  if (file.tooLarge)
    return "Het bestand is te groot (" + mib(file.size) + "); hoogstens " + mib(maxBytes) + " per bestand.";
  if (file.size == 0) return "Het bestand " + name + " is leeg.";
  try {
    governance::detectFileKind(file.bytes, file.fileName);
  } catch (const Error&) {
    return "Het bestand " + name + " is geen DOCX, ODT of PDF (herkend aan de inhoud, niet aan de naam).";
  }
  return "";
}

}  // namespace igsgov::web
