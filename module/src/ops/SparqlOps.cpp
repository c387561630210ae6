// Operations on designations proposed by a SPARQL source (LBLOD):
// sparql.proposals (read a named source, store as pending), sparql.list,
// sparql.accept (-> mandate, person created if needed, one journal entry)
// and sparql.reject. The logic is in sync/Proposals.hpp. sparql.proposals is
// a runOp: it reads the network before it opens its one write.
#include "ops/OpBuilders.hpp"
#include "sync/Proposals.hpp"

namespace igsgov::ops {

void addSparqlOperations(Catalogue& c) {
  c.add(runOp("sparql.proposals", "Lees aanduidingen uit een ingestelde SPARQL-bron (LBLOD) en bewaar ze als voorstellen",
              {{"source", "string", true, "naam van de SPARQL-bron in de SPARQL-configuratie"},
               {"config", "path", false, "SPARQL-configuratie (standaard $IGSGOV_SPARQL_CONFIG of sparql.json naast het register)",
                "sparql_config"},
               {"igs", "string", false, "enkel deze bestuurseenheid (IRI)"},
               {"body_iri", "string", false, "enkel dit bestuursorgaan (IRI)"}},
              sync::fetchProposals),
        rs::written({{"endpoint", rs::text()}, {"count", rs::integer()}, {"added", rs::integer()}, {"updated", rs::integer()},
                     {"unchanged", rs::integer()}, {"changed_after_decision", rs::integer()}, {"ids", rs::list(rs::text())}}));
  c.add(readOp("sparql.list", "Lijst van de bewaarde SPARQL-voorstellen",
               {{"status", "string", false, "pending | accepted | rejected"}}, sync::listProposals,
               sync::proposalsText), rs::object({{"proposals", rs::list(rs::any())}}));
  c.add(writeOp("sparql.accept", "Aanvaard een voorstel: het wordt een mandaat (persoon aangemaakt indien nodig)",
                {{"id", "string", true, "id van het voorstel"},
                 {"body", "string", true, "id van het orgaan in het register"},
                 {"seat", "string", false, "id van de zetel"},
                 {"member", "string", false, "id van de deelnemer die aanduidde (anders gezocht op gemeentenaam)"},
                 {"person", "string", false, "bestaande persoon (anders gezocht op URI of aangemaakt)"},
                 {"mandate", "string", false, "id van het nieuwe mandaat (standaard m-<voorstel>)"},
                 {"role", "string", false, "rol, als het voorstel ze niet kent"},
                 {"from", "date", false, "begindatum, als het voorstel ze niet (goed) kent"},
                 kReasonParam},
                sync::acceptProposal),
        rs::written({{"id", rs::text()}, {"status", rs::oneOf({"accepted"})}, {"person", rs::text()},
                     {"person_created", rs::boolean()}, {"mandate", rs::mandate()}}));
  c.add(writeOp("sparql.reject", "Wijs een voorstel af (met reden)",
                {{"id", "string", true, "id van het voorstel"}, {"reason", "string", true, "waarom"}},
                sync::rejectProposal),
        rs::written({{"id", rs::text()}, {"status", rs::oneOf({"rejected"})}, {"reason", rs::text()}}));
  // Proposals come from outside the register and are listed for the whole
  // register; accepting one writes a mandate in the body's cooperation.
  c.setScope("sparql.accept", refs({{"body", Ref::body}, {"seat", Ref::seat}, {"member", Ref::member}}));
}

}  // namespace igsgov::ops
