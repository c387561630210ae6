// Small HTTP pieces of the intranet that need no server: form bodies
// (application/x-www-form-urlencoded), the Cookie header, Set-Cookie values,
// constant-time comparison and the date fields of GET forms.
//
// Pure functions without state; thread-safe. Failures: igsgov::Error(invalid)
// with a Dutch message naming the field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace igsgov::web {

using FormFields = std::map<std::string, std::string>;

// Decodes "a=1&b=x+y%21" (also a URI query). A name given twice is refused
// (invalid, naming the field); a malformed %-escape is refused too.
FormFields parseForm(std::string_view body);

// The value of one cookie in a Cookie header ("a=1; b=2"), if present.
std::optional<std::string> cookieValue(std::string_view header, std::string_view name);

struct CookieOptions {
  std::string path = "/intranet";
  bool secure = false;   // set when the service runs TLS
  long long maxAgeSeconds = -1;  // -1: session cookie; 0: delete
  // "Strict" everywhere except the OpenID pre-login cookie, which must come
  // back on the provider's top-level redirect to us ("Lax").
  std::string sameSite = "Strict";
};
// "name=value; Path=/intranet; HttpOnly; SameSite=Strict[; Secure][; Max-Age=N]".
std::string setCookie(std::string_view name, std::string_view value, const CookieOptions& options);

// Equality in time independent of where the texts differ (CSRF tokens).
bool equalConstantTime(std::string_view a, std::string_view b);

// A date field of a form: empty -> nullopt; "YYYY-MM-DD" that exists -> the
// text; anything else -> Error(invalid) naming `field` ("geen geldige datum").
std::optional<std::string> dateField(const FormFields& fields, const std::string& field);

// The field's value or "" when absent.
std::string field(const FormFields& fields, const std::string& name);

}  // namespace igsgov::web
