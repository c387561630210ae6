// Publish: the register as OSLO Mandaten linked data, the "turtle" and "jsonld"
// formats of the register.export operation (ops/RegisterOps.cpp).
//
// Input:  {"format": "turtle" | "jsonld", "base_uri": "https://.../"?}
//         base_uri absent: $IGSGOV_BASE_URI; igsgovd fills it from its setting
//         linked_data.base_uri (docs/igsgovd.md). Neither: Error(invalid).
// Output: {"format", "media_type": "text/turtle; charset=utf-8" | "application/ld+json",
//          "content": the document, "base_uri", "triples": n, "journal": {seq, hash}}
//         REST answers `content` itself with `media_type` (Operation::content),
//         the CLI prints it.
//
// Reads only (one read transaction, the interchange export's snapshot).
// Thread safety: as the Database given. Failure: Error(invalid) for a bad
// format or base URI (field named) and for an unusable URI in the register.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

#include <set>
#include <string>

namespace igsgov::linkeddata {

// The formats publishRegister writes.
const std::set<std::string>& publishFormats();

JsonObject publishRegister(store::Database& db, const JsonObject& in);

}  // namespace igsgov::linkeddata
