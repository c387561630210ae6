// Where a test's register lives: one fixture for both stores.
//
// Without IGSGOV_TEST_DB: the SQLite file `<dir>/register.db` (the default).
// With IGSGOV_TEST_DB=postgresql://user@host:port/ (set by tests/support/
// postgres.sh for the ctest runs labelled `postgresql`): a new, empty database
// on that server, made for this call (CREATE DATABASE, locale C), and its
// address. A server that cannot be reached fails the test (Error io), never
// skips it. Header-only test helper; not thread-safe (call from the test thread).
#pragma once

#include "store/Database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace igsgov::testing {

inline bool onPostgres() {
  const char* base = std::getenv("IGSGOV_TEST_DB");
  return base && *base;
}

// A fresh PostgreSQL database on the test server; returns its address.
inline std::string freshPostgresDatabase() {
  static int counter = 0;
  std::string base = std::getenv("IGSGOV_TEST_DB");
  std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  store::Database admin(base + "postgres", false);
  admin.exec("DROP DATABASE IF EXISTS " + name);
  admin.exec("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
  return base + name;
}

// The register address for a test working in `dir` (a folder it owns).
inline std::string testRegisterAddress(const std::string& dir) {
  return onPostgres() ? freshPostgresDatabase() : dir + "/register.db";
}

}  // namespace igsgov::testing
