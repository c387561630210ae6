#include "web/OidcHttp.hpp"

#include "core/Error.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>

#include <istream>
#include <memory>
#include <sstream>

namespace igsgov::web {

namespace {

constexpr std::size_t kMaxAnswer = 1 << 20;

Place urlPlace(const std::string& url, int status = 0) {
  Place p;
  p.set("url", url);
  if (status) p.set("status", std::to_string(status));
  return p;
}

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

struct Answer {
  int status = 0;
  std::string body;
};

Answer exchange(const std::string& url, const std::string& method, const std::string& form,
                const std::string& authorization, int timeoutSeconds) {
  checkProviderUrl(url, "url");
  Poco::URI uri(url);
  try {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (uri.getScheme() == "https") {
      Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                                           Poco::Net::Context::VERIFY_STRICT, 9, true);
      session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), ctx);
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    }
    Poco::Timespan timeout(timeoutSeconds, 0);
    session->setTimeout(timeout, timeout, timeout);
    std::string path = uri.getPathEtc();
    Poco::Net::HTTPRequest req(method, path.empty() ? "/" : path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Accept", "application/json");
    if (!authorization.empty()) req.set("Authorization", authorization);
    if (method == Poco::Net::HTTPRequest::HTTP_POST) {
      req.setContentType("application/x-www-form-urlencoded");
      req.setContentLength(static_cast<std::streamsize>(form.size()));
    }
    std::ostream& os = session->sendRequest(req);
    if (method == Poco::Net::HTTPRequest::HTTP_POST) os << form;
    Poco::Net::HTTPResponse resp;
    std::istream& is = session->receiveResponse(resp);
    Answer a;
    a.status = resp.getStatus();
    char buf[16384];
    while (is.read(buf, sizeof buf) || is.gcount() > 0) {
      a.body.append(buf, static_cast<std::size_t>(is.gcount()));
      if (a.body.size() > kMaxAnswer)
        throw Error(ErrorCode::io, "antwoord van de aanmelddienst is groter dan 1 MiB", urlPlace(url, a.status));
    }
    return a;
  } catch (const Error&) {
    throw;
  } catch (const Poco::TimeoutException&) {
    throw Error(ErrorCode::io, "de aanmelddienst antwoordt niet binnen " + std::to_string(timeoutSeconds) + " s",
                urlPlace(url));
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "de aanmelddienst is niet bereikbaar: " + e.displayText(), urlPlace(url));
  } catch (const std::exception& e) {
    throw Error(ErrorCode::io, std::string("de aanmelddienst is niet bereikbaar: ") + e.what(), urlPlace(url));
  }
}

JsonObject jsonAnswer(const std::string& url, const Answer& a) {
  try {
    return parseJsonObject(a.body, "antwoord van de aanmelddienst");
  } catch (const Error&) {
    throw Error(ErrorCode::io, "het antwoord van de aanmelddienst is geen JSON-object", urlPlace(url, a.status));
  }
}

}  // namespace

void checkProviderUrl(const std::string& url, const std::string& field) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    throwInvalid("geen geldige URL: " + url, Place().set("field", "'" + field + "'"));
  }
  bool ok = !uri.getHost().empty() && uri.getUserInfo().empty() && uri.getFragment().empty() &&
            (uri.getScheme() == "https" || (uri.getScheme() == "http" && loopback(uri.getHost())));
  if (!ok)
    throwInvalid("de aanmelddienst moet https gebruiken (http enkel op 127.0.0.1, ::1 of localhost): " + url,
                 Place().set("field", "'" + field + "'"));
}

JsonObject getJson(const std::string& url, int timeoutSeconds) {
  Answer a = exchange(url, Poco::Net::HTTPRequest::HTTP_GET, "", "", timeoutSeconds);
  if (a.status != 200)
    throw Error(ErrorCode::io, "de aanmelddienst antwoordt met status " + std::to_string(a.status), urlPlace(url, a.status));
  return jsonAnswer(url, a);
}

JsonObject postForm(const std::string& url, const std::string& form, const std::string& clientId,
                    const std::string& clientSecret, int timeoutSeconds) {
  std::ostringstream basic;
  Poco::Base64Encoder enc(basic);
  enc.rdbuf()->setLineLength(0);
  enc << formEncode(clientId) << ':' << formEncode(clientSecret);
  enc.close();
  Answer a = exchange(url, Poco::Net::HTTPRequest::HTTP_POST, form, "Basic " + basic.str(), timeoutSeconds);
  if (a.status == 200) return jsonAnswer(url, a);
  std::string code;
  try {
    auto o = parseJsonObject(a.body, "antwoord van de aanmelddienst");
    if (o->has("error") && o->get("error").isString()) code = o->getValue<std::string>("error");
  } catch (const Error&) {
  }
  if (a.status == 400 || a.status == 401)
    throw Error(ErrorCode::denied, "de aanmelddienst weigert de code" + (code.empty() ? "" : " (" + code.substr(0, 64) + ")"),
                urlPlace(url, a.status));
  throw Error(ErrorCode::io, "de aanmelddienst antwoordt met status " + std::to_string(a.status), urlPlace(url, a.status));
}

std::string formEncode(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", out);
  return out;
}

}  // namespace igsgov::web
