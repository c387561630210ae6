// LblodVocabulary: the namespace IRIs and code-list concepts of OSLO Mandaten /
// Besluit (LBLOD) that the SPARQL adapter reads and the linked-data export
// (module/src/linkeddata) writes: one place for these IRIs. Constants and pure
// lookups in both directions over the same tables; thread-safe.
//
// Sources (checked 2025): data.vlaanderen.be/ns/mandaat and /ns/besluit, the
// "Mandatendatabank" model notes of lblod (app-lokaal-mandatenbeheer), and the
// code lists used by the lblod applications. See docs/dev/sparql.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace igsgov::adapters::sparql::vocab {

// Namespaces. Note the mix of http and https: that is how LBLOD publishes them.
inline constexpr std::string_view kMandaat = "http://data.vlaanderen.be/ns/mandaat#";
inline constexpr std::string_view kBesluit = "http://data.vlaanderen.be/ns/besluit#";
inline constexpr std::string_view kPersoonHttp = "http://data.vlaanderen.be/ns/persoon#";    // used by LBLOD data
inline constexpr std::string_view kPersoonHttps = "https://data.vlaanderen.be/ns/persoon#";  // the OSLO IRI
inline constexpr std::string_view kGeneriek = "https://data.vlaanderen.be/ns/generiek#";
inline constexpr std::string_view kOrg = "http://www.w3.org/ns/org#";
inline constexpr std::string_view kRegorg = "http://www.w3.org/ns/regorg#";
inline constexpr std::string_view kPerson = "http://www.w3.org/ns/person#";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kEli = "http://data.europa.eu/eli/ontology#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kDct = "http://purl.org/dc/terms/";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kAdms = "http://www.w3.org/ns/adms#";

// BestuursorgaanClassificatieCode of a gemeenteraad.
inline constexpr std::string_view kGemeenteraad =
    "http://data.vlaanderen.be/id/concept/BestuursorgaanClassificatieCode/5ab0e9b8a3b2ca7c5e000005";
// BestuurseenheidClassificatieCode of a gemeente.
inline constexpr std::string_view kGemeente =
    "http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001";

// Legal form of an IGS from its BestuurseenheidClassificatieCode: "projectvereniging",
// "dienstverlenende_vereniging", "opdrachthoudende_vereniging",
// "opdrachthoudende_vereniging_private_deelname", "welzijnsvereniging",
// "ocmw_vereniging"; nullopt for any other code.
std::optional<std::string> legalFormOf(const std::string& classificationUri);

// The inverse: the BestuurseenheidClassificatieCode of one of those legal forms;
// nullopt for other names (interlokale_vereniging has no LBLOD code).
std::optional<std::string> legalFormConcept(const std::string& legalForm);

// MandatarisStatusCode -> "effectief", "verhinderd", "waarnemend",
// "titelvoerend"; nullopt for any other code.
std::optional<std::string> statusOf(const std::string& statusUri);
// The inverse: the MandatarisStatusCode of one of those four names; nullopt otherwise.
std::optional<std::string> statusConcept(const std::string& status);

}  // namespace igsgov::adapters::sparql::vocab
