#include "web/Router.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace igsgov::web {

namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool matches(const Route& r, const std::vector<std::string>& parts, std::map<std::string, std::string>& params) {
  auto pattern = segments(r.pattern);
  if (pattern.size() != parts.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!pattern[i].empty() && pattern[i][0] == ':') {
      std::string value;
      try {
        Poco::URI::decode(parts[i], value);
      } catch (const Poco::Exception&) {
        return false;
      }
      if (value.empty()) return false;
      params[pattern[i].substr(1)] = value;
    } else if (pattern[i] != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

std::optional<RouteMatch> Router::match(const std::string& method, const std::string& path) const {
  auto parts = segments(path);
  std::optional<RouteMatch> found;
  for (const auto& r : routes_) {
    RouteMatch m;
    if (!matches(r, parts, m.params)) continue;
    m.route = &r;
    m.methodAllowed = r.methods.count(method) > 0;
    if (m.methodAllowed) return m;
    if (!found) found = std::move(m);
  }
  return found;
}

const Router& intranetRouter() {
  static const Router router({
      {"home", "/intranet", {"GET"}, false},
      {"css", "/intranet/stijl.css", {"GET"}, false},
      {"login", "/intranet/aanmelden", {"GET", "POST"}, false},
      {"logout", "/intranet/afmelden", {"POST"}, false},
      {"oidc-start", "/intranet/aanmelden/oidc/:provider", {"GET"}, false},
      {"oidc-return", "/intranet/aanmelden/terug", {"GET"}, false},
      {"password", "/intranet/wachtwoord", {"GET", "POST"}},
      {"feed", "/intranet/agenda", {"GET", "POST"}},
      {"accounts", "/intranet/accounts", {"GET", "POST"}},
      {"account", "/intranet/accounts/:account", {"POST"}},
      {"list", "/intranet/igs", {"GET"}},
      {"overview", "/intranet/igs/:igs", {"GET"}},
      {"composition", "/intranet/igs/:igs/samenstelling", {"GET"}},
      {"appoint", "/intranet/igs/:igs/mandaten/nieuw", {"GET", "POST"}},  // before :mandate
      {"mandate", "/intranet/igs/:igs/mandaten/:mandate", {"GET", "POST"}},
      {"seat", "/intranet/igs/:igs/zetels/:seat", {"GET"}},
      {"members", "/intranet/igs/:igs/deelnemers", {"GET", "POST"}},
      {"statuten", "/intranet/igs/:igs/statuten", {"GET"}},
      {"document-new", "/intranet/igs/:igs/statuten/nieuw", {"GET", "POST"}},
      {"compare", "/intranet/igs/:igs/statuten/vergelijk", {"GET"}},
      {"version-new", "/intranet/igs/:igs/statuten/:document/versie", {"GET", "POST"}},
      {"version-status", "/intranet/igs/:igs/statuten/versies/:version/status", {"GET", "POST"}},
      {"decision", "/intranet/igs/:igs/statuten/versies/:version/besluit", {"GET", "POST"}},
      {"version-correct", "/intranet/igs/:igs/statuten/versies/:version/verbeteren", {"GET", "POST"}},
      {"deadlines", "/intranet/igs/:igs/termijnen", {"GET"}},
      {"founding", "/intranet/igs/:igs/oprichting", {"GET", "POST"}},
      {"founding-attachment", "/intranet/igs/:igs/oprichting/bijlage/:checkoff", {"GET"}},
      {"findings", "/intranet/igs/:igs/bevindingen", {"GET"}},
      {"acknowledge", "/intranet/igs/:igs/bevindingen/erkennen", {"POST"}},
      {"pack", "/intranet/igs/:igs/bewijspakket", {"GET"}},
      {"export", "/intranet/igs/:igs/export/:tabel", {"GET"}},
      {"documents", "/intranet/igs/:igs/documenten", {"GET", "POST"}},
      {"document", "/intranet/igs/:igs/documenten/:document", {"GET"}},
      {"generation", "/intranet/igs/:igs/documenten/aanmaak/:generation", {"GET"}},
      {"contributions", "/intranet/igs/:igs/bijdragen", {"GET"}},
      {"contribution-key", "/intranet/igs/:igs/bijdragen/:key", {"GET", "POST"}},
      {"contribution-compute", "/intranet/igs/:igs/bijdragen/:key/berekenen", {"POST"}},
  });
  return router;
}

}  // namespace igsgov::web
