#include "web/Forms.hpp"

#include "core/Date.hpp"
#include "core/Error.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace igsgov::web {

namespace {

// '+' is a space in forms; %-escapes by Poco (which refuses malformed ones).
std::string decode(std::string_view s, const std::string& what) {
  std::string plus(s), out;
  for (char& c : plus)
    if (c == '+') c = ' ';
  try {
    Poco::URI::decode(plus, out);
  } catch (const Poco::Exception&) {
    throwInvalid("ongeldige %-codering in het formulier", Place().set("field", "'" + what + "'"));
  }
  return out;
}

}  // namespace

FormFields parseForm(std::string_view body) {
  FormFields out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(start, end - start);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      std::string name = decode(pair.substr(0, eq), std::string(pair.substr(0, eq)));
      std::string value = eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1), name);
      if (!out.emplace(name, value).second)
        throwInvalid("veld komt twee keer voor in het formulier", Place().set("field", "'" + name + "'"));
    }
    start = end + 1;
  }
  return out;
}

std::optional<std::string> cookieValue(std::string_view header, std::string_view name) {
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view part = header.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    std::size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    start = end + 1;
  }
  return std::nullopt;
}

std::string setCookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out(name);
  out += '=';
  out += value;
  out += "; Path=" + o.path + "; HttpOnly; SameSite=" + o.sameSite;
  if (o.secure) out += "; Secure";
  if (o.maxAgeSeconds >= 0) out += "; Max-Age=" + std::to_string(o.maxAgeSeconds);
  return out;
}

bool equalConstantTime(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::optional<std::string> dateField(const FormFields& fields, const std::string& name) {
  auto it = fields.find(name);
  if (it == fields.end() || it->second.empty()) return std::nullopt;
  if (!Date::parse(it->second))
    throwInvalid("geen geldige datum: '" + it->second + "' (verwacht JJJJ-MM-DD)",
                 Place().set("field", "'" + name + "'"));
  return it->second;
}

std::string field(const FormFields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

}  // namespace igsgov::web
