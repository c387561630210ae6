// Where a test's register lives: one fixture for both stores.
//
// Without IGSGOV_TEST_DB: the SQLite file `<dir>/register.db` (the default).
// With IGSGOV_TEST_DB=postgresql://user@host:port/ (set by tests/support/
// postgres.sh for the ctest runs labelled `postgresql`): a database of its own
// on that server, made for this call, and its address.
//
// - testRegisterAddress / freshPostgresDatabase: an empty database (CREATE
//   DATABASE from template0, locale C): for tests that create the register
//   themselves or need an empty target.
// - copyOfTemplate: a database copied from a template made once per process.
// - newTestRegister: a register that exists already (register.init done, plus
//   whatever `fill` wrote): open it with create=false. On PostgreSQL the register
//   is created and filled once per process and kind, in a template database, and
//   each call copies it (CREATE DATABASE ... TEMPLATE): a database costs a file
//   copy instead of the migrations, the reference data and `fill`. Each call
//   still gets a database of its own (isolation as before). On SQLite the
//   register is created (and filled) in `dir` every time. With
//   IGSGOV_TEST_NO_TEMPLATES=1 PostgreSQL does the same (to measure what the
//   templates save, or to rule them out when a test misbehaves).
//
// A server that cannot be reached fails the test (Error io), never skips it.
// Header-only test helper; not thread-safe (call from the test thread).
#pragma once

#include "records/Register.hpp"
#include "store/Database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <string>

namespace igsgov::testing {

inline bool onPostgres() {
  const char* base = std::getenv("IGSGOV_TEST_DB");
  return base && *base;
}

namespace detail {
// A new database name on the test server, unique within this test run.
inline std::string newDatabaseName(const std::string& prefix) {
  static int counter = 0;
  return prefix + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// Creates database `name` as a copy of `templ` (template0: empty).
inline std::string createDatabase(const std::string& name, const std::string& templ) {
  std::string base = std::getenv("IGSGOV_TEST_DB");
  store::Database admin(base + "postgres", false);
  admin.exec("DROP DATABASE IF EXISTS " + name);
  admin.exec("CREATE DATABASE " + name + " TEMPLATE " + templ + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
  return base + name;
}
}  // namespace detail

// A fresh, empty PostgreSQL database on the test server; returns its address.
inline std::string freshPostgresDatabase() {
  return detail::createDatabase(detail::newDatabaseName("t"), "template0");
}

// The address for a register a test creates itself in `dir` (a folder it owns).
inline std::string testRegisterAddress(const std::string& dir) {
  return onPostgres() ? freshPostgresDatabase() : dir + "/register.db";
}

// A new PostgreSQL database copied from the template of `kind`: made once per
// process by `make(address)` on an empty database (which must close every
// connection it opened), then copied by CREATE DATABASE ... TEMPLATE.
inline std::string copyOfTemplate(const std::string& kind, const std::function<void(const std::string&)>& make) {
  static std::map<std::string, std::string> templates;  // kind -> template database name
  auto it = templates.find(kind);
  if (it == templates.end()) {
    std::string name = detail::newDatabaseName("tpl_" + kind + "_");
    make(detail::createDatabase(name, "template0"));
    it = templates.emplace(kind, name).first;
  }
  return detail::createDatabase(detail::newDatabaseName("t"), it->second);
}

// The address of a new register (created, then filled by `fill` when given:
// it opens the register at the address and closes it again) for a test working
// in `dir`. `kind` names what `fill` writes: one template per kind and process
// on PostgreSQL (see the header comment).
inline std::string newTestRegister(const std::string& dir, const std::string& kind = "init",
                                   const std::function<void(const std::string& address)>& fill = {}) {
  auto make = [&](const std::string& address) {
    records::Register::create(address);  // closed again at once: no connection stays open
    if (fill) fill(address);
  };
  if (onPostgres() && std::getenv("IGSGOV_TEST_NO_TEMPLATES")) {  // each made from scratch: to measure, or to rule the templates out
    auto address = freshPostgresDatabase();
    make(address);
    return address;
  }
  if (onPostgres()) return copyOfTemplate(kind, make);
  std::string path = dir + "/register.db";
  make(path);
  return path;
}

}  // namespace igsgov::testing
