// OpenAPI 3.0 document of the REST API, generated from the operation catalogue.
//
// Input is the catalogue's description (ops::Catalogue::describe(), the same
// JSON igsgov_catalogue() returns), so this area does not depend on ops and a
// host can generate the document from the C ABI too. Every read or write
// operation becomes POST /api/v1/<name> with a JSON body schema built from its
// params; read operations also get GET /api/v1/<name> with the params that fit
// in a query string (object, array and path params only in a POST body).
// Operations that create a register
// (access "create") are not served over HTTP and are left out. Each operation
// lists its roles (description and x-igsgov-roles), its result schema
// (Operation::result), the error responses with examples, and a relative server.
// Pure function, thread-safe; throws Error(internal) on a malformed description.
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov::service {

JsonObject openApiDocument(const JsonObject& catalogueDescription, const std::string& version);

// True when a param of this catalogue type can travel in a query string.
bool isQueryType(const std::string& type);

}  // namespace igsgov::service
