// DesignationQuery: the SPARQL query that reads, from OSLO Mandaten + Besluit
// data, the designations of persons to seats in IGS bodies, and the mapping of
// its result rows to ProposedDesignation values.
//
// The query (see designationQuery() and docs/dev/sparql.md for the table):
//   ?mandataris a mandaat:Mandataris ; mandaat:isBestuurlijkeAliasVan ?persoon ;
//               org:holds ?mandaat .  ?mandaat org:role ?rol .
//   the seat is org:hasPost of a besluit:Bestuursorgaan, directly or through its
//   time specialisation (mandaat:isTijdspecialisatieVan, or generiek:…), and that
//   orgaan besluit:bestuurt the IGS (a besluit:Bestuurseenheid).
//   Optional: names, labels, classification, start/einde/status, fractie via
//   org:hasMembership/org:organisation, and the besluit:Besluit that
//   mandaat:bekrachtigtAanstellingVan the mandataris with its publication date,
//   zitting date, eli:passed_by orgaan and that orgaan's bestuurseenheid.
//   Only bestuurseenheden that are not gemeenten are IGS candidates, so a
//   gemeente's own council mandates (also in LBLOD) are never proposed.
//
// Results are read in pages (LIMIT/OFFSET over a total ORDER BY) because public
// endpoints cap the rows of one answer. Rows are grouped per mandataris; a
// multi-valued field keeps one value chosen deterministically (Dutch or
// untagged label first, then the smallest), decisions are all kept.
//
// Thread safety: free functions; readProposals uses the given client (see
// SparqlClient for its rules). Failure: Error(invalid) for a bad IRI option or
// unusable rows (place: endpoint, part), io/invalid from the client.
#pragma once

#include "adapters/sparql/ProposedDesignation.hpp"
#include "adapters/sparql/SparqlClient.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::adapters::sparql {

struct DesignationQueryOptions {
  std::optional<std::string> igs;   // only this bestuurseenheid (IRI)
  std::optional<std::string> body;  // only this bestuursorgaan (IRI, not in time)
  int pageSize = 2000;              // rows per request
};

// Throws Error(invalid) when an IRI option is not an absolute IRI that can be
// written between < and > (no spaces, quotes, angle brackets, braces, ...).
std::string designationQuery(const DesignationQueryOptions& options, int limit = 0, int offset = 0);

// Groups the rows (as returned by designationQuery) into proposals, ordered by
// IGS, body, person name, start, source URI.
std::vector<ProposedDesignation> proposalsFromResults(const ResultSet& rows,
                                                      const std::map<std::string, std::string>& roleMap);

// Runs the query page by page through `client` and maps the rows.
std::vector<ProposedDesignation> readProposals(SparqlClient& client, const DesignationQueryOptions& options);

// The operation the lead exposes as "sparql.proposals".
// Input:  {"source": <EndpointConfig JSON>, "igs": iri?, "body": iri?}
// Output: {"endpoint": url, "count": n, "proposals": [ProposedDesignation...]}
JsonObject proposalsOperation(const JsonObject& input);

}  // namespace igsgov::adapters::sparql
