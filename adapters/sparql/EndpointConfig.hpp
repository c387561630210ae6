// EndpointConfig: where a SPARQL endpoint is and how to talk to it.
//
// JSON form (unknown fields are refused, so typos surface):
//   {
//     "endpoint":  "http://127.0.0.1:8890/sparql",   required, http or https
//     "graph":     "http://example.org/graph",        optional: sent as default-graph-uri
//     "timeout_s": 30,                                optional, 1..600, default 30
//     "method":    "get" | "post",                    optional; default: GET, or a
//                                                      form-encoded POST for long queries
//     "max_bytes": 67108864,                          optional cap on one answer
//     "roles":     {"<bestuursfunctie URI>": "bestuurder", ...}
//                                                      optional: extra role mapping
//   }
// Errors: Error(invalid) with a Dutch message naming the field ("configuratie
// SPARQL-bron, veld 'timeout_s'"). A value type: thread-safe.
#pragma once

#include "core/Json.hpp"

#include <map>
#include <optional>
#include <string>

namespace igsgov::adapters::sparql {

enum class HttpMethod { automatic, get, post };

struct EndpointConfig {
  std::string endpoint;                   // absolute http(s) URL
  std::optional<std::string> graph;       // default-graph-uri
  int timeoutSeconds = 30;
  HttpMethod method = HttpMethod::automatic;
  std::size_t maxBytes = 64u * 1024u * 1024u;
  std::map<std::string, std::string> roles;  // concept URI -> our role name

  static EndpointConfig fromJson(const JsonObject& obj);
  static EndpointConfig fromJsonText(const std::string& text);
  JsonObject toJson() const;
};

}  // namespace igsgov::adapters::sparql
