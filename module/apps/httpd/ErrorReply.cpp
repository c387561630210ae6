#include "ErrorReply.hpp"

#include "service/HttpErrors.hpp"

#include <Poco/Net/HTTPResponse.h>

namespace igsgov::httpd {

std::string errorReply(int status, const Error& error, int retryAfter) {
  std::string body = service::errorBody(error);
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " +
                    Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status)) +
                    "\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n";
  if (retryAfter > 0) out += "Retry-After: " + std::to_string(retryAfter) + "\r\n";
  out += "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  return out + body;
}

}  // namespace igsgov::httpd
