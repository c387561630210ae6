#include "web/DocumentFiles.hpp"

#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "docs/ZipPackage.hpp"
#include "web/Pages.hpp"

#include <filesystem>

namespace igsgov::web {

namespace fs = std::filesystem;

namespace {

// True when `inner` is `outer` or below it (both absolute and normal).
bool within(const fs::path& outer, const fs::path& inner) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != ".." && rel.is_relative();
}

Error gone(const JsonObject& d) {
  return Error(ErrorCode::notFound,
               "het bestand van dit document is niet (meer) beschikbaar via het intranet; maak het opnieuw",
               Place().set("record", "document " + text(d, "id")));
}

}  // namespace

bool servable(const std::string& documentsDir, const JsonObject& d) {
  if (documentsDir.empty() || text(d, "path").empty()) return false;
  fs::path dir = fs::absolute(documentsDir).lexically_normal();
  fs::path file = fs::absolute(text(d, "path")).lexically_normal();
  return within(dir, file);
}

std::string readRegistered(const std::string& documentsDir, const JsonObject& d) {
  if (!servable(documentsDir, d)) throw gone(d);
  std::error_code ec;
  fs::path dir = fs::canonical(documentsDir, ec);
  if (ec) throw gone(d);
  fs::path file = fs::canonical(text(d, "path"), ec);  // every symbolic link resolved
  if (ec || !within(dir, file) || !fs::is_regular_file(file, ec)) throw gone(d);
  auto size = fs::file_size(file, ec);
  long long registered = d->optValue<long long>("size", -1);
  auto bytes = ec || static_cast<long long>(size) != registered ? std::nullopt : readFileBytes(file.string());
  if (!bytes || sha256Hex(*bytes) != text(d, "sha256"))
    throw Error(ErrorCode::integrity,
                "het bestand van dit document werd gewijzigd sinds het gemaakt werd; het wordt niet verstuurd",
                Place().set("record", "document " + text(d, "id")));
  return *bytes;
}

std::string fileName(const JsonObject& d) { return fs::path(text(d, "path")).filename().string(); }

std::string zipOf(const std::vector<ZipEntry>& entries) {
  std::vector<docs::ZipAddition> add;
  add.reserve(entries.size());
  for (const auto& e : entries) {
    auto us = parseTimestamp(e.generatedAt);
    add.push_back({e.name, &e.bytes, static_cast<std::time_t>(us ? *us / 1000000 : 0)});
  }
  return docs::newZip(add, 6);
}

}  // namespace igsgov::web
