#include "core/ConfigOverlay.hpp"

#include "core/Error.hpp"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <map>

namespace igsgov {
namespace {

Place filePlace(const std::string& path) {
  Place p;
  p.set("file", path);
  return p;
}

std::string readConfigText(const std::string& path, const std::string& fileNoun) {
  std::string out;
  try {
    Poco::FileInputStream in(path);
    Poco::StreamCopier::copyToString(in, out);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, fileNoun + " kan niet gelezen worden: " + e.displayText(), filePlace(path));
  }
  return out;
}

}  // namespace

std::vector<ConfigFile> overlaidConfigFiles(EmbeddedFiles compiled, const std::string& dir, const ConfigNouns& nouns) {
  std::map<std::string, ConfigFile> byName;
  for (const auto& f : compiled)
    byName[f.name] = ConfigFile{f.name, std::string("ingebouwd:") + f.name, std::string(f.bytes)};
  if (!dir.empty()) {
    Poco::File d(dir);
    if (!d.exists() || !d.isDirectory()) throwNotFound(nouns.dirNoun + " '" + dir + "' bestaat niet", filePlace(dir));
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
      const std::string& n = it.name();
      if (n.size() <= 5 || n.substr(n.size() - 5) != ".json") continue;
      std::string path = Poco::Path(dir).append(n).toString();
      byName[n] = ConfigFile{n, path, readConfigText(path, nouns.fileNoun)};
    }
  }
  std::vector<ConfigFile> out;
  for (auto& [name, f] : byName) out.push_back(std::move(f));
  return out;
}

}  // namespace igsgov
