// CommandLine: turns argv into one catalogue call, using only the catalogue's
// JSON description (igsgov_catalogue), so every operation of the library is a
// command without code here.
//
//   igsgov [global options] <command words> [--param value ...] [positional]
//   global options: --db FILE (default $IGSGOV_DB), --format text|json,
//                   --actor NAME (default $IGSGOV_ACTOR or cli:$USER), --help, --version
//   --name-with-dashes value  -> "name_with_dashes": value (typed per the param)
//   booleans: --flag, --no-flag, --flag=true|false|ja|nee
//   objects and arrays: JSON text, or @FILE to read it from a file
#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace igsgov::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Call {
  bool help = false;
  bool version = false;
  std::string db;
  std::string format = "text";
  std::string actor;
  std::string reason;
  Poco::JSON::Object::Ptr operation;  // from the catalogue; null for top-level help
  Poco::JSON::Object::Ptr input;
};

// Throws UsageError (Dutch) on unknown commands, options or bad values.
Call parse(const std::vector<std::string>& args, const Poco::JSON::Object::Ptr& catalogue);

std::string overviewHelp(const Poco::JSON::Object::Ptr& catalogue);
std::string commandHelp(const Poco::JSON::Object::Ptr& operation);

}  // namespace igsgov::cli
