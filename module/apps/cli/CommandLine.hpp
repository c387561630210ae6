// CommandLine: turns argv into one catalogue call, using only the catalogue's
// JSON description (igsgov_catalogue), so every operation of the library is a
// command without code here.
//
//   igsgov [global options] <command words> [--param value ...] [positional]
//   global options: --db FILE (default $IGSGOV_DB), --format text|json,
//                   --actor NAME (default $IGSGOV_ACTOR or cli:$USER),
//                   --signing-key FILE (default $IGSGOV_SIGNING_KEY), --help, --version
//   --name-with-dashes value  -> "name_with_dashes": value (typed per the param)
//   booleans: --flag, --no-flag, --flag=true|false|ja|nee
//   objects and arrays: JSON text, or @FILE to read it from a file. Such text
//   is passed on to the library as written (never parsed and written again
//   here), so the library's JSON check sees it: a key given twice, a syntax
//   error or bad text is refused with its line and column (inputText and
//   placeInOption map them back from the input to the option).
#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace igsgov::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The JSON text of an object or array option, as given.
struct RawOption {
  std::string key;     // the param ("plan")
  std::string option;  // as typed, without dashes ("plan")
  std::string file;    // the @FILE it came from, or ""
  std::string text;
};

struct Call {
  bool help = false;
  bool version = false;
  bool man = false;  // --man: the manual page (roff) instead of a command
  std::string db;
  std::string format = "text";
  std::string actor;
  std::string reason;
  std::string signingKey;  // private key that signs the journal entries written
  std::string group;  // "igsgov mandate" on its own: the group whose commands to list
  Poco::JSON::Object::Ptr operation;  // from the catalogue; null for top-level help
  Poco::JSON::Object::Ptr input;  // without the raw options
  std::vector<RawOption> raw;
};

// The input for igsgov_execute: `input` as JSON, each raw option's text
// added as written, starting on a line of its own.
std::string inputText(const Call& call);
// For an error whose place is line `line` of the input text: the option it
// falls in and the line within that option's text; nullptr when none.
const RawOption* placeInOption(const Call& call, long line, long& lineInOption);

// The commands of the CLI itself, which need no register (so they are not
// catalogue operations), described like operations with "access": "local":
// audit keygen (name "audit.keygen"). Appends them to the catalogue's list.
void addLocalCommands(const Poco::JSON::Object::Ptr& catalogue);

// Throws UsageError (Dutch) on unknown commands, options or bad values.
Call parse(const std::vector<std::string>& args, const Poco::JSON::Object::Ptr& catalogue);

std::string overviewHelp(const Poco::JSON::Object::Ptr& catalogue);
// The manual page igsgov(1) in roff, every command with its options (installed
// as share/man/man1/igsgov.1, generated at build time from the catalogue).
std::string manPage(const Poco::JSON::Object::Ptr& catalogue, const std::string& version);
std::string commandHelp(const Poco::JSON::Object::Ptr& operation);
// The commands of one group ("mandate": appoint, end, change, ...).
std::string groupHelp(const Poco::JSON::Object::Ptr& catalogue, const std::string& group);

}  // namespace igsgov::cli
