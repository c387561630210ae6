// The intranet as a function from request to response, independent of the
// HTTP server (igsgovd's Intranet handler does the socket I/O and logging):
//
//   /                      -> 303 /intranet
//   /intranet              -> 303 to the IGS list, or to the login page
//   /intranet/stijl.css    the style sheet (public)
//   /intranet/aanmelden    GET login form; POST {naam, wachtwoord} -> session cookie, 303
//   /intranet/afmelden     POST {csrf} -> session removed, cookie cleared, 303
//   /intranet/aanmelden/oidc/:provider  GET -> pre-login cookie "igsgov_oidc", 303 to the provider
//   /intranet/aanmelden/terug           GET {code, state, iss} -> the account linked to
//                          "<provider>:<sub>" signs in (web/OidcSignIn.hpp); a page that
//                          refreshes to the IGS list (not a 303, see Site.cpp)
//   /intranet/wachtwoord   GET form; POST {huidig, nieuw, herhaling} -> account.own-password,
//                          then 303 to the login page (the change ends every session)
//   /intranet/accounts     GET accounts with their roles; POST {naam, volledige_naam, email}
//                          -> account.create with a generated password, shown once
//   /intranet/accounts/:account  POST {actie: wachtwoord | rol | intrekken |
//                          uitschakelen | inschakelen, rol, samenwerkingsverband}
//                          (beheerder for every cooperation; web/AccountsPage.cpp)
//   /intranet/igs[/...]    the pages (web/Pages.hpp), login required
//
// Authentication: the session cookie "igsgov_sessie" (HttpOnly,
// SameSite=Strict, Secure with TLS, Path=/intranet) names a server-side
// session (web/Sessions.hpp) of a personal account ("account:<id>",
// service/Accounts.hpp) signed in with its password or with OpenID Connect; API tokens are for
// machines (REST) and do not sign in here. Each request reads the account
// again, so disabling it or resetting its password ends its sessions, and a
// changed grant applies at the next request. The caller of every operation is
// the account with its roles per cooperation (ops/Authorization.hpp). Failed
// logins count in the service's LoginThrottle under the client address (shared
// with REST's bad tokens) and under the account name: while either has spent
// its budget, every login under it, right or wrong, is answered 429 with
// Retry-After and a Dutch message. A full
// session store answers 503. A page without (live) session
// redirects to the login page, which then says the session expired. Every
// POST except the login needs the session's CSRF token in field "csrf"
// (403 otherwise). Errors render the Dutch error page with the status of
// service/HttpErrors.hpp (404 unknown IGS, 403 role or CSRF, 400 bad date,
// 405 wrong method with Allow).
//
// Thread safety: handle() may run on many threads at once; the SessionStore
// locks itself, the Register runs reads side by side and serialises writes, Views is immutable.
#pragma once

#include "core/TimeZone.hpp"
#include "ops/ServerPaths.hpp"
#include "ops/Session.hpp"
#include "service/LoginThrottle.hpp"
#include "web/OidcSignIn.hpp"
#include "web/Sessions.hpp"
#include "web/Views.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace igsgov::web {

struct Request {
  std::string method;       // GET, POST, HEAD...
  std::string path;         // the path of the URI, still %-encoded (the router decodes placeholders)
  std::string query;        // raw query string (without '?')
  std::string cookieHeader; // the Cookie header, "" when absent
  std::string contentType;
  std::string body;         // the form body of a POST
  std::string client{};     // the client's throttle key (service::clientKey), "" when unknown
  std::string host{};       // the Host header ("" when absent): the origin of absolute links shown on pages
};

struct Response {
  int status = 200;
  std::string contentType = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Location, Set-Cookie, ...)
  std::string body;
  std::string actor;  // who (for the log), "" when not signed in
  std::string role;
  std::string page;   // the route's page name (for the log)
};

struct SiteOptions {
  bool tls = false;         // Secure cookies
  std::string version;      // shown in the footer
  SessionLimits sessions;
  std::string documentsDir{};  // where generated documents are kept; empty: generating is refused
  ops::ServerFiles files{};    // server files the operations use (ops/ServerPaths.hpp, igsgovd "files")
  service::LoginThrottle* throttle = nullptr;  // failed logins; owned by the caller, nullptr: none
  OidcSignIn* oidc = nullptr;  // OpenID Connect providers; owned by the caller, nullptr: none
  // Dates and times on the pages are those of this zone (read once by the
  // constructor from the system zoneinfo; Error(io) when tzdata is missing).
  std::string timeZone = "Europe/Brussels";
  std::string zoneinfoDir = TimeZone::kZoneinfo;
  std::function<Micros()> now{};  // the current instant (tests pin it); empty: the system clock
  std::size_t maxUploadBytes = 16u << 20;  // one uploaded file (statuten versions); more: an error at the field
};

constexpr const char* kSessionCookie = "igsgov_sessie";
constexpr const char* kLoginCookie = "igsgov_aanmelden";  // the login form's token (double submit)
constexpr const char* kOidcCookie = "igsgov_oidc";        // a pending OpenID login (SameSite=Lax, 10 min)

class Site {
public:
  Site(ops::Session& session, SiteOptions options);
  Response handle(const Request& request);
  SessionStore& sessions() { return sessions_; }

private:
  ops::Session& session_;
  SiteOptions options_;
  SessionStore sessions_;
  Views views_;
  TimeZone zone_;
};

}  // namespace igsgov::web
