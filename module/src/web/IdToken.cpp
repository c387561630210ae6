#include "web/IdToken.hpp"

#include "core/Error.hpp"
#include "web/Forms.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace igsgov::web {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

[[noreturn]] void refuse(const std::string& message) {
  throw Error(ErrorCode::denied, "het ID-token van de aanmelddienst is niet geldig: " + message,
              Place().set("field", "'id_token'"));
}

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() {
    if (p) Free(p);
  }
};

std::shared_ptr<EVP_PKEY> keyFromParams(const char* type, OSSL_PARAM_BLD* bld) {
  Owned<OSSL_PARAM, OSSL_PARAM_free> params{OSSL_PARAM_BLD_to_param(bld)};
  Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free> ctx{EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr)};
  EVP_PKEY* key = nullptr;
  if (!params.p || !ctx.p || EVP_PKEY_fromdata_init(ctx.p) != 1 ||
      EVP_PKEY_fromdata(ctx.p, &key, EVP_PKEY_PUBLIC_KEY, params.p) != 1)
    return nullptr;
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

BIGNUM* bigNumber(const std::string& bytes) {
  return BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), nullptr);
}

std::shared_ptr<EVP_PKEY> rsaKey(const JsonObject& jwk) {
  std::string n = base64UrlDecode(jsonString(jwk, "n")), e = base64UrlDecode(jsonString(jwk, "e"));
  if (n.size() < 256 || e.empty()) return nullptr;  // under 2048 bits: not accepted
  Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free> bld{OSSL_PARAM_BLD_new()};
  Owned<BIGNUM, BN_free> bn{bigNumber(n)}, be{bigNumber(e)};
  if (!bld.p || !bn.p || !be.p || OSSL_PARAM_BLD_push_BN(bld.p, OSSL_PKEY_PARAM_RSA_N, bn.p) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.p, OSSL_PKEY_PARAM_RSA_E, be.p) != 1)
    return nullptr;
  return keyFromParams("RSA", bld.p);
}

std::shared_ptr<EVP_PKEY> ecKey(const JsonObject& jwk) {
  if (jsonString(jwk, "crv") != "P-256") return nullptr;
  std::string x = base64UrlDecode(jsonString(jwk, "x")), y = base64UrlDecode(jsonString(jwk, "y"));
  if (x.size() != 32 || y.size() != 32) return nullptr;
  std::string point = "\x04" + x + y;
  Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free> bld{OSSL_PARAM_BLD_new()};
  if (!bld.p || OSSL_PARAM_BLD_push_utf8_string(bld.p, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.p, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
    return nullptr;
  return keyFromParams("EC", bld.p);
}

// JWS ES256 signatures are r||s (32 bytes each); OpenSSL wants DER.
std::string ecdsaDer(const std::string& raw) {
  if (raw.size() != 64) return "";
  Owned<ECDSA_SIG, ECDSA_SIG_free> sig{ECDSA_SIG_new()};
  BIGNUM* r = bigNumber(raw.substr(0, 32));
  BIGNUM* s = bigNumber(raw.substr(32));
  if (!sig.p || !r || !s || ECDSA_SIG_set0(sig.p, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return "";
  }
  int len = i2d_ECDSA_SIG(sig.p, nullptr);
  if (len <= 0) return "";
  std::string der(static_cast<std::size_t>(len), '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  i2d_ECDSA_SIG(sig.p, &out);
  return der;
}

bool signatureMatches(EVP_PKEY* key, const std::string& signed_, const std::string& signature) {
  Owned<EVP_MD_CTX, EVP_MD_CTX_free> ctx{EVP_MD_CTX_new()};
  if (!ctx.p || EVP_DigestVerifyInit(ctx.p, nullptr, EVP_sha256(), nullptr, key) != 1) return false;
  return EVP_DigestVerify(ctx.p, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(signed_.data()), signed_.size()) == 1;
}

JsonObject decodePart(const std::string& part, const std::string& what) {
  try {
    return parseJsonObject(base64UrlDecode(part), what);
  } catch (const Error&) {
    refuse("de " + what + " is geen JSON-object in base64url");
  }
}

struct Parts {
  std::string header, payload, signature;
};

Parts split(const std::string& token) {
  auto a = token.find('.');
  auto b = a == std::string::npos ? a : token.find('.', a + 1);
  if (b == std::string::npos || token.find('.', b + 1) != std::string::npos || token.size() > 16384)
    refuse("geen JWS in compacte vorm (drie delen gescheiden door punten)");
  return {token.substr(0, a), token.substr(a + 1, b - a - 1), token.substr(b + 1)};
}

long long numericClaim(const JsonObject& claims, const std::string& name) {
  if (!claims->has(name) || !claims->get(name).isNumeric()) refuse("claim '" + name + "' ontbreekt of is geen getal");
  return claims->get(name).convert<long long>();
}

}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (unsigned char c : bytes) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += kAlphabet[(bits >> count) & 0x3f];
    }
  }
  if (count > 0) out += kAlphabet[(bits << (6 - count)) & 0x3f];
  return out;
}

std::string base64UrlDecode(std::string_view text) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    auto v = kAlphabet.find(c);
    if (v == std::string_view::npos) throwInvalid("geen base64url-tekst");
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

std::vector<SigningKey> readJwks(const JsonObject& jwks) {
  std::vector<SigningKey> keys;
  JsonArray list = jwks && jwks->has("keys") ? jwks->getArray("keys") : nullptr;
  if (!list) throwInvalid("de sleutelset (JWKS) van de aanmelddienst heeft geen 'keys'");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto jwk = list->getObject(static_cast<unsigned>(i));
    if (!jwk) continue;
    std::string use = jsonString(jwk, "use"), kty = jsonString(jwk, "kty");
    if (!use.empty() && use != "sig") continue;
    std::shared_ptr<EVP_PKEY> key;
    try {
      key = kty == "RSA" ? rsaKey(jwk) : kty == "EC" ? ecKey(jwk) : nullptr;
    } catch (const Error&) {
      continue;  // a key whose numbers are not base64url: unusable, skipped
    }
    if (key) keys.push_back({jsonString(jwk, "kid"), kty, key});
  }
  return keys;
}

std::string jsonString(const JsonObject& o, const std::string& name) {
  if (!o || !o->has(name) || !o->get(name).isString()) return "";
  return o->getValue<std::string>(name);
}

std::string idTokenKeyId(const std::string& token) {
  return jsonString(decodePart(split(token).header, "kop van het token"), "kid");
}

IdTokenClaims verifyIdToken(const std::string& token, const std::vector<SigningKey>& keys, const IdTokenCheck& check) {
  Parts parts = split(token);
  JsonObject header = decodePart(parts.header, "kop van het token");
  std::string alg = jsonString(header, "alg");
  if (alg != "RS256" && alg != "ES256") refuse("algoritme '" + alg + "' wordt niet aanvaard (enkel RS256 of ES256)");
  std::string kty = alg == "RS256" ? "RSA" : "EC";
  std::string kid = jsonString(header, "kid");
  const SigningKey* key = nullptr;
  int candidates = 0;
  for (const auto& k : keys) {
    if (k.kty != kty || (!kid.empty() && k.kid != kid)) continue;
    key = &k;
    ++candidates;
  }
  if (!key) refuse("geen sleutel '" + kid + "' (" + alg + ") in de sleutelset van de aanmelddienst");
  if (kid.empty() && candidates > 1) refuse("het token noemt geen sleutel (kid) en de sleutelset heeft er meerdere");
  std::string signature;
  try {
    signature = base64UrlDecode(parts.signature);
  } catch (const Error&) {
    refuse("de handtekening is geen base64url");
  }
  if (alg == "ES256") signature = ecdsaDer(signature);
  if (signature.empty() || !signatureMatches(key->key.get(), parts.header + "." + parts.payload, signature))
    refuse("de handtekening klopt niet");

  JsonObject claims = decodePart(parts.payload, "inhoud van het token");
  if (jsonString(claims, "iss") != check.issuer)
    refuse("uitgever (iss) '" + jsonString(claims, "iss") + "' is niet '" + check.issuer + "'");
  std::vector<std::string> audiences;
  if (claims->has("aud") && claims->get("aud").isString()) audiences.push_back(jsonString(claims, "aud"));
  else if (auto list = claims->getArray("aud"))
    for (std::size_t i = 0; i < list->size(); ++i)
      if (list->get(static_cast<unsigned>(i)).isString()) audiences.push_back(list->getElement<std::string>(static_cast<unsigned>(i)));
  bool forUs = false;
  for (const auto& a : audiences) forUs = forUs || a == check.clientId;
  if (!forUs) refuse("het token is niet voor deze toepassing bestemd (aud bevat '" + check.clientId + "' niet)");
  std::string azp = jsonString(claims, "azp");
  if ((audiences.size() > 1 || !azp.empty()) && azp != check.clientId)
    refuse("de gemachtigde partij (azp) is niet '" + check.clientId + "'");
  long long exp = numericClaim(claims, "exp"), iat = numericClaim(claims, "iat");
  if (exp + check.skew <= check.now) refuse("het token is verlopen (exp)");
  if (iat - check.skew > check.now) refuse("het token is uitgegeven in de toekomst (iat)");
  if (iat + check.maxAge + check.skew < check.now) refuse("het token is te oud (iat)");
  std::string nonce = jsonString(claims, "nonce");
  if (nonce.empty() || !equalConstantTime(nonce, check.nonce)) refuse("de nonce hoort niet bij deze aanmelding");
  IdTokenClaims out;
  out.subject = jsonString(claims, "sub");
  if (out.subject.empty() || out.subject.size() > 255) refuse("claim 'sub' ontbreekt of is te lang");
  out.email = jsonString(claims, "email");
  out.emailVerified = claims->has("email_verified") && claims->get("email_verified").isBoolean() &&
                      claims->getValue<bool>("email_verified");
  out.name = jsonString(claims, "name");
  return out;
}

}  // namespace igsgov::web
