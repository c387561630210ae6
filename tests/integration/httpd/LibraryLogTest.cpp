// The library's own log lines (adapters, sync) reach igsgovd's log (issue 14:
// the adapters logged to a logger in spdlog's global registry that had no
// sink, so a sync run's warnings were lost).
#include "Harness.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace igsgov::test;

TEST(LibraryLog, AdapterWarningsReachTheServiceLog) {
  std::string dir = freshDir("library-log");
  SampleRegister reg = makeSampleRegister(dir);
  // A folder target whose statuten folder (listed by the run) holds a link leaving the root.
  namespace fs = std::filesystem;
  const fs::path listed = fs::path(dir) / "target" / "igs-cultuur-va" / "statuten";
  fs::create_directories(listed);
  fs::create_directories(fs::path(dir) / "outside");
  fs::create_directory_symlink(fs::path(dir) / "outside", listed / "uitweg");
  std::ofstream(dir + "/sync.json") << R"({"targets": {"map": {"adapter": {"type": "folder", "root": ")" << dir
                                    << R"(/target"}}}})";
  Igsgovd server(dir, {"--register", reg.path});
  auto r = server.post("/api/v1/sync.run", R"({"target": "map", "progress": false})", reg.secrets.at("beheerder"));
  ASSERT_EQ(r.status, 200) << r.body;
  std::string log = server.log();
  EXPECT_NE(log.find("level=warning event=library message=\"folder " + dir +
                     "/target: skipping symbolic link leaving the root: 'igs-cultuur-va/statuten/uitweg'\""),
            std::string::npos)
      << log;
}
