// Fuzz target "forms": what the intranet reads from a browser before any
// page runs (module/src/web/Forms, Router): form bodies and URI queries
// (application/x-www-form-urlencoded), the Cookie header, date fields and
// the %-decoding of path placeholders.
//
// The input is split at its first newline: the first line is a request path
// (matched against the intranet's routes), the rest is used as a form body,
// a query and a Cookie header. Checks: a parsed form, encoded again field by
// field, parses to the same fields; a cookie value never holds the ';' that
// ends it, and a Set-Cookie value written for it is read back; a date field
// is a real date or a clean Error; route placeholders are non-empty decoded
// segments. Seeds: the login, logout and document forms of the intranet pages
// (tests/unit/web, tests/integration/pages) and real Cookie headers.
#include "FuzzSupport.hpp"
#include "core/Date.hpp"
#include "web/Forms.hpp"
#include "web/Router.hpp"
#include "web/Site.hpp"

#include <Poco/URI.h>

using namespace igsgov;
using namespace igsgov::web;

namespace {

std::string encode(const std::string& s) {
  std::string out;
  Poco::URI::encode(s, "!#$&'()*+,/:;=?@[]%", out);  // everything that means something in a form
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::text(data, size);
  std::size_t nl = in.find('\n');
  std::string path(in.substr(0, nl));
  std::string_view rest = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

  for (const char* method : {"GET", "POST"}) {
    std::optional<RouteMatch> m;
    if (!fuzz::refuse("Router::match", [&] { m = intranetRouter().match(method, path); }) || !m) continue;
    fuzz::require(m->route != nullptr, "a match without a route");
    for (const auto& [name, value] : m->params) fuzz::require(!value.empty(), "an empty placeholder: " + name);
  }

  FormFields fields;
  if (fuzz::refuse("parseForm", [&] { fields = parseForm(rest); })) {
    std::string again;
    for (const auto& [name, value] : fields) {
      again += (again.empty() ? "" : "&") + encode(name) + "=" + encode(value);
    }
    FormFields back;
    fuzz::refuse("parseForm(encoded)", [&] { back = parseForm(again); });
    fuzz::require(back == fields, "a form encoded again parses to other fields");
    for (const auto& f : fields) {
      const std::string& name = f.first;  // not a structured binding: clang 14 cannot capture one
      std::optional<std::string> date;
      if (fuzz::refuse("dateField", [&] { date = dateField(fields, name); }) && date)
        fuzz::require(Date::parse(*date).has_value(), "dateField let a non-date through: " + *date);
      fuzz::require(field(fields, name) == f.second, "field() differs from the form");
    }
  }

  for (const char* name : {kSessionCookie, kLoginCookie, ""}) {
    auto value = cookieValue(rest, name);
    if (!value) continue;
    fuzz::require(value->find(';') == std::string::npos, "a cookie value holds ';'");
    CookieOptions o;
    std::string set = setCookie(name, *value, o);
    auto back = cookieValue(set.substr(0, set.find(';')), name);
    fuzz::require(back && *back == *value, "a Set-Cookie value does not read back");
  }
  return 0;
}
