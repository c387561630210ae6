#include "adapters/webdav/WebDavConfig.hpp"

#include <Poco/Environment.h>
#include <Poco/Exception.h>

#include <fstream>

namespace igsgov::adapters::webdav {

WebDavConfig WebDavConfig::fromJson(const JsonObject& config) {
  Reader r(config, "WebDAV-configuratie");
  r.rejectUnknown({"type", "url", "user", "password_env", "password_file", "ca_file", "parallel", "verify_hash",
                   "timeout_seconds", "stale_seconds", "page_size", "password"});
  if (r.has("password"))
    r.fail("password", "wachtwoorden horen niet in de configuratie; gebruik 'password_env' of 'password_file'");
  WebDavConfig c;
  std::string url = r.str("url");
  try {
    c.url = Poco::URI(url);
  } catch (const Poco::Exception& e) {
    r.fail("url", "geen geldige URL: " + e.message());
  }
  if (c.url.getScheme() != "http" && c.url.getScheme() != "https") r.fail("url", "schema moet http of https zijn");
  if (c.url.getHost().empty()) r.fail("url", "host ontbreekt");
  if (!c.url.getUserInfo().empty()) r.fail("url", "gebruikersnaam of wachtwoord in de URL is niet toegestaan");
  if (!c.url.getQuery().empty() || !c.url.getFragment().empty()) r.fail("url", "query of fragment niet toegestaan");
  std::string path = c.url.getPath();
  if (path.empty() || path.back() != '/') path += '/';
  c.url.setPath(path);
  c.user = r.optStr("user").value_or("");
  if (r.has("password_env") && r.has("password_file"))
    r.fail("password_env", "kies 'password_env' of 'password_file', niet beide");
  if (auto env = r.optStr("password_env")) {
    if (!Poco::Environment::has(*env)) r.fail("password_env", "omgevingsvariabele '" + *env + "' is niet gezet");
    c.password = Poco::Environment::get(*env);
  } else if (auto file = r.optStr("password_file")) {
    std::ifstream in(*file);
    if (!in) r.fail("password_file", "bestand '" + *file + "' kan niet gelezen worden");
    std::getline(in, c.password);
    if (!c.password.empty() && c.password.back() == '\r') c.password.pop_back();
  }
  if (!c.user.empty() && c.password.empty() && !r.has("password_env") && !r.has("password_file"))
    r.fail("user", "gebruiker zonder 'password_env' of 'password_file'");
  c.caFile = r.optStr("ca_file").value_or("");
  if (!c.caFile.empty() && !std::ifstream(c.caFile)) r.fail("ca_file", "bestand '" + c.caFile + "' kan niet gelezen worden");
  c.parallel = static_cast<int>(r.optInteger("parallel").value_or(4));
  if (c.parallel < 1 || c.parallel > 32) r.fail("parallel", "moet tussen 1 en 32 liggen");
  c.verifyHash = r.optBoolean("verify_hash").value_or(false);
  c.timeoutSeconds = static_cast<int>(r.optInteger("timeout_seconds").value_or(60));
  if (c.timeoutSeconds < 1 || c.timeoutSeconds > 3600) r.fail("timeout_seconds", "moet tussen 1 en 3600 liggen");
  c.staleSeconds = static_cast<int>(r.optInteger("stale_seconds").value_or(600));
  if (c.staleSeconds < 1 || c.staleSeconds > 86400 * 7) r.fail("stale_seconds", "moet tussen 1 en 604800 liggen");
  c.pageSize = static_cast<int>(r.optInteger("page_size").value_or(1000));
  if (c.pageSize < 0 || c.pageSize > 100000) r.fail("page_size", "moet tussen 0 (niet pagineren) en 100000 liggen");
  return c;
}

std::string WebDavConfig::displayUrl() const {
  Poco::URI shown(url);
  shown.setUserInfo("");
  return shown.toString();
}

}  // namespace igsgov::adapters::webdav
