// web::verifyIdToken with keys made here by OpenSSL (RSA 2048 and EC P-256):
// what OpenID Connect Core §3.1.3.7 asks of an ID token, each rule broken once.
// The same checks against a real provider: tests/integration/oidc.
#include "core/Error.hpp"
#include "web/IdToken.hpp"
#include "web/OidcSignIn.hpp"

#include <gtest/gtest.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <functional>

using namespace igsgov;
using namespace igsgov::web;

namespace {

constexpr long long kNow = 1800000000;

std::string bnBytes(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(key, name, &bn);
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(bn);
  return out;
}

struct Keys {
  std::shared_ptr<EVP_PKEY> rsa{EVP_RSA_gen(2048), EVP_PKEY_free};
  std::shared_ptr<EVP_PKEY> ec{EVP_EC_gen("P-256"), EVP_PKEY_free};

  JsonObject jwks() const {
    auto keys = newArray();
    auto r = newObject();
    r->set("kty", "RSA");
    r->set("kid", "rs-1");
    r->set("use", "sig");
    r->set("n", base64UrlEncode(bnBytes(rsa.get(), OSSL_PKEY_PARAM_RSA_N)));
    r->set("e", base64UrlEncode(bnBytes(rsa.get(), OSSL_PKEY_PARAM_RSA_E)));
    keys->add(r);
    unsigned char point[65];
    std::size_t len = 0;
    EVP_PKEY_get_octet_string_param(ec.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &len);
    auto e = newObject();
    e->set("kty", "EC");
    e->set("kid", "es-1");
    e->set("crv", "P-256");
    e->set("x", base64UrlEncode(std::string_view(reinterpret_cast<char*>(point + 1), 32)));
    e->set("y", base64UrlEncode(std::string_view(reinterpret_cast<char*>(point + 33), 32)));
    keys->add(e);
    auto out = newObject();
    out->set("keys", keys);
    return out;
  }

  // A compact JWS of these claims; ES256 signatures in the JOSE r||s form.
  std::string sign(const JsonObject& header, const JsonObject& claims) const {
    std::string input = base64UrlEncode(toJsonText(header, false)) + "." + base64UrlEncode(toJsonText(claims, false));
    bool es = header->getValue<std::string>("alg") == "ES256";
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, es ? ec.get() : rsa.get());
    std::size_t len = 0;
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    sig.resize(len);
    EVP_MD_CTX_free(ctx);
    if (es) {
      const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
      ECDSA_SIG* s = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
      std::string raw(64, '\0');
      BN_bn2binpad(ECDSA_SIG_get0_r(s), reinterpret_cast<unsigned char*>(raw.data()), 32);
      BN_bn2binpad(ECDSA_SIG_get0_s(s), reinterpret_cast<unsigned char*>(raw.data() + 32), 32);
      ECDSA_SIG_free(s);
      sig = raw;
    }
    return input + "." + base64UrlEncode(sig);
  }
};

const Keys& keys() {
  static const Keys k;
  return k;
}

JsonObject header(const std::string& alg, const std::string& kid) {
  auto h = newObject();
  h->set("alg", alg);
  if (!kid.empty()) h->set("kid", kid);
  return h;
}

JsonObject goodClaims() {
  auto c = newObject();
  c->set("iss", "https://login.voorbeeld.be");
  c->set("aud", "igsgov");
  c->set("sub", "jan");
  c->set("nonce", "n-0123456789");
  c->set("iat", kNow - 5);
  c->set("exp", kNow + 300);
  c->set("email", "jan@voorbeeld.be");
  c->set("email_verified", true);
  return c;
}

IdTokenCheck goodCheck() {
  IdTokenCheck c;
  c.issuer = "https://login.voorbeeld.be";
  c.clientId = "igsgov";
  c.nonce = "n-0123456789";
  c.now = kNow;
  return c;
}

// The Dutch message of the refusal ("" when the token passed).
std::string refusal(const std::string& token, IdTokenCheck check = goodCheck()) {
  try {
    verifyIdToken(token, readJwks(keys().jwks()), check);
    return "";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::denied);
    return std::string(e.message());
  }
}

std::string withClaims(const std::function<void(JsonObject&)>& change, const std::string& alg = "RS256",
                       const std::string& kid = "rs-1") {
  auto c = goodClaims();
  change(c);
  return keys().sign(header(alg, kid), c);
}

}  // namespace

TEST(Base64Url, RoundTripWithoutPadding) {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\xff\xfe\x00\x01", 4)})
    EXPECT_EQ(base64UrlDecode(base64UrlEncode(s)), s);
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_THROW(base64UrlDecode("ab+/"), Error);
}

TEST(IdToken, AGoodTokenSignedWithRs256OrEs256) {
  auto claims = verifyIdToken(withClaims([](JsonObject&) {}), readJwks(keys().jwks()), goodCheck());
  EXPECT_EQ(claims.subject, "jan");
  EXPECT_EQ(claims.email, "jan@voorbeeld.be");
  EXPECT_TRUE(claims.emailVerified);
  EXPECT_EQ(refusal(withClaims([](JsonObject&) {}, "ES256", "es-1")), "");
  // Without kid the only key of the algorithm's type is used.
  EXPECT_EQ(refusal(withClaims([](JsonObject&) {}, "ES256", "")), "");
}

TEST(IdToken, OnlyRs256AndEs256WithTheRightKey) {
  std::string token = withClaims([](JsonObject&) {});
  auto dot = token.find('.');
  std::string unsigned_ = base64UrlEncode(R"({"alg":"none"})") + token.substr(dot, token.rfind('.') - dot) + ".";
  EXPECT_NE(refusal(unsigned_).find("algoritme 'none' wordt niet aanvaard"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject&) {}, "RS256", "onbekend")).find("geen sleutel 'onbekend'"), std::string::npos);
  // An RSA signature presented as the EC key's.
  std::string swapped = withClaims([](JsonObject&) {}, "RS256", "es-1");
  EXPECT_NE(refusal(swapped).find("geen sleutel 'es-1'"), std::string::npos);
  std::string tampered = token;
  tampered[tampered.size() - 10] = tampered[tampered.size() - 10] == 'A' ? 'B' : 'A';
  EXPECT_NE(refusal(tampered).find("de handtekening klopt niet"), std::string::npos);
  // Claims changed after signing.
  std::string changed = token.substr(0, dot + 1) + base64UrlEncode(R"({"sub":"admin"})") + token.substr(token.rfind('.'));
  EXPECT_NE(refusal(changed).find("de handtekening klopt niet"), std::string::npos);
  EXPECT_NE(refusal("a.b").find("geen JWS"), std::string::npos);
}

TEST(IdToken, IssuerAudienceAndAuthorizedParty) {
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("iss", "https://evil.example"); })).find("uitgever (iss)"),
            std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("aud", "andere-app"); })).find("niet voor deze toepassing"),
            std::string::npos);
  auto both = newArray();
  both->add("andere-app");
  both->add("igsgov");
  EXPECT_NE(refusal(withClaims([&](JsonObject& c) { c->set("aud", both); })).find("(azp)"), std::string::npos);
  EXPECT_EQ(refusal(withClaims([&](JsonObject& c) {
              c->set("aud", both);
              c->set("azp", "igsgov");
            })),
            "");
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("azp", "andere-app"); })).find("(azp)"), std::string::npos);
}

TEST(IdToken, TimesWithSmallSkewAndTheNonce) {
  EXPECT_EQ(refusal(withClaims([](JsonObject& c) { c->set("exp", kNow - 60); })), "") << "within the skew of 120 s";
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("exp", kNow - 121); })).find("verlopen (exp)"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("iat", kNow + 600); })).find("in de toekomst (iat)"),
            std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("iat", kNow - 3600); })).find("te oud (iat)"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->remove("exp"); })).find("'exp' ontbreekt"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->set("nonce", "n-andere"); })).find("nonce"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->remove("nonce"); })).find("nonce"), std::string::npos);
  EXPECT_NE(refusal(withClaims([](JsonObject& c) { c->remove("sub"); })).find("'sub'"), std::string::npos);
}

TEST(OidcProviderConfig, RefusedWithTheFieldNamed) {
  OidcProvider p;
  p.name = "gemeente";
  p.label = "Gemeente";
  p.issuer = "https://login.voorbeeld.be";
  p.clientId = "igsgov";
  p.clientSecret = "geheim";
  p.redirectUri = "https://igsgov.voorbeeld.be/intranet/aanmelden/terug";
  EXPECT_NO_THROW(checkProvider(p));
  auto refused = [](OidcProvider q, const std::string& field) {
    try {
      checkProvider(q);
      ADD_FAILURE() << "accepted: " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
      EXPECT_NE(e.place().describe().find(field), std::string::npos) << e.place().describe();
    }
  };
  auto q = p;
  q.issuer = "http://login.voorbeeld.be";
  refused(q, "issuer");
  q = p;
  q.issuer = "http://127.0.0.1:8081";
  EXPECT_NO_THROW(checkProvider(q)) << "plain http on loopback (tests, a provider on the same machine)";
  q = p;
  q.redirectUri = "https://igsgov.voorbeeld.be/elders";
  refused(q, "redirect_uri");
  q = p;
  q.scopes = {"email"};
  refused(q, "scopes");
  q = p;
  q.name = "Gemeente A";
  refused(q, "oidc.providers");
  q = p;
  q.clientSecret = "";
  refused(q, "client_secret_file");
}
