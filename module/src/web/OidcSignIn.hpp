// OidcSignIn: sign-in with OpenID Connect, the authorization code flow with
// PKCE (RFC 7636, S256) for one or more configured providers (igsgovd's
// "oidc" configuration; docs/dev/intranet.md "Sign-in with OpenID Connect").
//
//   begin(provider)  draws state, nonce and a PKCE verifier (each 256 random
//                    bits), keeps them server-side under a fresh random id
//                    (the pre-login cookie's value) for `pendingLifetime`, and
//                    returns the provider's authorization URL.
//   finish(id, q)    takes the pending login of that cookie out of the store
//                    (single use: a replayed callback, code or state finds
//                    nothing), checks state (constant time) and the iss
//                    parameter (RFC 9207) when sent, exchanges the code at the
//                    token endpoint (client_secret_basic, code_verifier,
//                    redirect_uri) and verifies the ID token (web/IdToken.hpp).
//                    Returns the account link key "<provider>:<sub>".
//
// The discovery document (its issuer must equal the configured one) is
// fetched on first use and kept `metadataLifetime`; the JWKS likewise, and
// fetched again when a token names a key it does not hold (key rotation), at
// most once per `jwksRefetch`. Network I/O happens outside the lock.
//
// Thread safety: every member may be called from many threads (one mutex for
// the pending logins and the caches). Failure: Error(denied) for a login that
// must be refused (Dutch message saying why), Error(io) when the provider
// cannot be reached, Error(notFound) for an unknown provider name. The clock is
// injectable for tests.
#pragma once

#include "web/IdToken.hpp"
#include "web/Forms.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace igsgov::web {

struct OidcProvider {
  std::string name;          // [a-z0-9-], 1-32: in URLs and in account links "<name>:<sub>"
  std::string label;         // shown as "Aanmelden met <label>"
  std::string issuer;        // exactly as the provider's discovery document says
  std::string clientId;
  std::string clientSecret;  // read from the configured file, never logged
  std::string redirectUri;   // absolute, path /intranet/aanmelden/terug
  std::vector<std::string> scopes{"openid"};
  int timeoutSeconds = 10;
};

struct OidcLimits {
  std::chrono::seconds pendingLifetime{600};
  std::size_t maxPending = 10000;  // beyond: the oldest pending login is dropped
  std::chrono::seconds metadataLifetime{24 * 3600};
  std::chrono::seconds jwksRefetch{60};
  long long skewSeconds = 120;
};

// The path every redirect URI must have.
constexpr const char* kOidcReturnPath = "/intranet/aanmelden/terug";

// Checks one provider's configuration (name, URLs, client, scopes); Error(invalid) naming the field.
void checkProvider(const OidcProvider& p);

class OidcSignIn {
public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  explicit OidcSignIn(std::vector<OidcProvider> providers, OidcLimits limits = {}, Clock clock = nullptr);

  const std::vector<OidcProvider>& providers() const { return providers_; }
  const OidcProvider* find(const std::string& name) const;

  struct Start {
    std::string location;  // the authorization URL
    std::string cookie;    // the pre-login cookie's value
  };
  Start begin(const std::string& provider);

  struct Result {
    std::string provider;  // its name
    std::string label;
    std::string link;      // "<provider>:<sub>", matched against account.oidc_subject
    IdTokenClaims claims;
  };
  // The provider of a pending login ("" when the cookie names none), without using it up.
  std::string pendingProvider(const std::string& cookie);
  Result finish(const std::string& cookie, const FormFields& query);

  std::size_t pendingCount();

private:
  struct Pending {
    std::string provider, state, nonce, verifier;
    std::chrono::system_clock::time_point created;
  };
  struct Metadata {
    std::string authorizationEndpoint, tokenEndpoint, jwksUri;
    std::chrono::system_clock::time_point fetched{};
    std::vector<SigningKey> keys;
    std::chrono::system_clock::time_point keysFetched{};
  };
  std::chrono::system_clock::time_point now() const;
  Metadata metadata(const OidcProvider& p);
  std::vector<SigningKey> keys(const OidcProvider& p, const std::string& kid);

  std::vector<OidcProvider> providers_;
  OidcLimits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Pending> pending_;   // cookie value -> pending login
  std::map<std::string, Metadata> metadata_;  // provider name -> discovery + keys
};

}  // namespace igsgov::web
