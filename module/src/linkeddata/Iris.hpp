// Iris: the IRIs of the linked-data export.
//
//   checkBaseUri   the configured base under which every minted IRI lives: an
//                  absolute http(s) IRI ending in '/', without query, fragment,
//                  white space or characters Turtle cannot hold between < and >.
//   segment        one path segment made from register text (ids, role names,
//                  dates): every byte outside [A-Za-z0-9._~-] percent-encoded.
//   externalIri    an IRI the register holds as text (a person's uri, a
//                  decision's uri): must start with a scheme ("https:"); bytes
//                  that may not appear in an IRI (controls, space, <>"{}|\^`)
//                  are percent-encoded, so the result is always a valid IRIREF.
//
// Pure functions; thread-safe. Failure: Error(invalid) with the given place.
#pragma once

#include "core/Error.hpp"

#include <string>

namespace igsgov::linkeddata {

std::string checkBaseUri(const std::string& base, const Place& place);
std::string segment(const std::string& text);
std::string externalIri(const std::string& text, const Place& place);
// True when `iri` holds no character an IRIREF cannot hold (what the three above guarantee).
bool iriSafe(const std::string& iri);

}  // namespace igsgov::linkeddata
