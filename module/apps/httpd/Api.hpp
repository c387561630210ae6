// The REST API of igsgovd: every catalogue operation at /api/v1/<name>.
//
//   GET  /api/v1/health        public; 200 when the register can be read
//   GET  /api/v1/openapi.json  public; the OpenAPI 3.0 document (service/OpenApi.hpp)
//   POST /api/v1/<operation>   JSON object body (empty body = {}), any operation
//   GET  /api/v1/<operation>   query parameters, read operations only
//
// Operations need "Authorization: Bearer <secret>" of a current token
// (service/Tokens.hpp); the token's role and name become the Caller's role and
// actor, and Session::execute enforces the operation's roles. A wrong token
// counts as a failed login of the client's address (service/LoginThrottle.hpp):
// once the address has spent its budget, every token from it is answered 429
// with Retry-After until the wait is over. Errors are JSON bodies
// {"code","number","message","place"} with the status of
// service/HttpErrors.hpp; 401 for a missing or unknown token, 405 for a wrong
// method, 413 for a body over limits.max_body_bytes, 408 for a body that did
// not arrive within limits.body_timeout_seconds, 422 for an answer over
// limits.max_response_bytes or an operation's own limit.
//
// Thread safety: one ApiContext is shared by all server threads; it is
// immutable after construction except the Session, which serialises calls.
#pragma once

#include "Config.hpp"
#include "ops/Session.hpp"
#include "service/LoginThrottle.hpp"
#include "web/Site.hpp"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace igsgov::httpd {

struct ApiContext {
  Config config;
  std::unique_ptr<ops::Session> session;
  std::string openApiJson;  // generated once at start
  std::shared_ptr<spdlog::logger> log;
  std::string version;
  std::unique_ptr<service::LoginThrottle> throttle;  // failed logins, REST and intranet alike
  std::unique_ptr<web::OidcSignIn> oidc;  // OpenID Connect sign-in (null without providers)
  std::unique_ptr<web::Site> site;  // the intranet pages (Intranet.hpp), on the same Session
};

class ApiHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  explicit ApiHandlerFactory(ApiContext& ctx) : ctx_(ctx) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
  ApiContext& ctx_;
};

}  // namespace igsgov::httpd
