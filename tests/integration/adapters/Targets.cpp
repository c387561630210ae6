#include "Targets.hpp"

#include "adapters/folder/FolderAdapter.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"

#include <atomic>

namespace igsgov::adapters::testing {

Root freshRoot(const Target& t, const JsonObject& extra) {
  static std::atomic<int> counter{0};
  Root r;
  r.config = newObject();
  if (t.kind == "folder") {
    r.diskPath = makeTempDir("igsgov-folder");
    r.config->set("type", "folder");
    r.config->set("root", r.diskPath);
  } else {
    TestServer& s = server(t.kind, t.mode);
    std::string sub = "t" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    r.diskPath = makeServerFolder(s, sub);
    r.config->set("type", "webdav");
    r.config->set("url", s.url() + sub + "/");
    r.config->set("user", testUser);
    r.config->set("password_env", passwordEnv);
    if (t.mode == "https") r.config->set("ca_file", s.caFile());
  }
  if (extra)
    for (const auto& [k, v] : *extra) r.config->set(k, v);
  return r;
}

std::unique_ptr<Adapter> makeAdapter(const Root& root) {
  Registry reg;
  folder::registerFactory(reg);
  webdav::registerFactory(reg);
  return reg.create(root.config);
}

}  // namespace igsgov::adapters::testing
