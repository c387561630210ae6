#include "core/Sha256.hpp"

#include "core/Error.hpp"
#include "core/Hex.hpp"

#include <openssl/evp.h>

namespace igsgov {

namespace {
// The algorithm fetched once: EVP_sha256() makes OpenSSL 3 look the provider up
// (under a lock) on every init, which dominated hashing many small rows.
// Immutable after its thread-safe initialisation.
const EVP_MD* sha256Algorithm() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return md;
}
}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, sha256Algorithm(), nullptr) != 1)
    throw Error(ErrorCode::internal, "SHA-256 kon niet gestart worden");
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

Sha256& Sha256::update(std::string_view bytes) {
  EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
  return *this;
}

std::string Sha256::hexDigest() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, md, &len);
  return hexEncode(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::string sha256Hex(std::string_view bytes) { return Sha256().update(bytes).hexDigest(); }

}  // namespace igsgov
