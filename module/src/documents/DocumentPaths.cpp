#include "documents/DocumentPaths.hpp"

#include <filesystem>
#include <optional>

namespace igsgov::documents {

namespace fs = std::filesystem;

namespace {

// The register's folder, absolute; nullopt for an in-memory register.
std::optional<fs::path> registerFolder(const std::string& registerPath) {
  if (registerPath.empty() || registerPath == ":memory:") return std::nullopt;
  std::error_code ec;
  fs::path p = fs::absolute(registerPath, ec);
  if (ec) return std::nullopt;
  return p.lexically_normal().parent_path();
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

}  // namespace

std::string recordedDocumentPath(const std::string& registerPath, const std::string& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec).lexically_normal();
  if (ec) return file;
  auto folder = registerFolder(registerPath);
  if (!folder) return absolute.string();
  // Compare real locations (a register opened through a symbolic link), but
  // record only the part below the register's folder.
  fs::path realFile = fs::weakly_canonical(absolute, ec);
  if (ec) return absolute.string();
  fs::path realFolder = fs::weakly_canonical(*folder, ec);
  if (ec) return absolute.string();
  fs::path below = realFile.lexically_relative(realFolder);
  if (below.empty() || below.is_absolute() || *below.begin() == "..") return absolute.string();
  return below.string();
}

std::string resolveDocumentPath(const std::string& registerPath, const std::string& recorded) {
  fs::path p(recorded);
  if (p.is_absolute()) return p.lexically_normal().string();
  std::error_code ec;
  fs::path asWritten = fs::absolute(p, ec).lexically_normal();
  auto folder = registerFolder(registerPath);
  if (!folder) return ec ? recorded : asWritten.string();
  fs::path inRegister = (*folder / p).lexically_normal();
  // A row from before issue 14 whose file is only found from this working directory.
  if (!present(inRegister) && !ec && present(asWritten)) return asWritten.string();
  return inRegister.string();
}

}  // namespace igsgov::documents
