// Serving exactly one request on a connection whose request header is
// complete (the gate saw its end): what a worker (Workers.hpp) runs.
//
// Poco does the HTTP: an HTTPServerSession over the connection's socket,
// HTTPServerRequestImpl parsing the header from what the gate read, and
// HTTPServerResponseImpl writing the answer; the handler comes from the
// service's HTTPRequestHandlerFactory. Around that:
//  - the header is parsed under the header deadline (it is in memory
//    already). The gate has refused malformed headers and ambiguous framing
//    (service/HttpFraming.hpp) before: what reaches a worker has one body
//    length, so nothing behind it is ever read as a request;
//  - the body must arrive within limits.body_timeout_seconds from the end of
//    the header, in total (handlers answer 408 when it does not), and the
//    answer must be written within limits.response_timeout_seconds from its
//    first byte;
//  - the connection stays open for the next request only when both sides
//    want keep-alive, the service is not stopping, the body was read to its
//    end and nothing failed; then the bytes the session read beyond the
//    request go back to the connection's inbox.
//
// Thread safety: serve() runs on many worker threads at once, each on its own
// connection; ExchangeContext is read-only while serving.
#pragma once

#include "Connection.hpp"
#include "Workers.hpp"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>

#include <atomic>
#include <chrono>

namespace igsgov::httpd {

struct ExchangeContext {
  Poco::Net::HTTPRequestHandlerFactory* factory = nullptr;
  Poco::Net::HTTPServerParams::Ptr params;
  std::chrono::seconds body{30};
  std::chrono::seconds response{60};
  bool keepAlive = true;
  const std::atomic<bool>* stopping = nullptr;
};

Outcome serve(Connection& connection, const ExchangeContext& context);

}  // namespace igsgov::httpd
