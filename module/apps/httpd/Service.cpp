#include "Service.hpp"

#include "service/OpenApi.hpp"

#include <Poco/Net/HTTPServerParams.h>

namespace igsgov::httpd {

void openService(ApiContext& ctx) {
  // Operations that keep files for a remote caller (documents.generate) keep them in the documents folder.
  ctx.config.files["intranet.documents_dir"] = documentsFolder(ctx.config);
  const Config& c = ctx.config;
  records::OpenOptions openOptions;
  openOptions.signingKeyFile = c.signingKey;
  ctx.session = std::make_unique<ops::Session>(c.registerPath, false, openOptions);
  web::SiteOptions siteOptions;
  siteOptions.tls = c.tls();
  siteOptions.version = ctx.version;
  siteOptions.sessions.idle = std::chrono::minutes(c.sessionIdleMinutes);
  siteOptions.sessions.lifetime = std::chrono::hours(c.sessionMaxHours);
  siteOptions.sessions.maxSessions = static_cast<std::size_t>(c.maxSessions);
  siteOptions.sessions.perAccount = static_cast<std::size_t>(c.sessionsPerUser);
  siteOptions.documentsDir = documentsFolder(c);
  siteOptions.files = c.files;
  // An uploaded file cannot be larger than the body that carries it.
  siteOptions.maxUploadBytes = static_cast<std::size_t>(c.maxBodyBytes);
  ctx.throttle = std::make_unique<service::LoginThrottle>(service::ThrottleLimits{
      c.failedLoginBurst, std::chrono::seconds(c.failedLoginRefillSeconds), 100000});
  siteOptions.throttle = ctx.throttle.get();
  if (!c.oidcProviders.empty()) {
    ctx.oidc = std::make_unique<web::OidcSignIn>(c.oidcProviders);
    siteOptions.oidc = ctx.oidc.get();
  }
  ctx.site = std::make_unique<web::Site>(*ctx.session, siteOptions);
  ctx.openApiJson = toJsonText(service::openApiDocument(ops::catalogue().describe(), ctx.version), false);
}

GateLimits gateLimits(const Config& c) {
  GateLimits limits;
  limits.maxConnections = static_cast<std::size_t>(c.maxConnections);
  limits.maxPerAddress = static_cast<std::size_t>(c.maxConnectionsPerAddress);
  limits.maxHeaderBytes = static_cast<std::size_t>(c.maxHeaderBytes);
  limits.maxQueued = c.maxQueued;
  limits.maxThreads = c.maxThreads;
  limits.maxBodyBytes = static_cast<std::size_t>(c.maxBodyBytes);
  limits.maxBufferedBodyBytes = static_cast<std::size_t>(c.maxBufferedBodyBytes);
  limits.header = std::chrono::seconds(c.headerTimeoutSeconds);
  limits.body = std::chrono::seconds(c.bodyTimeoutSeconds);
  limits.keepAlive = std::chrono::seconds(c.keepAliveSeconds);
  return limits;
}

ExchangeContext exchangeContext(const Config& c, Poco::Net::HTTPRequestHandlerFactory& factory,
                                const std::atomic<bool>& stopping) {
  ExchangeContext exchange;
  exchange.factory = &factory;
  exchange.params = new Poco::Net::HTTPServerParams;
  exchange.params->setKeepAlive(c.keepAliveSeconds > 0);
  exchange.body = std::chrono::seconds(c.bodyTimeoutSeconds);
  exchange.response = std::chrono::seconds(c.responseTimeoutSeconds);
  exchange.keepAlive = c.keepAliveSeconds > 0;
  exchange.stopping = &stopping;
  return exchange;
}

}  // namespace igsgov::httpd
