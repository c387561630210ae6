// Fuzz target "sparql_results": SPARQL 1.1 JSON results
// (adapters/sparql/SparqlResults) as an endpoint answers them, and the
// mapping of result rows to proposed designations
// (adapters/sparql/DesignationQuery::proposalsFromResults, LiteralDate,
// RoleMapping) that `sparql.proposals` runs on them.
//
// Checks: a parsed result set is an ASK answer (boolean, no rows) or a
// SELECT answer whose rows bind only listed variables; written back as
// SPARQL JSON and parsed again it is the same result set; its rows map to
// proposals (or a clean Error) whose JSON can be written. Seeds: the
// answers of tests/unit/sparql (Virtuoso's typed-literal, language tags, ASK)
// and captured LBLOD designation rows (tests/fixtures/sparql).
#include "FuzzSupport.hpp"
#include "adapters/sparql/DesignationQuery.hpp"
#include "adapters/sparql/SparqlResults.hpp"
#include "core/Json.hpp"

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

std::string write(const ResultSet& rs) {
  auto doc = newObject();
  auto head = newObject();
  if (rs.boolean) {
    doc->set("head", head);
    doc->set("boolean", *rs.boolean);
    return toJsonText(doc, false);
  }
  auto vars = newArray();
  for (const auto& v : rs.variables) vars->add(v);
  head->set("vars", vars);
  doc->set("head", head);
  auto bindings = newArray();
  for (const auto& row : rs.rows) {
    auto b = newObject();
    for (const auto& [var, term] : row) {
      auto t = newObject();
      t->set("type", std::string(termKindName(term.kind)));
      t->set("value", term.value);
      if (!term.datatype.empty()) t->set("datatype", term.datatype);
      if (!term.lang.empty()) t->set("xml:lang", term.lang);
      b->set(var, t);
    }
    bindings->add(b);
  }
  auto results = newObject();
  results->set("bindings", bindings);
  doc->set("results", results);
  return toJsonText(doc, false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(fuzz::text(data, size));
  Place where;
  where.set("endpoint", "https://example.org/sparql").set("status", "200");
  ResultSet rs;
  if (!fuzz::refuse("parseSparqlResults", [&] { rs = parseSparqlResults(text, where); })) return 0;
  if (rs.boolean) fuzz::require(rs.rows.empty() && rs.variables.empty(), "an ASK answer with rows or variables");
  for (std::size_t i = 0; i < rs.rows.size(); ++i)
    for (const auto& [var, term] : rs.rows[i]) {
      fuzz::require(std::find(rs.variables.begin(), rs.variables.end(), var) != rs.variables.end(),
                    "a row binds a variable that head.vars does not list: " + var);
      fuzz::require(rs.get(i, var) != nullptr && *rs.get(i, var) == term, "get() misses a binding");
    }
  std::string again = write(rs);
  ResultSet back;
  fuzz::refuse("parseSparqlResults(written)", [&] { back = parseSparqlResults(again, where); });
  fuzz::require(back.variables == rs.variables && back.rows == rs.rows && back.boolean == rs.boolean,
                "a result set written and parsed again differs:\n" + again);

  std::vector<ProposedDesignation> proposals;
  std::map<std::string, std::string> roleMap;
  if (fuzz::refuse("proposalsFromResults", [&] { proposals = proposalsFromResults(rs, roleMap); }))
    (void)toJsonText(toJson(proposals));
  return 0;
}
