// What igsgovd serves with, made from its configuration: the API context
// (register session, login throttle, intranet site, OpenAPI document), the
// gate's limits and the workers' exchange settings. main.cpp builds the
// daemon from these; the fuzz target of the request path
// (tests/fuzz/targets/http.cpp) builds the same service in-process, so both
// run one request path.
//
// Thread safety: called once, before serving. Failure: igsgov::Error from
// opening the register (Session) or from the configuration's files.
#pragma once

#include "Api.hpp"
#include "Exchange.hpp"
#include "Gate.hpp"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>

namespace igsgov::httpd {

// Opens ctx.config's register and fills the rest of ctx from ctx.config and
// ctx.version; ctx.log must be set.
void openService(ApiContext& ctx);

GateLimits gateLimits(const Config& c);

ExchangeContext exchangeContext(const Config& c, Poco::Net::HTTPRequestHandlerFactory& factory,
                                const std::atomic<bool>& stopping);

}  // namespace igsgov::httpd
