// HttpFraming: where an HTTP request ends, decided one way only, before any
// handler reads a body (RFC 9112 §6.3), so that igsgovd and anything in front
// of it can never disagree about it (request smuggling).
//
// checkRequestLine() refuses, with `header` empty (the request line is at
// fault): a version other than HTTP/1.0 or HTTP/1.1 (Poco reads any word
// there, and its answer would repeat it as its own version), 505 for another
// HTTP/d.d and 400 for anything else; and with 400 a target whose path or
// query Poco::URI cannot decode (a malformed %-escape), which every handler
// parses first.
//
// checkFraming() refuses, with 400 and a Dutch message naming the header:
//   - Content-Length together with Transfer-Encoding;
//   - Content-Length more than once (even with equal values), or a value that
//     is not 1 to 18 decimal digits (no sign, no spaces inside, no list);
//   - Transfer-Encoding more than once, or other than exactly "chunked";
// and with 411 a POST, PUT or PATCH that has neither (its body would only
// end when the connection does). The caller answers and closes the
// connection: what follows the header can no longer be trusted.
//
// headerEnd() finds the empty line that ends a request header ("\r\n\r\n",
// or "\n\n" from clients that send bare line feeds, which Poco accepts too).
// scanChunked() tells whether a chunked body is complete in the bytes read so
// far (for the gate, which waits for whole bodies); it decides only when to
// hand the request on: where the body ends is decided once, by Poco's reader
// in the worker, so a disagreement cannot split a request in two.
//
// Pure functions, thread-safe.
#pragma once

#include <Poco/Net/HTTPRequest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace igsgov::service {

struct FramingProblem {
  int status = 400;
  std::string message;  // Dutch
  std::string header;   // the header at fault; empty: the request line
};

std::optional<FramingProblem> checkRequestLine(const Poco::Net::HTTPRequest& request);
std::optional<FramingProblem> checkFraming(const Poco::Net::HTTPRequest& request);

// Offset just past the empty line that ends the header, or npos when `bytes`
// holds no complete header yet.
std::size_t headerEnd(std::string_view bytes);

struct ChunkedScan {
  std::size_t end = std::string_view::npos;  // just past the body (last chunk, trailers, empty line); npos: incomplete
  bool malformed = false;                    // not chunked encoding: stop waiting, the reader will say why
  std::size_t dataBytes = 0;                 // chunk data seen so far
};
// `bytes` starts with the body's first chunk-size line.
ChunkedScan scanChunked(std::string_view bytes);

}  // namespace igsgov::service
