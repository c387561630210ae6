#include "web/OidcSignIn.hpp"

#include "core/Error.hpp"
#include "core/Random.hpp"
#include "web/OidcHttp.hpp"

#include <openssl/sha.h>

#include <Poco/URI.h>

#include <algorithm>

namespace igsgov::web {

namespace {

Place providerField(const OidcProvider& p, const std::string& field) {
  return Place().set("field", "'oidc.providers." + p.name + "." + field + "'");
}

std::string s256(const std::string& verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace

void checkProvider(const OidcProvider& p) {
  bool nameOk = !p.name.empty() && p.name.size() <= 32;
  for (char c : p.name) nameOk = nameOk && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!nameOk) throwInvalid("naam van de aanmelddienst: 1 tot 32 kleine letters, cijfers of -", providerField(p, ""));
  if (p.label.empty()) throwInvalid("geef een naam om te tonen ('label')", providerField(p, "label"));
  checkProviderUrl(p.issuer, "oidc.providers." + p.name + ".issuer");
  if (p.clientId.empty()) throwInvalid("geef de client_id", providerField(p, "client_id"));
  if (p.clientSecret.empty()) throwInvalid("het geheim van de client is leeg", providerField(p, "client_secret_file"));
  Poco::URI redirect;
  try {
    redirect = Poco::URI(p.redirectUri);
  } catch (const Poco::Exception&) {
    throwInvalid("geen geldige URL: " + p.redirectUri, providerField(p, "redirect_uri"));
  }
  if ((redirect.getScheme() != "https" && redirect.getScheme() != "http") || redirect.getHost().empty() ||
      redirect.getPath() != kOidcReturnPath || !redirect.getRawQuery().empty())
    throwInvalid("moet een volledige URL zijn met pad " + std::string(kOidcReturnPath) + " (bv. https://igsgov.voorbeeld.be" +
                     kOidcReturnPath + ")",
                 providerField(p, "redirect_uri"));
  if (std::find(p.scopes.begin(), p.scopes.end(), "openid") == p.scopes.end())
    throwInvalid("de scopes moeten 'openid' bevatten", providerField(p, "scopes"));
  for (const auto& s : p.scopes)
    if (s.empty() || s.find_first_of(" \t\"\\") != std::string::npos)
      throwInvalid("ongeldige scope '" + s + "'", providerField(p, "scopes"));
  if (p.timeoutSeconds < 1 || p.timeoutSeconds > 120)
    throwInvalid("moet tussen 1 en 120 liggen", providerField(p, "timeout_seconds"));
}

OidcSignIn::OidcSignIn(std::vector<OidcProvider> providers, OidcLimits limits, Clock clock)
    : providers_(std::move(providers)), limits_(limits), clock_(std::move(clock)) {
  for (const auto& p : providers_) checkProvider(p);
}

std::chrono::system_clock::time_point OidcSignIn::now() const {
  return clock_ ? clock_() : std::chrono::system_clock::now();
}

const OidcProvider* OidcSignIn::find(const std::string& name) const {
  for (const auto& p : providers_)
    if (p.name == name) return &p;
  return nullptr;
}

OidcSignIn::Metadata OidcSignIn::metadata(const OidcProvider& p) {
  {
    std::lock_guard lock(mutex_);
    auto it = metadata_.find(p.name);
    if (it != metadata_.end() && now() - it->second.fetched < limits_.metadataLifetime) return it->second;
  }
  std::string base = p.issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + "/.well-known/openid-configuration";
  JsonObject doc = getJson(url, p.timeoutSeconds);
  if (jsonString(doc, "issuer") != p.issuer)
    throw Error(ErrorCode::io,
                "de aanmelddienst noemt zich '" + jsonString(doc, "issuer") + "', niet de ingestelde uitgever '" + p.issuer + "'",
                Place().set("url", url));
  Metadata m;
  m.authorizationEndpoint = jsonString(doc, "authorization_endpoint");
  m.tokenEndpoint = jsonString(doc, "token_endpoint");
  m.jwksUri = jsonString(doc, "jwks_uri");
  for (const auto& [field, value] : {std::pair{"authorization_endpoint", m.authorizationEndpoint},
                                     {"token_endpoint", m.tokenEndpoint}, {"jwks_uri", m.jwksUri}}) {
    if (value.empty()) throw Error(ErrorCode::io, std::string("het ontdekkingsdocument mist '") + field + "'", Place().set("url", url));
    checkProviderUrl(value, field);
  }
  m.fetched = now();
  std::lock_guard lock(mutex_);
  auto& kept = metadata_[p.name];
  if (kept.jwksUri == m.jwksUri) {
    m.keys = kept.keys;
    m.keysFetched = kept.keysFetched;
  }
  kept = m;
  return m;
}

std::vector<SigningKey> OidcSignIn::keys(const OidcProvider& p, const std::string& kid) {
  Metadata m = metadata(p);
  bool known = std::any_of(m.keys.begin(), m.keys.end(), [&](const SigningKey& k) { return kid.empty() || k.kid == kid; });
  auto age = now() - m.keysFetched;
  if (!m.keys.empty() && age < limits_.metadataLifetime && (known || age < limits_.jwksRefetch)) return m.keys;
  std::vector<SigningKey> fresh;
  try {
    fresh = readJwks(getJson(m.jwksUri, p.timeoutSeconds));
  } catch (const Error& e) {
    throw Error(ErrorCode::io, std::string(e.message()), Place().set("url", m.jwksUri));
  }
  std::lock_guard lock(mutex_);
  auto& kept = metadata_[p.name];
  kept.keys = fresh;
  kept.keysFetched = now();
  return fresh;
}

OidcSignIn::Start OidcSignIn::begin(const std::string& name) {
  const OidcProvider* p = find(name);
  if (!p) throwNotFound("onbekende aanmelddienst '" + name + "'", Place().set("path", "/intranet/aanmelden/oidc/" + name));
  Metadata m = metadata(*p);
  Pending pending{p->name, base64UrlEncode(randomBytes(32)), base64UrlEncode(randomBytes(32)),
                  base64UrlEncode(randomBytes(32)), now()};
  std::string scope;
  for (const auto& s : p->scopes) scope += (scope.empty() ? "" : " ") + s;
  std::string location = m.authorizationEndpoint;
  location += location.find('?') == std::string::npos ? '?' : '&';
  location += "response_type=code&client_id=" + formEncode(p->clientId) + "&redirect_uri=" + formEncode(p->redirectUri) +
              "&scope=" + formEncode(scope) + "&state=" + pending.state + "&nonce=" + pending.nonce +
              "&code_challenge=" + s256(pending.verifier) + "&code_challenge_method=S256";
  Start start{location, base64UrlEncode(randomBytes(32))};
  std::lock_guard lock(mutex_);
  auto t = now();
  for (auto it = pending_.begin(); it != pending_.end();)
    it = t - it->second.created >= limits_.pendingLifetime ? pending_.erase(it) : std::next(it);
  while (pending_.size() >= limits_.maxPending) {
    auto oldest = std::min_element(pending_.begin(), pending_.end(),
                                   [](const auto& a, const auto& b) { return a.second.created < b.second.created; });
    pending_.erase(oldest);
  }
  pending_[start.cookie] = pending;
  return start;
}

std::string OidcSignIn::pendingProvider(const std::string& cookie) {
  std::lock_guard lock(mutex_);
  auto it = pending_.find(cookie);
  return it == pending_.end() ? "" : it->second.provider;
}

std::size_t OidcSignIn::pendingCount() {
  std::lock_guard lock(mutex_);
  return pending_.size();
}

OidcSignIn::Result OidcSignIn::finish(const std::string& cookie, const FormFields& query) {
  Pending pending;
  {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(cookie);
    if (cookie.empty() || it == pending_.end())
      throw Error(ErrorCode::denied, "deze aanmelding is verlopen, werd al gebruikt of is niet in deze browser begonnen");
    pending = it->second;
    pending_.erase(it);  // single use, whatever follows
  }
  if (now() - pending.created >= limits_.pendingLifetime)
    throw Error(ErrorCode::denied, "deze aanmelding is verlopen (langer dan " +
                                       std::to_string(limits_.pendingLifetime.count() / 60) + " minuten)");
  const OidcProvider* p = find(pending.provider);
  if (!p) throw Error(ErrorCode::denied, "de aanmelddienst van deze aanmelding is niet meer ingesteld");
  if (!equalConstantTime(field(query, "state"), pending.state))
    throw Error(ErrorCode::denied, "de aanmelding hoort niet bij deze browser (state)", Place().set("field", "'state'"));
  if (query.count("iss") && field(query, "iss") != p->issuer)
    throw Error(ErrorCode::denied, "het antwoord komt van een andere aanmelddienst (iss)", Place().set("field", "'iss'"));
  if (query.count("error"))
    throw Error(ErrorCode::denied, "de aanmelddienst heeft de aanmelding niet toegestaan (" +
                                       field(query, "error").substr(0, 64) + ")");
  std::string code = field(query, "code");
  if (code.empty() || code.size() > 2048) throw Error(ErrorCode::denied, "het antwoord van de aanmelddienst bevat geen code",
                                                      Place().set("field", "'code'"));
  Metadata m = metadata(*p);
  std::string form = "grant_type=authorization_code&code=" + formEncode(code) + "&redirect_uri=" +
                     formEncode(p->redirectUri) + "&code_verifier=" + pending.verifier;
  JsonObject tokens = postForm(m.tokenEndpoint, form, p->clientId, p->clientSecret, p->timeoutSeconds);
  std::string idToken = jsonString(tokens, "id_token");
  if (idToken.empty()) throw Error(ErrorCode::denied, "het antwoord van de aanmelddienst bevat geen ID-token");
  IdTokenCheck check;
  check.issuer = p->issuer;
  check.clientId = p->clientId;
  check.nonce = pending.nonce;
  check.now = std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  check.skew = limits_.skewSeconds;
  Result r;
  r.provider = p->name;
  r.label = p->label;
  r.claims = verifyIdToken(idToken, keys(*p, idTokenKeyId(idToken)), check);
  r.link = p->name + ":" + r.claims.subject;
  return r;
}

}  // namespace igsgov::web
