// SHA-256 over bytes, as lowercase hex. Backed by OpenSSL's EVP interface.
// Thread-safe: each Sha256 object is independent; do not share one across threads.
#pragma once

#include <string>
#include <string_view>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace igsgov {

class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view bytes);
  std::string hexDigest();  // finishes; the object must not be updated afterwards

private:
  EVP_MD_CTX* ctx_;
};

std::string sha256Hex(std::string_view bytes);

}  // namespace igsgov
