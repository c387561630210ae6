#include "adapters/webdav/DigestEtag.hpp"

#include "core/Error.hpp"

#include <Poco/Base64Encoder.h>
#include <openssl/evp.h>

#include <sstream>

namespace igsgov::adapters::webdav {

DigestEtagBuilder::DigestEtagBuilder() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha1(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    throw Error(ErrorCode::internal, "SHA-1 kon niet gestart worden (OpenSSL)");
  }
}

DigestEtagBuilder::~DigestEtagBuilder() { EVP_MD_CTX_free(ctx_); }

void DigestEtagBuilder::update(std::string_view bytes) {
  if (EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) != 1) throw Error(ErrorCode::internal, "SHA-1 mislukt (OpenSSL)");
}

std::string DigestEtagBuilder::finish() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_, md, &len) != 1) throw Error(ErrorCode::internal, "SHA-1 mislukt (OpenSSL)");
  std::ostringstream out;
  {
    Poco::Base64Encoder enc(out);
    enc.rdbuf()->setLineLength(0);
    enc.write(reinterpret_cast<const char*>(md), len);
    enc.close();
  }
  return "\"" + out.str() + "\"";
}

std::string digestEtag(std::string_view bytes) {
  DigestEtagBuilder b;
  b.update(bytes);
  return b.finish();
}

}  // namespace igsgov::adapters::webdav
