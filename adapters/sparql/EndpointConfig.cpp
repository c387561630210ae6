#include "adapters/sparql/EndpointConfig.hpp"

#include "adapters/sparql/RoleMapping.hpp"

#include <Poco/URI.h>

namespace igsgov::adapters::sparql {

namespace {
const char* kKind = "configuratie SPARQL-bron";
}

EndpointConfig EndpointConfig::fromJson(const JsonObject& obj) {
  Reader r(obj, kKind);
  r.rejectUnknown({"endpoint", "graph", "timeout_s", "method", "max_bytes", "roles"});
  EndpointConfig c;
  c.endpoint = r.str("endpoint");
  Poco::URI uri;
  try {
    uri = Poco::URI(c.endpoint);
  } catch (const Poco::Exception&) {
    r.fail("endpoint", "geen geldige URL: '" + c.endpoint + "'");
  }
  if (uri.getScheme() != "http" && uri.getScheme() != "https")
    r.fail("endpoint", "alleen http- of https-URL's worden ondersteund: '" + c.endpoint + "'");
  if (uri.getHost().empty()) r.fail("endpoint", "de URL heeft geen host: '" + c.endpoint + "'");

  // Numbers must be JSON numbers (Reader would also accept "10").
  for (const char* f : {"timeout_s", "max_bytes"})
    if (r.has(f) && !obj->get(f).isInteger()) r.fail(f, "geheel getal verwacht");

  c.graph = r.optStr("graph");
  if (c.graph && c.graph->empty()) r.fail("graph", "lege graaf-URI");
  if (auto t = r.optInteger("timeout_s")) {
    if (*t < 1 || *t > 600) r.fail("timeout_s", "moet tussen 1 en 600 seconden liggen");
    c.timeoutSeconds = static_cast<int>(*t);
  }
  if (auto m = r.optOneOf("method", {"get", "post"})) c.method = *m == "get" ? HttpMethod::get : HttpMethod::post;
  if (auto b = r.optInteger("max_bytes")) {
    if (*b < 1024) r.fail("max_bytes", "moet minstens 1024 zijn");
    c.maxBytes = static_cast<std::size_t>(*b);
  }
  if (auto roles = r.optObject("roles")) {
    for (const auto& [uriText, v] : *roles) {
      if (!v.isString() || !roleFromName(v.convert<std::string>()))
        r.fail("roles", "rol voor '" + uriText + "' moet een van voorzitter, ondervoorzitter, bestuurder, "
                        "bestuurder_raadgevend, plaatsvervanger, deskundige zijn");
      c.roles[uriText] = v.convert<std::string>();
    }
  }
  return c;
}

EndpointConfig EndpointConfig::fromJsonText(const std::string& text) {
  return fromJson(parseJsonObject(text, kKind));
}

JsonObject EndpointConfig::toJson() const {
  auto o = newObject();
  o->set("endpoint", endpoint);
  if (graph) o->set("graph", *graph);
  o->set("timeout_s", timeoutSeconds);
  if (method != HttpMethod::automatic) o->set("method", method == HttpMethod::get ? "get" : "post");
  o->set("max_bytes", static_cast<Poco::Int64>(maxBytes));
  if (!roles.empty()) {
    auto r = newObject();
    for (const auto& [k, v] : roles) r->set(k, v);
    o->set("roles", r);
  }
  return o;
}

}  // namespace igsgov::adapters::sparql
