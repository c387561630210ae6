#include "service/HttpErrors.hpp"

#include "core/Json.hpp"

namespace igsgov::service {

int httpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok: return 200;
    case ErrorCode::invalid:
    case ErrorCode::argument: return 400;
    case ErrorCode::notFound: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::denied: return 403;
    case ErrorCode::busy: return 503;
    case ErrorCode::unsupported: return 501;
    case ErrorCode::integrity:
    case ErrorCode::io:
    case ErrorCode::internal:
    case ErrorCode::generic: return 500;
  }
  return 500;
}

int httpStatus(const Error& e) {
  if (e.errorCode() == ErrorCode::invalid && e.place().fields.count("limit")) return 422;
  return httpStatus(e.errorCode());
}

std::string errorBody(const Error& e) { return toJsonText(e.toJson(), false); }

}  // namespace igsgov::service
