#include "sync/DirectorySource.hpp"

#include "core/Error.hpp"
#include "core/FileHash.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace igsgov::sync {

namespace fs = std::filesystem;

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
    auto hashed = hashFile(abs, buf);
    if (!hashed) throw Error(ErrorCode::io, "bestand niet leesbaar", Place().set("file", abs));
    SourceItem s;
    s.path = rel;
    s.kind = "file";
    auto dot = name.rfind('.');
    s.vars = {{"path", rel}, {"name", name}, {"ext", dot == std::string::npos ? "" : name.substr(dot + 1)}};
    s.item = "file:" + rel;
    s.sha256 = hashed->sha256;
    s.version = s.sha256.substr(0, 12);
    s.size = hashed->size;
    s.file = abs;
    out.push_back(std::move(s));
  }
  if (ec) throw Error(ErrorCode::io, "map niet leesbaar: " + ec.message(), Place().set("path", root_));
  std::sort(out.begin(), out.end(), [](const SourceItem& a, const SourceItem& b) { return a.path < b.path; });
  return out;
}

}  // namespace igsgov::sync
