#include "Tls.hpp"

#include "core/Error.hpp"

#include <openssl/ssl.h>

namespace igsgov::httpd {

Poco::Net::Context::Ptr serverContext(const Config& c) {
  Poco::Net::Context::Ptr context;
  try {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, c.tlsPrivateKey, c.tlsCertificate, "",
                                     Poco::Net::Context::VERIFY_NONE, 9, false, kTls12Suites);
  } catch (const Poco::Exception& e) {
    throwInvalid("TLS-certificaat of sleutel onbruikbaar: " + e.displayText(),
                 Place().set("file", c.tlsCertificate).set("field", "'tls'"));
  }
  SSL_CTX* ctx = context->sslContext();
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 || SSL_CTX_set_cipher_list(ctx, kTls12Suites) != 1)
    throwInvalid("TLS kan niet ingesteld worden (OpenSSL kent de gevraagde suites niet)",
                 Place().set("field", "'tls'"));
  SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  return context;
}

}  // namespace igsgov::httpd
