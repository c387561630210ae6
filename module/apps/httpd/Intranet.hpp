// igsgovd's HTTP side of the intranet pages (module/src/web): turns a Poco
// request into a web::Request, lets web::Site answer it, writes the answer
// with the security headers every page carries (Content-Security-Policy
// without scripts, frame-ancestors 'none', nosniff, no-store for pages) and
// logs one line per request (never the body, the cookie or a token).
//
// ServiceHandlerFactory sends "/" and /intranet[/...] to the intranet and
// every other path to the REST API (Api.hpp), which answers unknown paths
// with its JSON 404.
#pragma once

#include "Api.hpp"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace igsgov::httpd {

class ServiceHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  explicit ServiceHandlerFactory(ApiContext& ctx) : ctx_(ctx), api_(ctx) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
  ApiContext& ctx_;
  ApiHandlerFactory api_;
};

}  // namespace igsgov::httpd
