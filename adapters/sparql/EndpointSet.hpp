// EndpointSet: the named SPARQL sources a register may read, from a
// configuration file (config/sparql.json shows every field):
//
//   {"sources": {
//      "lblod": {"endpoint": "https://…/sparql", "graph": "…", "timeout_s": 60,
//                "comment": "free text"}}}
//
// Each source is an EndpointConfig (EndpointConfig.hpp) plus an optional
// "comment". A request names a source, never a URL: which hosts igsgov
// connects to is decided by whoever writes this file (docs/dev/security.md,
// "Outbound requests"). Names: letters, digits, '-' and '_'.
// Value type; thread-safe. Failure: Error(invalid) naming the file, the source
// ("bron '<name>'") and the field, without quoting the file's bytes on a
// syntax error; Error(notFound) for a missing file or an unknown name.
#pragma once

#include "adapters/sparql/EndpointConfig.hpp"

#include <map>
#include <string>

namespace igsgov::adapters::sparql {

struct EndpointSet {
  std::string file;
  std::map<std::string, EndpointConfig> sources;

  static EndpointSet parse(const std::string& text, const std::string& file);
  static EndpointSet load(const std::string& file);
  // The source by name; Error(notFound) listing the known names.
  const EndpointConfig& source(const std::string& name) const;
};

}  // namespace igsgov::adapters::sparql
