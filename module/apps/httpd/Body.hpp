// Reading a request's body for igsgovd's handlers (REST and intranet), at
// most `limit` bytes, and telling apart why a body is not there whole:
//
//   ok        the whole body (possibly empty)
//   tooLarge  more than `limit` bytes declared or sent (413); reading stops
//             at the limit, the connection is then closed
//   timedOut  it did not arrive within limits.body_timeout_seconds (408)
//   broken    the client broke off, or sent malformed chunks (400)
//
// A body that is not ok is never handed on: a truncated form or JSON text
// could otherwise still parse and change the register.
// Thread safety: one request per call, no shared state.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <string>

namespace igsgov::httpd {

struct Body {
  enum class Result { ok, tooLarge, timedOut, broken };
  Result result = Result::ok;
  std::string bytes;
};

Body readBody(Poco::Net::HTTPServerRequest& request, long long limit);

}  // namespace igsgov::httpd
