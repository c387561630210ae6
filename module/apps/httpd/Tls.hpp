// igsgovd's TLS server context: the configured certificate chain and key,
// TLS 1.2 and 1.3 only, and on TLS 1.2 only forward-secret AEAD suites
// (ECDHE with AES-GCM or ChaCha20-Poly1305): no static-RSA key exchange, no
// CBC or SHA-1 MAC suites. TLS 1.3's suites are all forward-secret (OpenSSL's
// defaults). Renegotiation is refused, the server's preference order wins,
// and compression is off.
//
// The gate (Gate.hpp) makes one SSL object per connection from this context
// and runs the handshake without blocking.
// Failure: igsgov::Error(invalid) naming the certificate file when the pair
// cannot be loaded. Thread safety: the context is shared read-only.
#pragma once

#include "Config.hpp"

#include <Poco/Net/Context.h>

namespace igsgov::httpd {

// The suites offered on TLS 1.2 (OpenSSL cipher-list syntax).
constexpr const char* kTls12Suites =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Poco::Net::Context::Ptr serverContext(const Config& c);

}  // namespace igsgov::httpd
