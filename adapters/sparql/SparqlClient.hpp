// SparqlClient: a small SPARQL 1.1 Protocol client (query operation only).
//
// What: sends a SELECT or ASK query to one endpoint over HTTP(S) with Poco::Net
// and returns the parsed JSON results. Read-only by construction: there is no
// update operation. The query goes as GET ?query=... or, when long (or when the
// config says "post"), as a form-encoded POST (application/x-www-form-urlencoded).
// A POST with Content-Type application/sparql-query is never used: Virtuoso 7.2
// hangs on it. Accept: application/sparql-results+json. The connection is kept
// alive between queries; a request that fails on a reused connection before any
// answer arrived is retried once on a fresh one (queries are idempotent).
//
// Thread safety: one instance = one connection; not safe for concurrent use.
// Use one client per thread.
//
// Failure (always igsgov::Error; the place has "endpoint" = the URL and, when an
// HTTP answer came, "status" = its code):
//   - connection refused, DNS, TLS, time-out, reset, an HTTP status other
//     than 200, an answer over max_bytes            -> ErrorCode::io
//   - a 200 answer that is not SPARQL JSON results -> ErrorCode::invalid
#pragma once

#include "adapters/sparql/EndpointConfig.hpp"
#include "adapters/sparql/SparqlResults.hpp"

#include <memory>
#include <string>

namespace Poco::Net {
class HTTPClientSession;
}

namespace igsgov::adapters::sparql {

class SparqlClient {
public:
  explicit SparqlClient(EndpointConfig config);
  ~SparqlClient();
  SparqlClient(const SparqlClient&) = delete;
  SparqlClient& operator=(const SparqlClient&) = delete;

  // Runs a SELECT or ASK query and parses the answer.
  ResultSet query(const std::string& sparql);

  const EndpointConfig& config() const { return config_; }
  // Number of HTTP requests sent (for tests of keep-alive and retry).
  int requestCount() const { return requests_; }
  // Number of TCP connections opened so far.
  int connectionCount() const { return connections_; }

private:
  struct Answer {
    int status = 0;
    std::string contentType;
    std::string body;
  };
  Answer exchange(const std::string& sparql);
  Answer exchangeOnce(const std::string& sparql);
  void openSession();
  Place place(int status = 0) const;

  EndpointConfig config_;
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
  bool sessionUsed_ = false;
  int requests_ = 0;
  int connections_ = 0;
};

}  // namespace igsgov::adapters::sparql
