#include "sync/DirectorySource.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace igsgov::sync {

namespace fs = std::filesystem;

namespace {

// SHA-256 and size of a file, streamed through `buf` (listing must not hold the
// files; one buffer for all files, not a fresh 1 MiB one to fault in per file).
std::pair<std::string, std::uint64_t> hashFile(const std::string& path, std::vector<char>& buf) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "bestand niet leesbaar", Place().set("file", path));
  Sha256 h;
  std::uint64_t size = 0;
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    h.update(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    size += static_cast<std::uint64_t>(in.gcount());
  }
  if (in.bad()) throw Error(ErrorCode::io, "bestand niet leesbaar", Place().set("file", path));
  return {h.hexDigest(), size};
}

}  // namespace

DirectorySource::DirectorySource(std::string root, std::string name) : root_(std::move(root)), name_(std::move(name)) {}

std::vector<SourceItem> DirectorySource::items(store::Database&) {
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) throw Error(ErrorCode::notFound, "map niet gevonden", Place().set("path", root_));
  std::vector<SourceItem> out;
  std::vector<char> buf(1 << 20);
  for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink() || !it->is_regular_file()) continue;
    std::string abs = it->path().string();
    std::string rel = fs::relative(it->path(), root_).generic_string();
    auto [sha, size] = hashFile(abs, buf);
    SourceItem s;
    s.path = rel;
    s.kind = "file";
    auto dot = name.rfind('.');
    s.vars = {{"path", rel}, {"name", name}, {"ext", dot == std::string::npos ? "" : name.substr(dot + 1)}};
    s.item = "file:" + rel;
    s.sha256 = sha;
    s.version = s.sha256.substr(0, 12);
    s.size = size;
    s.file = abs;
    out.push_back(std::move(s));
  }
  if (ec) throw Error(ErrorCode::io, "map niet leesbaar: " + ec.message(), Place().set("path", root_));
  std::sort(out.begin(), out.end(), [](const SourceItem& a, const SourceItem& b) { return a.path < b.path; });
  return out;
}

}  // namespace igsgov::sync
