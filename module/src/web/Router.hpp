// Routing of the intranet's paths: patterns of literal segments and
// placeholders ("/intranet/igs/:igs/mandaten/:mandate"), matched segment by
// segment; placeholders take one non-empty, %-decoded segment. A route names
// its page and the methods it accepts, so the handler can answer 404 (no route)
// apart from 405 (route, other method).
//
// Immutable after construction; thread-safe to match from many threads.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::web {

struct Route {
  std::string page;               // e.g. "composition"
  std::string pattern;            // e.g. "/intranet/igs/:igs/samenstelling"
  std::set<std::string> methods;  // e.g. {"GET"}
  bool needsLogin = true;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;  // placeholder -> decoded segment
  bool methodAllowed = false;
};

class Router {
public:
  explicit Router(std::vector<Route> routes);
  // The first route whose pattern matches `path` (a trailing slash is ignored),
  // preferring one that allows `method`; nothing when no pattern matches.
  std::optional<RouteMatch> match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

private:
  std::vector<Route> routes_;
};

// The intranet's routes (see docs/dev/intranet.md).
const Router& intranetRouter();

}  // namespace igsgov::web
