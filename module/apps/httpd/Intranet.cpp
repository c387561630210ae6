#include "Intranet.hpp"

#include "Body.hpp"
#include "Log.hpp"
#include "service/ClientKey.hpp"
#include "web/Site.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <chrono>
#include <istream>
#include <string_view>

namespace igsgov::httpd {

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

class IntranetHandler : public Poco::Net::HTTPRequestHandler {
public:
  explicit IntranetHandler(ApiContext& ctx) : ctx_(ctx) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& resp) override {
    auto start = std::chrono::steady_clock::now();
    Poco::URI uri(req.getURI());
    web::Request in;
    in.method = req.getMethod();
    in.path = uri.getPath();
    in.query = uri.getRawQuery();
    in.cookieHeader = req.get("Cookie", "");
    in.contentType = req.getContentType();
    in.client = service::clientKey(req.clientAddress().host());
    in.host = req.get("Host", "");  // getHost() throws when the header is absent (a 500, found by fuzz.run.http)
    web::Response out;
    Body body;
    if (in.method == "POST") body = readBody(req, ctx_.config.maxBodyBytes);
    if (body.result != Body::Result::ok) {
      out.contentType = "text/plain; charset=utf-8";
      if (body.result == Body::Result::tooLarge) {
        out.status = 413;
        // Also the answer to a file upload over the limit (statuten versions): say what to do.
        out.body = "Het formulier is te groot (hoogstens " + std::to_string(ctx_.config.maxBodyBytes) +
                   " bytes, instelling limits.max_body_bytes). Een opgeladen bestand moet binnen die grens passen: "
                   "ga terug en kies een kleiner bestand, of vraag de beheerder de grens te verhogen.\n";
      } else if (body.result == Body::Result::timedOut) {
        out.status = 408;
        out.body = "Het formulier kwam niet op tijd volledig aan. Probeer het opnieuw.\n";
      } else {
        out.status = 400;
        out.body = "Het formulier werd onderbroken. Probeer het opnieuw.\n";
      }
      resp.setKeepAlive(false);
    } else {
      in.body = std::move(body.bytes);
      out = ctx_.site->handle(in);
    }
    if (static_cast<long long>(out.body.size()) > ctx_.config.maxResponseBytes) {
      out = web::Response{};
      out.status = 422;
      out.contentType = "text/plain; charset=utf-8";
      out.body = "Deze pagina of dit bestand is te groot om te tonen (meer dan " +
                 std::to_string(ctx_.config.maxResponseBytes) + " bytes, limits.max_response_bytes).\n";
    }
    resp.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(out.status));
    resp.setContentType(out.contentType);
    bool hasCacheControl = false;
    for (const auto& [name, value] : out.headers) {
      if (name == "Set-Cookie") resp.add(name, value);
      else resp.set(name, value);
      hasCacheControl = hasCacheControl || name == "Cache-Control";
    }
    if (!hasCacheControl) resp.set("Cache-Control", "no-store");
    resp.set("Content-Security-Policy",
             "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    resp.set("X-Content-Type-Options", "nosniff");
    resp.set("Referrer-Policy", "same-origin");
    resp.set("X-Frame-Options", "DENY");
    resp.setContentLength64(static_cast<Poco::Int64>(out.body.size()));
    resp.send().write(out.body.data(), static_cast<std::streamsize>(out.body.size()));

    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    LogLine line("page");
    line.add("method", in.method).add("path", in.path).add("peer", req.clientAddress().host().toString());
    if (!out.page.empty()) line.add("page", out.page);
    if (!out.actor.empty()) line.add("actor", out.actor).add("role", out.role);
    line.add("status", static_cast<long long>(out.status)).add("bytes", static_cast<long long>(out.body.size())).add("ms", ms);
    if (out.status >= 500) ctx_.log->error(line.text());
    else ctx_.log->info(line.text());
  }

private:
  ApiContext& ctx_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* ServiceHandlerFactory::createRequestHandler(const HTTPServerRequest& request) {
  // "/" and /intranet[/...] are pages; everything else stays the REST API's
  // (its JSON 404 for unknown paths included).
  const std::string& uri = request.getURI();
  std::string_view path(uri);
  path = path.substr(0, path.find('?'));
  constexpr std::string_view prefix = "/intranet";
  bool page = path == "/" || (path.substr(0, prefix.size()) == prefix &&
                              (path.size() == prefix.size() || path[prefix.size()] == '/'));
  if (!page) return api_.createRequestHandler(request);
  return new IntranetHandler(ctx_);
}

}  // namespace igsgov::httpd
