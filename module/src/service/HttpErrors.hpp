// HTTP status for each igsgov::ErrorCode, and the JSON error body that REST
// responses carry: the same {"code","number","message","place"} object the C
// ABI returns as igsgov_error.detail, so hosts handle both alike.
//
//   invalid, argument -> 400   notFound -> 404     conflict -> 409
//   denied            -> 403   busy     -> 503     unsupported -> 501
//   integrity, io, internal, generic -> 500 (the register or the server is at fault)
// An `invalid` error whose place names a "limit" (a cap of the service or of
// an operation: text per document, response size, ...) is 422: the request was
// well formed but asks for more than the service gives one request.
// 401 (no or unknown token), 413 (body too large), 429 (too many failed
// logins) and the connection-level 400/408/411/431/503 are decided by the
// service itself (module/apps/httpd); their bodies use the same shape.
// Pure functions, thread-safe.
#pragma once

#include "core/Error.hpp"

#include <string>

namespace igsgov::service {

int httpStatus(ErrorCode code);
// httpStatus(e.errorCode()), except 422 for an invalid error with a "limit" in its place.
int httpStatus(const Error& e);
// Compact JSON text of the error body.
std::string errorBody(const Error& e);

}  // namespace igsgov::service
