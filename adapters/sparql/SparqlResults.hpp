// SPARQL 1.1 query results in JSON (W3C "application/sparql-results+json"):
// the value types and a strict parser.
//
// Contract
//   - parseSparqlResults() accepts a SELECT answer ({"head": {"vars": [...]},
//     "results": {"bindings": [...]}}) or an ASK answer ({"head": {}, "boolean": b}).
//     Every bound value must be an object with a string "type" and a string
//     "value"; "type" is uri, literal, bnode or the legacy typed-literal (Virtuoso
//     still sends it), which becomes a literal with its datatype. "xml:lang" and
//     "datatype" are kept. A variable that is unbound in a row is absent from it.
//   - Anything else (not JSON, a missing "head", a binding value without
//     "type", an unknown type, a variable not listed in head.vars) is refused
//     with Error(invalid); the place is the caller's `where` (endpoint, HTTP
//     status) plus "part" naming the JSON path, e.g. results.bindings[3].naam.
//   - Pure functions and value types: thread-safe, no shared state.
#pragma once

#include "core/Error.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::adapters::sparql {

enum class TermKind { uri, literal, bnode };

// One RDF term as bound in a result row.
struct RdfTerm {
  TermKind kind = TermKind::literal;
  std::string value;
  std::string datatype;  // literals only; "" when plain
  std::string lang;      // literals only; "" when none

  bool isUri() const { return kind == TermKind::uri; }
  bool isLiteral() const { return kind == TermKind::literal; }
  bool operator==(const RdfTerm&) const = default;
};

using Row = std::map<std::string, RdfTerm>;

struct ResultSet {
  std::vector<std::string> variables;  // head.vars, in order
  std::vector<Row> rows;               // results.bindings, in order
  std::optional<bool> boolean;         // set for an ASK answer only

  // The term bound to `var` in row `i`, or nullptr when unbound.
  const RdfTerm* get(std::size_t i, const std::string& var) const;
};

// Parses the text of a SPARQL JSON results document. `where` is copied into
// the place of every error (typically {"endpoint": url, "status": "200"}).
ResultSet parseSparqlResults(const std::string& text, const Place& where = {});

const char* termKindName(TermKind kind);

}  // namespace igsgov::adapters::sparql
