// Namespaces: the prefixes the Turtle output declares (the LBLOD/OSLO ones come
// from adapters/sparql/LblodVocabulary.hpp, the one place for those IRIs), and
// igsgov's own small vocabulary for what OSLO has no term for.
#pragma once

#include "linkeddata/Turtle.hpp"

#include <string_view>

namespace igsgov::linkeddata {

// igsgov's terms: igsgov:fictief (xsd:boolean) marks a fictitious person
// (sample and test data). A w3id.org IRI so it can be made to resolve later.
inline constexpr std::string_view kIgsgovNs = "https://w3id.org/igsgov/ns#";

// prefix -> namespace for every vocabulary the export uses, plus "id" for the base.
Prefixes exportPrefixes(const std::string& base);

}  // namespace igsgov::linkeddata
