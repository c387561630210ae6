// ConfigOverlay: configuration files compiled into the library with a
// directory of files laid over them by name (rule sets, stappenplannen).
//
// overlaidConfigFiles(compiled, dir, names) returns every compiled file and
// every *.json file in `dir` (when dir is not empty), one entry per file name,
// sorted by name: a file in dir replaces the compiled file of the same name.
// `source` is "ingebouwd:<name>" for a compiled file and the path otherwise,
// for the caller's error places.
//
// Failure: dir given but not a directory is Error(notFound) "<dirNoun> '<dir>'
// bestaat niet"; a file that cannot be read is Error(io) "<fileNoun> kan niet
// gelezen worden: ..."; both name the place ("file"). Reads files only;
// thread-safe.
#pragma once

#include "core/Embedded.hpp"

#include <string>
#include <vector>

namespace igsgov {

struct ConfigFile {
  std::string name;    // the file name ("cultuur.json")
  std::string source;  // "ingebouwd:<name>" or the path
  std::string text;
};

struct ConfigNouns {
  std::string dirNoun;   // "regelmap"
  std::string fileNoun;  // "regelbestand"
};

std::vector<ConfigFile> overlaidConfigFiles(EmbeddedFiles compiled, const std::string& dir, const ConfigNouns& nouns);

}  // namespace igsgov
