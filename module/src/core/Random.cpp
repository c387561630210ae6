#include "core/Random.hpp"

#include "core/Error.hpp"
#include "core/Hex.hpp"

#include <openssl/rand.h>

namespace igsgov {

std::string randomBytes(std::size_t n) {
  std::string out(n, '\0');
  if (n && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    throw Error(ErrorCode::internal, "geen willekeurige bytes beschikbaar");
  return out;
}

std::string randomHex(std::size_t n) { return hexEncode(randomBytes(n)); }

}  // namespace igsgov
