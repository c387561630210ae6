// HTTP status for each igsgov::ErrorCode, and the JSON error body that REST
// responses carry: the same {"code","number","message","place"} object the C
// ABI returns as igsgov_error.detail, so hosts handle both alike.
//
//   invalid, argument -> 400   notFound -> 404     conflict -> 409
//   denied            -> 403   busy     -> 503     unsupported -> 501
//   integrity, io, internal, generic -> 500 (the register or the server is at fault)
// 401 (no or unknown token) and 413 (body too large) are decided by the
// service before an operation runs; their bodies use code "denied" resp. "invalid".
// Pure functions, thread-safe.
#pragma once

#include "core/Error.hpp"

#include <string>

namespace igsgov::service {

int httpStatus(ErrorCode code);
// Compact JSON text of the error body.
std::string errorBody(const Error& e);

}  // namespace igsgov::service
