// Turtle: writes a Graph as RDF 1.1 Turtle (text/turtle), one block per
// subject, with @prefix lines for the namespaces given.
//
// Literals are written between double quotes with \" \\ \n \r \t \b \f escaped
// and every other control character as \uXXXX (core/Json's appendJsonString: its
// escapes are all valid Turtle escapes), so any register text (quotes, new
// lines, '>') stays one literal. IRIs are written as prefixed names when the
// local part is plain ([A-Za-z0-9_-]), else between < and >; an IRI holding a
// character an IRIREF cannot hold is a programming error (Iris.hpp makes every
// IRI safe first): Error(internal).
//
// Pure function; thread-safe.
#pragma once

#include "linkeddata/Rdf.hpp"

#include <string>
#include <utility>
#include <vector>

namespace igsgov::linkeddata {

using Prefixes = std::vector<std::pair<std::string, std::string>>;  // prefix, namespace IRI

std::string toTurtle(const Graph& graph, const Prefixes& prefixes);

}  // namespace igsgov::linkeddata
