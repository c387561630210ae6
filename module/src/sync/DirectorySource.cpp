#include "sync/DirectorySource.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace igsgov::sync {

namespace fs = std::filesystem;

namespace {

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "bestand niet leesbaar", Place().set("file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

DirectorySource::DirectorySource(std::string root, std::string name) : root_(std::move(root)), name_(std::move(name)) {}

std::vector<SourceItem> DirectorySource::items(store::Database&) {
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) throw Error(ErrorCode::notFound, "map niet gevonden", Place().set("path", root_));
  std::vector<SourceItem> out;
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
    std::string bytes = readAll(abs);
    SourceItem s;
    s.path = rel;
    s.kind = "file";
    auto dot = name.rfind('.');
    s.vars = {{"path", rel}, {"name", name}, {"ext", dot == std::string::npos ? "" : name.substr(dot + 1)}};
    s.item = "file:" + rel;
    s.sha256 = sha256Hex(bytes);
    s.version = s.sha256.substr(0, 12);
    s.size = bytes.size();
    s.bytes = [abs](store::Database&) { return readAll(abs); };
    out.push_back(std::move(s));
  }
  if (ec) throw Error(ErrorCode::io, "map niet leesbaar: " + ec.message(), Place().set("path", root_));
  std::sort(out.begin(), out.end(), [](const SourceItem& a, const SourceItem& b) { return a.path < b.path; });
  return out;
}

}  // namespace igsgov::sync
