// Operations on designations proposed by a SPARQL source (LBLOD):
// sparql.proposals (read the endpoint, store as pending), sparql.list,
// sparql.accept (-> mandate, person created if needed, one journal entry)
// and sparql.reject. The logic is in sync/Proposals.hpp.
#include "ops/Catalogue.hpp"
#include "sync/Proposals.hpp"

namespace igsgov::ops {

void addSparqlOperations(Catalogue& c) {
  Operation fetch;
  fetch.name = "sparql.proposals";
  fetch.summary = "Lees aanduidingen uit een SPARQL-bron (LBLOD) en bewaar ze als voorstellen";
  fetch.access = Access::write;
  fetch.roles = kWriterRoles;
  fetch.params = {{"endpoint", "string", false, "URL van het SPARQL-endpoint"},
                  {"graph", "string", false, "standaardgraaf (default-graph-uri)"},
                  {"source", "object", false, "volledige bronconfiguratie {endpoint, graph, timeout_s, roles...}"},
                  {"igs", "string", false, "enkel deze bestuurseenheid (IRI)"},
                  {"body_iri", "string", false, "enkel dit bestuursorgaan (IRI)"}};
  fetch.cli = {"sparql", "proposals"};
  fetch.write = sync::storeProposals;
  c.add(std::move(fetch));

  Operation list;
  list.name = "sparql.list";
  list.summary = "Lijst van de bewaarde SPARQL-voorstellen";
  list.access = Access::read;
  list.roles = kAllRoles;
  list.params = {{"status", "string", false, "pending | accepted | rejected"}};
  list.cli = {"sparql", "list"};
  list.read = sync::listProposals;
  list.text = sync::proposalsText;
  c.add(std::move(list));

  Operation accept;
  accept.name = "sparql.accept";
  accept.summary = "Aanvaard een voorstel: het wordt een mandaat (persoon aangemaakt indien nodig)";
  accept.access = Access::write;
  accept.roles = kWriterRoles;
  accept.params = {{"id", "string", true, "id van het voorstel"},
                   {"body", "string", true, "id van het orgaan in het register"},
                   {"seat", "string", false, "id van de zetel"},
                   {"member", "string", false, "id van de deelnemer die aanduidde (anders gezocht op gemeentenaam)"},
                   {"person", "string", false, "bestaande persoon (anders gezocht op URI of aangemaakt)"},
                   {"mandate", "string", false, "id van het nieuwe mandaat (standaard m-<voorstel>)"},
                   {"role", "string", false, "rol, als het voorstel ze niet kent"},
                   {"from", "date", false, "begindatum, als het voorstel ze niet (goed) kent"},
                   {"reason", "string", false, "waarom (komt in het journaal)"}};
  accept.cli = {"sparql", "accept"};
  accept.write = sync::acceptProposal;
  c.add(std::move(accept));

  Operation reject;
  reject.name = "sparql.reject";
  reject.summary = "Wijs een voorstel af (met reden)";
  reject.access = Access::write;
  reject.roles = kWriterRoles;
  reject.params = {{"id", "string", true, "id van het voorstel"}, {"reason", "string", true, "waarom"}};
  reject.cli = {"sparql", "reject"};
  reject.write = sync::rejectProposal;
  c.add(std::move(reject));
}

}  // namespace igsgov::ops
