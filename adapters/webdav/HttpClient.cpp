#include "adapters/webdav/HttpClient.hpp"

#include "adapters/common/Adapter.hpp"
#include "core/Error.hpp"

#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Crypto/Crypto.h>
#include <Poco/DateTimeParser.h>
#include <Poco/String.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <istream>
#include <mutex>

namespace igsgov::adapters::webdav {

std::int64_t HttpResponse::date() const {
  Poco::DateTime dt;
  int tz = 0;
  if (!Poco::DateTimeParser::tryParse(header("Date"), dt, tz)) return 0;
  return dt.timestamp().epochTime() - tz;
}

namespace {

void initTlsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

void drain(std::istream& in) {
  char buf[8192];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
  }
}

}  // namespace

HttpClient::HttpClient(const WebDavConfig& config) : config_(config) {
  if (config_.url.getScheme() == "https") {
    initTlsOnce();
    Poco::Net::Context::Params p;
    p.caLocation = config_.caFile;
    p.loadDefaultCAs = config_.caFile.empty();
    p.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    p.verificationDepth = 9;
    try {
      tls_ = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, p);
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::invalid, "TLS-instellingen ongeldig: " + e.displayText(),
                  Place().set("field", "'ca_file'"));
    }
  }
}

HttpClient::~HttpClient() = default;

std::string HttpClient::absoluteUrl(const std::string& path) const {
  std::string out = config_.url.getScheme() + "://" + config_.url.getHost();
  unsigned short wellKnown = config_.url.getScheme() == "https" ? 443 : 80;
  if (config_.url.getPort() != wellKnown) out += ":" + std::to_string(config_.url.getPort());
  return out + path;
}

std::unique_ptr<Poco::Net::HTTPClientSession> HttpClient::acquire(bool& reused) {
  {
    std::lock_guard lock(poolMutex_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      reused = true;
      return s;
    }
  }
  reused = false;
  std::unique_ptr<Poco::Net::HTTPClientSession> s;
  if (tls_)
    s = std::make_unique<Poco::Net::HTTPSClientSession>(config_.url.getHost(), config_.url.getPort(), tls_);
  else
    s = std::make_unique<Poco::Net::HTTPClientSession>(config_.url.getHost(), config_.url.getPort());
  s->setKeepAlive(true);
  // Servers close idle connections after a few seconds (Apache: 5 s); reconnect before that.
  s->setKeepAliveTimeout(Poco::Timespan(2, 0));
  s->setTimeout(Poco::Timespan(config_.timeoutSeconds, 0));
  ++opened_;
  return s;
}

void HttpClient::release(std::unique_ptr<Poco::Net::HTTPClientSession> session) {
  std::lock_guard lock(poolMutex_);
  if (idle_.size() < static_cast<std::size_t>(config_.parallel) + 1) idle_.push_back(std::move(session));
}

void HttpClient::authorize(Poco::Net::HTTPRequest& request) {
  std::lock_guard lock(authMutex_);
  if (scheme_ == Scheme::basic)
    Poco::Net::HTTPBasicCredentials(config_.user, config_.password).authenticate(request);
  else if (scheme_ == Scheme::digest)
    digest_->updateAuthInfo(request);
}

bool HttpClient::takeChallenge(Poco::Net::HTTPRequest& request, const Poco::Net::HTTPResponse& response) {
  if (config_.user.empty() || !response.has("WWW-Authenticate")) return false;
  std::string challenge = response.get("WWW-Authenticate");
  std::lock_guard lock(authMutex_);
  if (Poco::icompare(challenge.substr(0, 6), "Basic ") == 0) {
    scheme_ = Scheme::basic;
    return true;
  }
  if (Poco::icompare(challenge.substr(0, 7), "Digest ") == 0) {
    digest_ = std::make_unique<Poco::Net::HTTPDigestCredentials>(config_.user, config_.password);
    digest_->authenticate(request, response);
    scheme_ = Scheme::digest;
    return true;
  }
  return false;
}

namespace {
constexpr std::size_t kSmallBody = 64 * 1024;   // through Poco's stream
constexpr std::size_t kSendPiece = 1 << 20;     // larger bodies: straight to the socket
}  // namespace

HttpResponse HttpClient::attempt(Poco::Net::HTTPClientSession& session, Poco::Net::HTTPRequest& request,
                                 const StreamedBody& body, const BodyHandler& onBody, bool& keep) {
  keep = false;
  std::ostream& os = session.sendRequest(request);
  std::uint64_t written = 0;
  if (body.length <= kSmallBody) {
    if (body.write)
      body.write([&](std::string_view piece) {
        os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        written += piece.size();
      });
    os.flush();
    if (!os) throw Poco::Net::NetException("sending the request body failed");
  } else {
    // Poco's request stream writes through a 4 KiB buffer (one send per 4 KiB: 25,000 system
    // calls for 100 MiB). Flush the header it holds, then hand the body to the socket in
    // large pieces; the stream's byte count is not used after this.
    os.flush();
    if (!os) throw Poco::Net::NetException("sending the request header failed");
    if (body.write)
      body.write([&](std::string_view piece) {
        while (!piece.empty()) {
          int n = session.socket().sendBytes(piece.data(), static_cast<int>(std::min(piece.size(), kSendPiece)));
          if (n <= 0) throw Poco::Net::NetException("sending the request body failed");
          piece.remove_prefix(static_cast<std::size_t>(n));
          written += static_cast<std::size_t>(n);
        }
      });
  }
  if (written != body.length)
    throw Error(ErrorCode::internal, "verzoek met " + std::to_string(written) + " bytes in plaats van de aangekondigde " +
                                         std::to_string(body.length),
                Place().set("path", request.getURI()));
  Poco::Net::HTTPResponse response;
  std::istream& rs = session.receiveResponse(response);
  HttpResponse out;
  out.status = response.getStatus();
  for (const auto& [k, v] : response) out.headers.add(k, v);
  bool hasBody = request.getMethod() != "HEAD" && out.status != 204 && out.status != 304;
  if (hasBody) {
    if (onBody && out.status >= 200 && out.status < 300) {
      onBody(rs);
      drain(rs);
    } else {
      char buf[8192];
      while (rs.read(buf, sizeof buf) || rs.gcount() > 0)
        if (out.body.size() < 65536) out.body.append(buf, static_cast<std::size_t>(rs.gcount()));
    }
  }
  keep = response.getKeepAlive() && !rs.bad();
  return out;
}

HttpResponse HttpClient::send(const std::string& method, const std::string& path, const Headers& headers,
                              std::string_view body, const BodyHandler& onBody) {
  StreamedBody whole{body.size(), {}};
  if (!body.empty()) whole.write = [body](const std::function<void(std::string_view)>& out) { out(body); };
  return sendStreamed(method, path, headers, whole, onBody);
}

HttpResponse HttpClient::sendStreamed(const std::string& method, const std::string& path, const Headers& headers,
                                      const StreamedBody& body, const BodyHandler& onBody) {
  for (int round = 0;; ++round) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost(config_.url.getHost(), config_.url.getPort());
    request.setKeepAlive(true);
    for (const auto& [k, v] : headers) request.set(k, v);
    if (body.length > 0 || method == "PUT") request.setContentLength64(static_cast<Poco::Int64>(body.length));
    authorize(request);

    bool reused = false;
    auto session = acquire(reused);
    HttpResponse response;
    bool keep = false;
    try {
      response = attempt(*session, request, body, onBody, keep);
    } catch (const Error&) {
      throw;
    } catch (const Poco::Net::SSLException& e) {
      throw Error(ErrorCode::denied, "TLS-verbinding geweigerd (certificaat niet vertrouwd?): " + e.displayText(),
                  Place().set("path", config_.displayUrl()));
    } catch (const Poco::Net::NoMessageException&) {
      if (reused && round == 0) continue;  // the server closed an idle connection: one fresh try
      throw Error(ErrorCode::io, "de WebDAV-server sloot de verbinding zonder antwoord",
                  Place().set("path", config_.displayUrl()));
    } catch (const Poco::Net::ConnectionResetException&) {
      if (reused && round == 0) continue;
      throw Error(ErrorCode::io, "de WebDAV-server verbrak de verbinding", Place().set("path", config_.displayUrl()));
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::io, "netwerkfout met de WebDAV-server: " + e.displayText(),
                  Place().set("path", config_.displayUrl()));
    }
    if (keep) release(std::move(session));

    if (response.status == 401 && round < 2) {
      Poco::Net::HTTPResponse challenge;
      for (const auto& [k, v] : response.headers) challenge.add(k, v);
      Poco::Net::HTTPRequest probe(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
      bool wasAuthenticated;
      {
        std::lock_guard lock(authMutex_);
        wasAuthenticated = scheme_ != Scheme::none;
      }
      // A stale digest nonce gets a fresh challenge; otherwise retry only the first time.
      bool stale = Poco::toLower(response.header("WWW-Authenticate")).find("stale=true") != std::string::npos;
      if ((!wasAuthenticated || stale) && takeChallenge(probe, challenge)) continue;
    }
    return response;
  }
}

}  // namespace igsgov::adapters::webdav
