#include "adapters/webdav/DigestEtag.hpp"

#include "core/Error.hpp"

#include <Poco/Base64Encoder.h>
#include <openssl/evp.h>

#include <sstream>

namespace igsgov::adapters::webdav {

std::string digestEtag(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha1(), nullptr) != 1)
    throw Error(ErrorCode::internal, "SHA-1 mislukt (OpenSSL)");
  std::ostringstream out;
  {
    Poco::Base64Encoder enc(out);
    enc.rdbuf()->setLineLength(0);
    enc.write(reinterpret_cast<const char*>(md), len);
    enc.close();
  }
  return "\"" + out.str() + "\"";
}

}  // namespace igsgov::adapters::webdav
