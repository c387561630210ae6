// Whole HTTP answers to problems found below the handlers, by the gate or
// around a request (408, 411, 400 framing, 431, 503, 500): the status line,
// "Connection: close", the JSON error body of every REST error
// (service/HttpErrors.hpp) and its length, ready to be written as they are.
// The connection is closed after such an answer. Pure functions, thread-safe.
#pragma once

#include "core/Error.hpp"

#include <string>

namespace igsgov::httpd {

// retryAfter > 0 adds "Retry-After: <seconds>".
std::string errorReply(int status, const Error& error, int retryAfter = 0);

}  // namespace igsgov::httpd
