#include "web/Site.hpp"

#include "core/Error.hpp"
#include "service/HttpErrors.hpp"
#include "service/Accounts.hpp"
#include "web/ExportLinks.hpp"
#include "web/Forms.hpp"
#include "web/OidcSignIn.hpp"
#include "web/Pages.hpp"
#include "web/Router.hpp"

namespace igsgov::web {

namespace {

constexpr const char* kLogin = "/intranet/aanmelden";
constexpr const char* kHome = "/intranet/igs";
constexpr const char* kOidcCredential = "oidc:";

struct User {
  LoginSession session;
  service::Identity who;
};

// The session's account as it is now: gone when the account was disabled or
// removed, or when the password it signed in with was reset since.
std::optional<service::Identity> sessionIdentity(ops::Session& s, const LoginSession& session) {
  constexpr std::string_view prefix = "account:";
  if (session.account.rfind(prefix, 0) != 0) return std::nullopt;
  std::optional<service::Identity> who;
  s.reg().read([&](store::Database& db) {
    who = service::accountIdentity(db, session.account.substr(prefix.size()));
    return JsonObject();
  });
  // A password session holds its password row; an OpenID session "oidc:" and
  // the account's link it signed in with.
  bool oidc = session.credential.rfind(kOidcCredential, 0) == 0;
  if (who && (oidc ? std::string(kOidcCredential) + who->subject : who->credential) != session.credential) who.reset();
  return who;
}

std::optional<service::Identity> subjectLogin(ops::Session& s, const std::string& link) {
  std::optional<service::Identity> who;
  s.reg().read([&](store::Database& db) {
    who = service::subjectLogin(db, link);
    return JsonObject();
  });
  return who;
}

std::optional<service::Identity> passwordLogin(ops::Session& s, const std::string& name, const std::string& password) {
  std::optional<service::Identity> who;
  s.reg().read([&](store::Database& db) {
    who = service::passwordLogin(db, name, password);
    return JsonObject();
  });
  return who;
}

std::string rolesText(const service::Identity& who) { return service::grantsText(who.grants); }

ops::Caller callerOf(const service::Identity& who) { return ops::Caller{who.id, "", "", who.grants, who.id}; }

// Only [A-Za-z0-9._-] in a download's file name (the header stays plain ASCII).
std::string safeFileName(const std::string& name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') ? c : '_';
  return out.empty() ? "document" : out;
}

void redirect(Response& resp, const std::string& to) {
  resp.status = 303;
  resp.headers.emplace_back("Location", to);
  resp.body.clear();
}

PageResult dispatch(const std::string& page, const std::string& method, PageRequest& r) {
  if (page == "list") return listPage(r);
  if (page == "overview") return overviewPage(r);
  if (page == "composition") return compositionPage(r);
  if (page == "appoint") return appointPage(r, method == "POST");
  if (page == "mandate") return method == "POST" ? mandateAction(r) : mandatePage(r);
  if (page == "seat") return seatPage(r);
  if (page == "members") return method == "POST" ? membersAction(r) : membersPage(r);
  if (page == "statuten") return statutenPage(r);
  if (page == "document-new") return documentCreatePage(r, method == "POST");
  if (page == "compare") return comparePage(r);
  if (page == "version-new") return versionUploadPage(r, method == "POST");
  if (page == "version-status") return versionStatusPage(r, method == "POST");
  if (page == "decision") return decisionPage(r, method == "POST");
  if (page == "version-correct") return versionCorrectPage(r, method == "POST");
  if (page == "deadlines") return deadlinesPage(r);
  if (page == "founding") return method == "POST" ? foundingAction(r) : foundingPage(r);
  if (page == "founding-attachment") return foundingAttachment(r);
  if (page == "findings") return findingsPage(r);
  if (page == "acknowledge") return acknowledgeAction(r);
  if (page == "pack") return packDownload(r);
  if (page == "export") return exportDownload(r);
  if (page == "documents") return method == "POST" ? generateAction(r) : documentsPage(r);
  if (page == "document") return documentDownload(r);
  if (page == "generation") return generationZip(r);
  if (page == "contributions") return contributionsPage(r);
  if (page == "contribution-key") return contributionKeyPage(r, method == "POST");
  if (page == "contribution-compute") return computeAction(r);
  if (page == "password") return passwordPage(r, method == "POST");
  if (page == "feed") return feedPage(r, method == "POST");
  if (page == "accounts") return method == "POST" ? createAccountAction(r) : accountsPage(r);
  if (page == "account") return changeAccountAction(r);
  throw Error(ErrorCode::internal, "pagina zonder afhandeling: " + page);
}

struct Tab {
  const char* key;
  const char* label;
  const char* suffix;
};
constexpr Tab kTabs[] = {{"overzicht", "Overzicht", ""},          {"samenstelling", "Samenstelling", "/samenstelling"},
                         {"statuten", "Statuten", "/statuten"},    {"termijnen", "Termijnen", "/termijnen"},
                         {"bevindingen", "Bevindingen", "/bevindingen"}, {"documenten", "Documenten", "/documenten"},
                         {"deelnemers", "Deelnemers en organen", "/deelnemers"},
                         {"bijdragen", "Bijdragen", "/bijdragen"}, {"oprichting", "Oprichting", "/oprichting"}};

}  // namespace

Site::Site(ops::Session& session, SiteOptions options)
    : session_(session), options_(std::move(options)), sessions_(options_.sessions),
      zone_(TimeZone::load(options_.timeZone, options_.zoneinfoDir)) {}

Response Site::handle(const Request& req) {
  Response resp;
  std::optional<User> user;
  auto render = [&](const std::string& view, const std::string& title, JsonObject data, const std::string& igs,
                    const std::string& igsName, const std::string& tab) {
    data->set("title", title);
    data->set("version", options_.version);
    if (!data->has("refresh")) data->set("refresh", "");
    data->set("has_refresh", !text(data, "refresh").empty());
    if (user) {
      auto u = newObject();
      u->set("name", user->who.displayName);
      u->set("role", rolesText(user->who));
      u->set("csrf", user->session.csrf);
      u->set("manages_accounts", ops::mayRun("account.list", callerOf(user->who), ""));
      data->set("user", u);
    }
    if (!igs.empty()) {
      auto nav = newObject();
      nav->set("name", igsName);
      auto tabs = newArray();
      for (const auto& t : kTabs) {
        auto o = newObject();
        o->set("href", "/intranet/igs/" + segment(igs) + t.suffix);
        o->set("label", t.label);
        o->set("current", tab == t.key);
        tabs->add(o);
      }
      nav->set("tabs", tabs);
      data->set("igs_nav", nav);
    }
    resp.body = views_.page(view, data);
  };
  CookieOptions cookie;
  cookie.secure = options_.tls;
  // The login form carries a fresh random token that must come back with the
  // same value in a SameSite=Strict cookie (double submit): a form posted from
  // another site has no such cookie, so nobody can sign a browser in with a
  // token of theirs (login CSRF).
  auto loginPage = [&](int status, const std::string& message, const std::string& name = "",
                       const std::string& notice = "") {
    resp.status = status;
    std::string formToken = randomHex32();
    CookieOptions loginCookie = cookie;
    loginCookie.maxAgeSeconds = 3600;
    resp.headers.emplace_back("Set-Cookie", setCookie(kLoginCookie, formToken, loginCookie));
    auto data = newObject();
    data->set("error", message);
    data->set("has_error", !message.empty());
    data->set("csrf", formToken);
    data->set("name", name);
    data->set("notice", notice);
    data->set("has_notice", !notice.empty());
    auto providers = newArray();
    for (const auto& p : options_.oidc ? options_.oidc->providers() : std::vector<OidcProvider>{}) {
      auto o = newObject();
      o->set("href", "/intranet/aanmelden/oidc/" + segment(p.name));
      o->set("label", p.label);
      providers->add(o);
    }
    data->set("oidc", providers);
    data->set("has_oidc", providers->size() > 0);
    render("login", "Aanmelden", data, "", "", "");
  };
  // A login that succeeded (password or OpenID): a new session, its cookie,
  // the login form's cookie deleted. False when the store is full (503 shown).
  auto startSession = [&](const service::Identity& who, const std::string& credential, const std::string& name) {
    if (user) sessions_.remove(user->session.id);
    LoginSession s;
    try {
      s = sessions_.create(who.principal, credential);
    } catch (const Error& full) {
      if (full.errorCode() != ErrorCode::busy) throw;
      resp.headers.emplace_back("Retry-After", "60");
      loginPage(503, full.message(), name);
      return false;
    }
    resp.headers.emplace_back("Set-Cookie", setCookie(kSessionCookie, s.id, cookie));
    CookieOptions used = cookie;
    used.maxAgeSeconds = 0;
    resp.headers.emplace_back("Set-Cookie", setCookie(kLoginCookie, "", used));
    resp.actor = who.id;
    resp.role = rolesText(who);
    return true;
  };
  CookieOptions oidcCookie = cookie;
  oidcCookie.path = "/intranet/aanmelden";
  oidcCookie.sameSite = "Lax";
  auto throttled = [&](const std::vector<std::string>& keys, const std::string& name) {
    auto wait = options_.throttle ? options_.throttle->retryAfter(keys) : 0;
    if (!wait) return false;
    resp.headers.emplace_back("Retry-After", std::to_string(wait));
    loginPage(429, "Te veel mislukte aanmeldpogingen voor dit account of vanaf uw adres. Probeer het opnieuw over " +
                       std::to_string(wait) + " seconden.", name);
    return true;
  };

  bool hadCookie = false;
  try {
    if (req.path == "/" || req.path.empty()) {
      redirect(resp, "/intranet");
      return resp;
    }
    if (auto id = cookieValue(req.cookieHeader, kSessionCookie)) {
      hadCookie = true;
      if (auto s = sessions_.find(*id)) {
        if (auto who = sessionIdentity(session_, *s)) user = User{*s, *who};
        else sessions_.remove(*id);
      }
    }
    if (user) {
      resp.actor = user->who.id;
      resp.role = rolesText(user->who);
    }
    auto match = intranetRouter().match(req.method, req.path);
    if (!match) throwNotFound("deze pagina bestaat niet", Place().set("path", req.path));
    resp.page = match->route->page;
    if (!match->methodAllowed) {
      std::string allow;
      for (const auto& m : match->route->methods) allow += (allow.empty() ? "" : ", ") + m;
      resp.status = 405;
      resp.headers.emplace_back("Allow", allow);
      throw Error(ErrorCode::invalid, "methode " + req.method + " is hier niet toegelaten (wel: " + allow + ")",
                  Place().set("path", req.path));
    }
    const std::string& page = match->route->page;
    if (page == "css") {
      resp.contentType = "text/css; charset=utf-8";
      resp.body = std::string(views_.css());
      resp.headers.emplace_back("Cache-Control", "max-age=3600");
      return resp;
    }
    if (page == "home") {
      redirect(resp, user ? kHome : kLogin);
      return resp;
    }
    if (page == "login") {
      if (req.method == "GET") {
        if (user) redirect(resp, kHome);
        else {
          auto query = parseForm(req.query);
          loginPage(200, query.count("verlopen") ? "Uw sessie is verlopen. Meld opnieuw aan." : "", "",
                    query.count("gewijzigd") ? "Uw wachtwoord is gewijzigd. Meld aan met het nieuwe wachtwoord." : "");
        }
        return resp;
      }
      FormFields form = parseForm(req.body);
      auto expected = cookieValue(req.cookieHeader, kLoginCookie);
      if (!expected || expected->empty() || !equalConstantTime(*expected, field(form, "csrf"))) {
        loginPage(403, "Het aanmeldformulier is verlopen of komt niet van deze site. Meld opnieuw aan.");
        return resp;
      }
      // Failed logins count per address and per account name (known or not):
      // guessing one account's password from many addresses, or many
      // accounts' from one address, both run into the wait.
      std::string name = service::normaliseAccountId(field(form, "naam"));
      std::string password = field(form, "wachtwoord");
      std::vector<std::string> throttleKeys;
      if (!req.client.empty()) throttleKeys.push_back(req.client);
      if (!name.empty()) throttleKeys.push_back(service::accountKey(name));
      if (throttled(throttleKeys, name)) return resp;
      if (name.empty() || password.empty()) {
        loginPage(400, name.empty() ? "Geef uw gebruikersnaam in." : "Geef uw wachtwoord in.", name);
        return resp;
      }
      auto who = passwordLogin(session_, name, password);
      if (!who) {
        if (options_.throttle) options_.throttle->failed(throttleKeys);
        loginPage(401, "Onbekende gebruikersnaam of verkeerd wachtwoord.", name);
        return resp;
      }
      if (startSession(*who, who->credential, name)) redirect(resp, kHome);
      return resp;
    }
    if (page == "oidc-start" || page == "oidc-return") {
      if (!options_.oidc || options_.oidc->providers().empty())
        throwNotFound("aanmelden met OpenID Connect is op deze server niet ingesteld", Place().set("path", req.path));
      std::vector<std::string> keys;
      if (!req.client.empty()) keys.push_back(req.client);
      if (throttled(keys, "")) return resp;
      if (page == "oidc-start") {
        const std::string& name = match->params.at("provider");
        const OidcProvider* provider = options_.oidc->find(name);
        if (!provider) throwNotFound("onbekende aanmelddienst '" + name + "'", Place().set("path", req.path));
        try {
          auto start = options_.oidc->begin(name);
          CookieOptions pending = oidcCookie;
          pending.maxAgeSeconds = 600;
          resp.headers.emplace_back("Set-Cookie", setCookie(kOidcCookie, start.cookie, pending));
          redirect(resp, start.location);
        } catch (const Error& e) {
          if (e.errorCode() != ErrorCode::io) throw;
          loginPage(502, "Aanmelden met " + provider->label + " lukt nu niet: " + std::string(e.message()) +
                             ". Probeer het later opnieuw of meld aan met uw wachtwoord.");
        }
        return resp;
      }
      // The provider's answer. The pre-login cookie is used up whatever happens.
      CookieOptions gone = oidcCookie;
      gone.maxAgeSeconds = 0;
      resp.headers.emplace_back("Set-Cookie", setCookie(kOidcCookie, "", gone));
      std::string pendingId = cookieValue(req.cookieHeader, kOidcCookie).value_or("");
      std::string label = "uw organisatie";
      if (auto* p = options_.oidc->find(options_.oidc->pendingProvider(pendingId))) label = p->label;
      OidcSignIn::Result result;
      try {
        result = options_.oidc->finish(pendingId, parseForm(req.query));
      } catch (const Error& e) {
        if (e.errorCode() == ErrorCode::io) {
          loginPage(502, "Aanmelden met " + label + " lukt nu niet: " + std::string(e.message()) +
                             ". Probeer het later opnieuw of meld aan met uw wachtwoord.");
          return resp;
        }
        if (options_.throttle) options_.throttle->failed(keys);
        loginPage(401, "Aanmelden met " + label + " is geweigerd: " + std::string(e.message()) + ".");
        return resp;
      }
      auto who = subjectLogin(session_, result.link);
      if (!who) {
        if (options_.throttle) options_.throttle->failed(keys);
        loginPage(403, "U bent aangemeld bij " + result.label + ", maar er is geen (ingeschakeld) account aan gekoppeld. "
                       "Vraag de beheerder van igsgov om uw account te koppelen aan '" + result.link + "'.");
        return resp;
      }
      if (!startSession(*who, kOidcCredential + result.link, "")) return resp;
      // A page that moves on by itself instead of a 303: the browser came here
      // from the provider's site, and a redirect in that same navigation would
      // not send the SameSite=Strict session cookie; the refresh is a new
      // navigation started by this site.
      auto data = newObject();
      data->set("name", who->displayName);
      data->set("provider", result.label);
      data->set("refresh", std::string(kHome));
      render("signed-in", "Aangemeld", data, "", "", "");
      return resp;
    }
    if (page == "logout") {
      if (user) {
        if (!sessions_.checkCsrf(user->session.id, field(parseForm(req.body), "csrf")))
          throw Error(ErrorCode::denied, "het formulier is verlopen of ongeldig (CSRF-token); laad de pagina opnieuw");
        sessions_.remove(user->session.id);
      }
      cookie.maxAgeSeconds = 0;
      resp.headers.emplace_back("Set-Cookie", setCookie(kSessionCookie, "", cookie));
      redirect(resp, kLogin);
      return resp;
    }
    if (match->route->needsLogin && !user) {
      redirect(resp, std::string(kLogin) + (hadCookie ? "?verlopen=1" : ""));
      return resp;
    }
    // A form with a file comes as multipart/form-data (web/Multipart.hpp,
    // bounded); parsed only for a signed-in session, before its CSRF check.
    FormFields fields;
    std::map<std::string, UploadedFile> uploads;
    if (req.method == "POST" && isMultipartForm(req.contentType)) {
      MultipartLimits limits;
      limits.maxFileBytes = options_.maxUploadBytes;
      auto form = parseMultipart(req.body, multipartBoundary(req.contentType), limits);
      fields = std::move(form.fields);
      uploads = std::move(form.files);
    } else {
      fields = parseForm(req.method == "POST" ? req.body : req.query);
    }
    if (req.method == "POST" && !sessions_.checkCsrf(user->session.id, field(fields, "csrf")))
      throw Error(ErrorCode::denied, "het formulier is verlopen of ongeldig (CSRF-token); laad de pagina opnieuw");
    PageRequest pr{session_, callerOf(user->who), user->session.csrf, match->params, fields,
                   options_.documentsDir, options_.files, &zone_,
                   options_.now ? options_.now() : nowMicros(), std::move(uploads), options_.maxUploadBytes, {}};
    if (!req.host.empty()) pr.origin = std::string(options_.tls ? "https://" : "http://") + req.host;
    // A wrong current password on the password page counts as a failed login
    // of the account (a stolen session must not guess it at full speed).
    std::vector<std::string> passwordKeys;
    if (page == "password" && req.method == "POST" && options_.throttle) {
      if (!req.client.empty()) passwordKeys.push_back(req.client);
      passwordKeys.push_back(service::accountKey(user->who.id));
      if (auto wait = options_.throttle->retryAfter(passwordKeys)) {
        resp.status = 429;
        resp.headers.emplace_back("Retry-After", std::to_string(wait));
        throw Error(ErrorCode::busy, "te veel mislukte pogingen voor dit account; probeer het opnieuw over " +
                                         std::to_string(wait) + " seconden");
      }
    }
    PageResult result = dispatch(page, req.method, pr);
    if (!passwordKeys.empty() && result.data && result.data->optValue<bool>("error_huidig", false))
      options_.throttle->failed(passwordKeys);
    if (!result.redirect.empty()) {
      redirect(resp, result.redirect);
    } else if (!result.mediaType.empty()) {
      resp.contentType = result.mediaType;
      resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safeFileName(result.fileName) + "\"");
      resp.body = std::move(result.fileBytes);
    } else {
      resp.status = result.status;
      std::string igsName = result.data->has("igs_name") ? text(result.data, "igs_name") : "";
      resp.status = result.status;
      render(result.view, result.title, result.data, result.igs, igsName, result.tab);
    }
  } catch (const Error& e) {
    if (resp.status != 405 && resp.status != 429) resp.status = service::httpStatus(e.errorCode());
    resp.contentType = "text/html; charset=utf-8";
    auto data = newObject();
    data->set("status", resp.status);
    data->set("message", std::string(e.message()));
    data->set("place", e.place().empty() ? std::string() : e.place().describe());
    data->set("has_place", !e.place().empty());
    data->set("signed_in", user.has_value());
    try {
      render("error", resp.status == 404 ? "Niet gevonden" : resp.status == 403 ? "Geen toegang" : "Er ging iets mis", data,
             "", "", "");
    } catch (const std::exception& inner) {
      resp.contentType = "text/plain; charset=utf-8";
      resp.body = "Fout: " + std::string(e.what()) + "\n";
    }
  } catch (const std::exception& e) {
    resp.status = 500;
    resp.contentType = "text/plain; charset=utf-8";
    resp.body = "Interne fout: " + std::string(e.what()) + "\n";
  }
  return resp;
}

}  // namespace igsgov::web
