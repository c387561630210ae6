// MandatenTerms: the classes and properties the linked-data export writes, as
// full IRIs built from the namespaces of adapters/sparql/LblodVocabulary.hpp
// (one place for the LBLOD IRIs) and Namespaces.hpp. Constants; thread-safe.
#pragma once

#include "adapters/sparql/LblodVocabulary.hpp"
#include "linkeddata/Namespaces.hpp"

#include <string>
#include <string_view>

namespace igsgov::linkeddata::terms {

namespace v = adapters::sparql::vocab;

inline std::string ns(std::string_view nsIri, const char* local) { return std::string(nsIri) + local; }

inline const std::string kType = ns(v::kRdf, "type");
inline const std::string kComment = ns(v::kRdfs, "comment");
inline const std::string kPrefLabel = ns(v::kSkos, "prefLabel");
inline const std::string kConcept = ns(v::kSkos, "Concept");
inline const std::string kConceptScheme = ns(v::kSkos, "ConceptScheme");
inline const std::string kInScheme = ns(v::kSkos, "inScheme");
inline const std::string kNotation = ns(v::kSkos, "notation");
inline const std::string kBestuurseenheid = ns(v::kBesluit, "Bestuurseenheid");
inline const std::string kBestuursorgaan = ns(v::kBesluit, "Bestuursorgaan");
inline const std::string kClassificatie = ns(v::kBesluit, "classificatie");
inline const std::string kBestuurt = ns(v::kBesluit, "bestuurt");
inline const std::string kTijdspecialisatie = ns(v::kMandaat, "isTijdspecialisatieVan");
inline const std::string kBindingStart = ns(v::kMandaat, "bindingStart");
inline const std::string kBindingEinde = ns(v::kMandaat, "bindingEinde");
inline const std::string kHasPost = ns(v::kOrg, "hasPost");
inline const std::string kRole = ns(v::kOrg, "role");
inline const std::string kMandaat = ns(v::kMandaat, "Mandaat");
inline const std::string kMandataris = ns(v::kMandaat, "Mandataris");
inline const std::string kAlias = ns(v::kMandaat, "isBestuurlijkeAliasVan");
inline const std::string kHolds = ns(v::kOrg, "holds");
inline const std::string kStart = ns(v::kMandaat, "start");
inline const std::string kEinde = ns(v::kMandaat, "einde");
inline const std::string kStatus = ns(v::kMandaat, "status");
inline const std::string kHasMembership = ns(v::kOrg, "hasMembership");
inline const std::string kMembership = ns(v::kOrg, "Membership");
inline const std::string kOrganisation = ns(v::kOrg, "organisation");
inline const std::string kFractie = ns(v::kMandaat, "Fractie");
inline const std::string kLegalName = ns(v::kRegorg, "legalName");
inline const std::string kMemberOf = ns(v::kOrg, "memberOf");
inline const std::string kOrganization = ns(v::kOrg, "Organization");
inline const std::string kPerson = ns(v::kPerson, "Person");
inline const std::string kVoornaam = ns(v::kPersoonHttp, "gebruikteVoornaam");
inline const std::string kFamilyName = ns(v::kFoaf, "familyName");
inline const std::string kName = ns(v::kFoaf, "name");
inline const std::string kFictief = ns(kIgsgovNs, "fictief");
inline const std::string kBesluit = ns(v::kBesluit, "Besluit");
inline const std::string kBekrachtigt = ns(v::kMandaat, "bekrachtigtAanstellingVan");
inline const std::string kIdLocal = ns(v::kEli, "id_local");
inline const std::string kPassedBy = ns(v::kEli, "passed_by");
inline const std::string kGeneratedBy = ns(v::kProv, "wasGeneratedBy");
inline const std::string kGenerated = ns(v::kProv, "generated");
inline const std::string kBehandeling = ns(v::kBesluit, "BehandelingVanAgendapunt");
inline const std::string kSubject = ns(v::kDct, "subject");
inline const std::string kAgendapunt = ns(v::kBesluit, "Agendapunt");
inline const std::string kZitting = ns(v::kBesluit, "Zitting");
inline const std::string kGehoudenDoor = ns(v::kBesluit, "isGehoudenDoor");
inline const std::string kGeplandeStart = ns(v::kBesluit, "geplandeStart");
inline const std::string kBehandelt = ns(v::kBesluit, "behandelt");
inline const std::string kIdentifier = ns(v::kAdms, "identifier");
inline const std::string kIdentifierClass = ns(v::kAdms, "Identifier");
inline const std::string kDctType = ns(v::kDct, "type");

}  // namespace igsgov::linkeddata::terms
