// sync_bench: runs the sync engine once from a local folder to a WebDAV (or
// folder) target with a register kept between calls, and prints one line:
//   seconds=<wall time of Engine::run> planned=<actions> done=<actions> downloads=<GETs for hashing>
// Usage: sync_bench REGISTER LOCAL_DIR URL USER PASSWORD_ENV [TARGET_ROOT]
// (URL "folder:/path" uses the folder adapter.) Used by run.sh.
#include "adapters/folder/FolderAdapter.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "core/Error.hpp"
#include "sync/DirectorySource.hpp"
#include "sync/Engine.hpp"

#include <Poco/File.h>

#include <chrono>
#include <iostream>

using namespace igsgov;

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: sync_bench REGISTER LOCAL_DIR URL USER PASSWORD_ENV [TARGET_ROOT]\n";
    return 64;
  }
  try {
    std::string db = argv[1], local = argv[2], url = argv[3], user = argv[4], pwEnv = argv[5];
    auto reg = Poco::File(db).exists() ? records::Register::open(db) : records::Register::create(db);
    std::unique_ptr<adapters::Adapter> adapter;
    if (url.rfind("folder:", 0) == 0) {
      adapter = std::make_unique<adapters::folder::FolderAdapter>(url.substr(7));
    } else {
      auto cfg = newObject();
      cfg->set("type", "webdav");
      cfg->set("url", url);
      cfg->set("user", user);
      cfg->set("password_env", pwEnv);
      cfg->set("parallel", 8);
      adapter = std::make_unique<adapters::webdav::WebDavAdapter>(adapters::webdav::WebDavConfig::fromJson(cfg));
    }
    sync::TargetConfig t;
    t.name = "bench";
    t.root = argc > 6 ? argv[6] : "";
    t.sidecar = false;  // rclone copies the files only: compare like with like
    t.batch = 1000;
    std::vector<std::unique_ptr<sync::Source>> sources;
    sources.push_back(std::make_unique<sync::DirectorySource>(local));
    sync::Engine engine(*reg, t, std::move(adapter), std::move(sources));
    sync::RunOptions o;
    auto t0 = std::chrono::steady_clock::now();
    auto out = engine.run(o);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "seconds=" << secs << " planned=" << out->getValue<Poco::Int64>("planned")
              << " done=" << (out->has("done") ? out->getValue<Poco::Int64>("done") : 0)
              << " downloads=" << out->getValue<Poco::Int64>("downloads_for_hash") << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sync_bench: " << e.what() << "\n";
    return 1;
  }
}
