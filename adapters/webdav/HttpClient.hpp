// HttpClient: the WebDAV adapter's HTTP layer over Poco::Net.
//
//   - A small pool of keep-alive sessions (HTTPClientSession or
//     HTTPSClientSession): a request borrows one, returns it when the
//     response body has been read to the end. A reused connection the server
//     has closed meanwhile is replaced once, transparently, when the failure
//     happens before any response byte arrived.
//   - Authentication: the first 401 challenge decides Basic or Digest
//     (Poco's HTTPDigestCredentials); afterwards every request carries the
//     credentials up front, so there is no extra round trip per request.
//     A second 401 is Error(denied).
//   - TLS: certificate verification is always on (VERIFY_RELAXED verifies the
//     server chain; Poco also checks the host name); the CA file from the
//     configuration replaces the system CAs when given.
//   - Never logs headers, credentials or bodies.
// Thread safety: send() may be called from many threads; each call uses its
// own session.
// Failure: network errors -> Error(io); TLS verification -> Error(denied);
// HTTP status codes are returned to the caller (the adapter maps them).
#pragma once

#include "adapters/webdav/WebDavConfig.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPDigestCredentials.h>
#include <Poco/Net/NameValueCollection.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov::adapters::webdav {

struct HttpResponse {
  int status = 0;
  Poco::Net::NameValueCollection headers;
  std::string body;  // kept only when no body handler consumed it (at most 64 KiB for errors)
  std::string header(const std::string& name) const { return headers.get(name, ""); }
  // The server's clock from the Date header (seconds since 1970); 0 when absent or unreadable.
  std::int64_t date() const;
};

// A request body produced while it is sent (uploads streamed from their file).
// `write` is called once per attempt (a retried request calls it again, from
// the start) with a function that sends bytes; it must send exactly `length`
// bytes in total or throw. When it throws, the connection is dropped, not
// reused: the server then holds a body shorter than announced, which WebDAV
// servers discard instead of storing (Apache, lighttpd and nginx write PUT
// bodies to a temporary file first; tested in WebDavServerTest).
struct StreamedBody {
  std::uint64_t length = 0;
  std::function<void(const std::function<void(std::string_view)>& send)> write;
};

class HttpClient {
public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  using BodyHandler = std::function<void(std::istream&)>;

  explicit HttpClient(const WebDavConfig& config);
  ~HttpClient();

  // `path` is an encoded absolute path ("/dav/a%20b"). When `onBody` is given
  // and the status is 2xx, the body is streamed to it instead of kept.
  HttpResponse send(const std::string& method, const std::string& path, const Headers& headers,
                    std::string_view body = {}, const BodyHandler& onBody = {});
  // The same with a body written while it is sent; exceptions from body.write propagate.
  HttpResponse sendStreamed(const std::string& method, const std::string& path, const Headers& headers,
                            const StreamedBody& body, const BodyHandler& onBody = {});

  // "http://host:port" + path, for the Destination header.
  std::string absoluteUrl(const std::string& path) const;
  int connectionsOpened() const { return opened_.load(); }

private:
  std::unique_ptr<Poco::Net::HTTPClientSession> acquire(bool& reused);
  void release(std::unique_ptr<Poco::Net::HTTPClientSession> session);
  void authorize(Poco::Net::HTTPRequest& request);
  bool takeChallenge(Poco::Net::HTTPRequest& request, const Poco::Net::HTTPResponse& response);
  HttpResponse attempt(Poco::Net::HTTPClientSession& session, Poco::Net::HTTPRequest& request,
                       const StreamedBody& body, const BodyHandler& onBody, bool& keep);

  WebDavConfig config_;
  Poco::Net::Context::Ptr tls_;
  std::mutex poolMutex_;
  std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> idle_;
  std::atomic<int> opened_{0};

  enum class Scheme { none, basic, digest };
  std::mutex authMutex_;
  Scheme scheme_ = Scheme::none;
  std::unique_ptr<Poco::Net::HTTPDigestCredentials> digest_;
};

}  // namespace igsgov::adapters::webdav
