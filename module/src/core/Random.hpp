// Random bytes for secrets (tokens, session ids, salts, OpenID state and
// nonces), from OpenSSL's RAND_bytes: the one source of randomness for
// anything an attacker must not guess.
//
// Thread-safe (OpenSSL's generator locks itself). Failure: Error(internal)
// when the generator has no entropy; never a weaker fallback.
#pragma once

#include <cstddef>
#include <string>

namespace igsgov {

// n random bytes.
std::string randomBytes(std::size_t n);
// n random bytes as 2n lowercase hex digits (core/Hex.hpp).
std::string randomHex(std::size_t n);

}  // namespace igsgov
