// IdToken: checks an OpenID Connect ID token (a JWS in compact form) against
// the provider's JSON Web Key Set, as OpenID Connect Core 1.0 §3.1.3.7 asks:
//
//   - header: alg RS256 or ES256 only (never "none", never HMAC: a public key
//     must not double as a shared secret); the key is the JWKS entry with the
//     header's kid (or the only key of that type when the token has no kid);
//   - signature: RSASSA-PKCS1-v1_5 SHA-256, or ECDSA P-256 SHA-256 with the
//     JWS r||s encoding (RFC 7518 §3.4), checked with OpenSSL;
//   - iss equal to the configured issuer; aud containing the client id, and
//     azp equal to it when there are several audiences (or azp is present);
//   - exp in the future and iat not in the future, both with `skew` seconds of
//     tolerance; iat not older than `maxAge`;
//   - nonce equal to the one this login sent (compared in constant time);
//   - sub present and at most 255 characters.
//
// Pure functions without state; thread-safe. Failure: Error(denied) with a
// Dutch message naming what did not match (the claim), never the token; a key
// set that cannot be read: Error(invalid).
#pragma once

#include "core/Json.hpp"

#include <memory>
#include <string>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace igsgov::web {

struct SigningKey {
  std::string kid;
  std::string kty;  // "RSA" or "EC"
  std::shared_ptr<EVP_PKEY> key;
};

// The usable signature keys of a JWKS document ({"keys": [...]}): RSA keys and
// EC keys on P-256 with use "sig" or no use. Other keys are skipped.
std::vector<SigningKey> readJwks(const JsonObject& jwks);

struct IdTokenCheck {
  std::string issuer;
  std::string clientId;
  std::string nonce;
  long long now = 0;       // seconds since 1970 (UTC)
  long long skew = 120;    // tolerated clock difference, seconds
  long long maxAge = 600;  // iat at most this old (plus skew)
};

struct IdTokenClaims {
  std::string subject;
  std::string email;  // "" when absent
  bool emailVerified = false;
  std::string name;
};

// The header's kid ("" when absent); Error(denied) when the token is no JWS.
std::string idTokenKeyId(const std::string& token);

// Checks the token; returns its claims, or throws Error(denied).
IdTokenClaims verifyIdToken(const std::string& token, const std::vector<SigningKey>& keys, const IdTokenCheck& check);

// The member's value when it is a JSON string, else "" (claims and provider
// documents: a number or object where a string belongs counts as absent).
std::string jsonString(const JsonObject& o, const std::string& name);

// base64url without padding (RFC 4648 §5), as JOSE and PKCE use it.
std::string base64UrlEncode(std::string_view bytes);
// Throws Error(invalid) on a character outside the alphabet.
std::string base64UrlDecode(std::string_view text);

}  // namespace igsgov::web
