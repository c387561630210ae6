#include "adapters/sparql/SparqlClient.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <istream>
#include <sstream>

namespace igsgov::adapters::sparql {

namespace {

// GET URLs above this length go as POST: proxies and servers cap request lines.
constexpr std::size_t kMaxGetUrl = 2000;

std::string encodeParams(const std::string& sparql, const EndpointConfig& c) {
  std::string out = "query=";
  Poco::URI::encode(sparql, "!#$&'()*+,/:;=?@[]", out);
  if (c.graph) {
    out += "&default-graph-uri=";
    Poco::URI::encode(*c.graph, "!#$&'()*+,/:;=?@[]", out);
  }
  return out;
}

std::string snippet(const std::string& body) {
  std::string s = body.substr(0, 300);
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return s;
}

}  // namespace

SparqlClient::SparqlClient(EndpointConfig config) : config_(std::move(config)) {}

SparqlClient::~SparqlClient() = default;

Place SparqlClient::place(int status) const {
  Place p;
  p.set("endpoint", config_.endpoint);
  if (status != 0) p.set("status", std::to_string(status));
  return p;
}

void SparqlClient::openSession() {
  Poco::URI uri(config_.endpoint);
  if (uri.getScheme() == "https") {
    Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                                         Poco::Net::Context::VERIFY_RELAXED, 9, true);
    session_ = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), ctx);
  } else {
    session_ = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  }
  Poco::Timespan timeout(config_.timeoutSeconds, 0);
  session_->setTimeout(timeout, timeout, timeout);
  session_->setKeepAlive(true);
  sessionUsed_ = false;
  ++connections_;
}

SparqlClient::Answer SparqlClient::exchangeOnce(const std::string& sparql) {
  if (!session_) openSession();
  Poco::URI uri(config_.endpoint);
  std::string params = encodeParams(sparql, config_);
  std::string path = uri.getPathEtc();
  if (path.empty()) path = "/";
  bool usePost = config_.method == HttpMethod::post ||
                 (config_.method == HttpMethod::automatic && path.size() + 1 + params.size() > kMaxGetUrl);

  Poco::Net::HTTPRequest req(usePost ? Poco::Net::HTTPRequest::HTTP_POST : Poco::Net::HTTPRequest::HTTP_GET,
                             usePost ? path : path + (uri.getRawQuery().empty() ? "?" : "&") + params,
                             Poco::Net::HTTPMessage::HTTP_1_1);
  req.setKeepAlive(true);
  req.set("Accept", "application/sparql-results+json");
  if (usePost) {
    req.setContentType("application/x-www-form-urlencoded");
    req.setContentLength(static_cast<std::streamsize>(params.size()));
  }
  ++requests_;
  std::ostream& os = session_->sendRequest(req);
  if (usePost) os << params;
  sessionUsed_ = true;

  Poco::Net::HTTPResponse resp;
  std::istream& is = session_->receiveResponse(resp);
  Answer a;
  a.status = resp.getStatus();
  a.contentType = resp.getContentType();
  if (resp.hasContentLength() && resp.getContentLength64() > static_cast<Poco::Int64>(config_.maxBytes)) {
    session_.reset();
    throw Error(ErrorCode::io, "antwoord van de SPARQL-bron is groter dan " + std::to_string(config_.maxBytes) +
                                   " bytes", place(a.status));
  }
  char buf[65536];
  while (is.read(buf, sizeof buf) || is.gcount() > 0) {
    a.body.append(buf, static_cast<std::size_t>(is.gcount()));
    if (a.body.size() > config_.maxBytes) {
      session_.reset();
      throw Error(ErrorCode::io, "antwoord van de SPARQL-bron is groter dan " + std::to_string(config_.maxBytes) +
                                     " bytes", place(a.status));
    }
  }
  if (!resp.getKeepAlive()) session_.reset();
  return a;
}

SparqlClient::Answer SparqlClient::exchange(const std::string& sparql) {
  for (int attempt = 0;; ++attempt) {
    bool reused = session_ && sessionUsed_;
    try {
      return exchangeOnce(sparql);
    } catch (const Error&) {
      throw;
    } catch (const Poco::TimeoutException&) {
      session_.reset();
      throw Error(ErrorCode::io,
                  "SPARQL-bron antwoordt niet binnen " + std::to_string(config_.timeoutSeconds) + " s", place());
    } catch (const Poco::Net::ConnectionRefusedException&) {
      session_.reset();
      throw Error(ErrorCode::io, "SPARQL-bron weigert de verbinding", place());
    } catch (const Poco::Net::SSLException& e) {
      session_.reset();
      throw Error(ErrorCode::io, "TLS-fout bij de SPARQL-bron: " + e.displayText(), place());
    } catch (const Poco::Exception& e) {
      // A kept-alive connection the server already closed: one fresh attempt.
      session_.reset();
      if (reused && attempt == 0) continue;
      throw Error(ErrorCode::io, "SPARQL-bron onbereikbaar: " + e.displayText(), place());
    } catch (const std::exception& e) {
      session_.reset();
      throw Error(ErrorCode::io, std::string("SPARQL-bron onbereikbaar: ") + e.what(), place());
    }
  }
}

ResultSet SparqlClient::query(const std::string& sparql) {
  Answer a = exchange(sparql);
  if (a.status != Poco::Net::HTTPResponse::HTTP_OK) {
    std::string msg = "SPARQL-bron antwoordt met HTTP " + std::to_string(a.status);
    if (!a.body.empty()) msg += ": " + snippet(a.body);
    throw Error(ErrorCode::io, msg, place(a.status));
  }
  Place where = place(a.status);
  if (a.contentType.find("json") == std::string::npos) {
    where.set("content_type", a.contentType);
    throwInvalid("SPARQL-bron stuurt geen JSON-resultaten maar '" + a.contentType + "'", where);
  }
  return parseSparqlResults(a.body, where);
}

}  // namespace igsgov::adapters::sparql
