// JsonLd: writes a Graph as JSON-LD 1.1 in expanded form (application/ld+json):
// an array with one node object per subject, full IRIs as keys, "@type" for
// rdf:type, {"@id"} for IRIs and {"@value", "@type" | "@language"} for
// literals. Expanded form needs no @context, so any JSON-LD processor reads
// the same triples as from the Turtle output. Strings are JSON-escaped by
// core/Json (appendJsonString). Pure function; thread-safe.
#pragma once

#include "linkeddata/Rdf.hpp"

#include <string>

namespace igsgov::linkeddata {

std::string toJsonLd(const Graph& graph);

}  // namespace igsgov::linkeddata
