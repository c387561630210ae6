// Where a test writes its files: a fresh folder per test.
//
// The root is $IGSGOV_TEST_SCRATCH when set (scripts/test points it, and TMPDIR,
// at a folder on a tmpfs when the machine has one with room: the suite spends
// much of its time opening and syncing small files, and on a virtual disk that
// is most of the test time, docs/dev/testing.md), else the build tree's
// tests/ folder, where a developer finds what a failed test left.
// scratchDir(area, name) is <root>/<area>-work/<name>, emptied and created.
// Header-only test helper; not thread-safe (call from the test thread).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace igsgov::testing {

inline std::filesystem::path scratchRoot() {
  const char* root = std::getenv("IGSGOV_TEST_SCRATCH");
  if (root && *root) return root;
  return std::filesystem::path(IGSGOV_BINARY_DIR) / "tests";
}

inline std::filesystem::path scratchDir(const std::string& area, const std::string& name) {
  auto dir = scratchRoot() / (area + "-work") / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace igsgov::testing
