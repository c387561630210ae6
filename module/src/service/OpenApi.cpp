#include "service/OpenApi.hpp"

#include "core/Error.hpp"

#include <utility>
#include <vector>

namespace igsgov::service {

namespace {

JsonObject obj(std::initializer_list<std::pair<const char*, Poco::Dynamic::Var>> fields) {
  auto o = newObject();
  for (const auto& [k, v] : fields) o->set(k, v);
  return o;
}

JsonObject ref(const std::string& target) { return obj({{"$ref", target}}); }

JsonArray requiredOf(std::initializer_list<const char*> names) {
  auto a = newArray();
  for (const char* n : names) a->add(std::string(n));
  return a;
}

// JSON Schema of one catalogue param type.
JsonObject schemaOf(const std::string& type, const std::string& help) {
  JsonObject s;
  if (type == "date") s = obj({{"type", "string"}, {"format", "date"}});
  else if (type == "timestamp") s = obj({{"type", "string"}, {"description", "datum (JJJJ-MM-DD) of tijdstip (ISO 8601)"}});
  else if (type == "integer") s = obj({{"type", "integer"}, {"format", "int64"}});
  else if (type == "boolean") s = obj({{"type", "boolean"}});
  else if (type == "object") s = obj({{"type", "object"}});
  else if (type == "array") s = obj({{"type", "array"}, {"items", newObject()}});
  else if (type == "string") s = obj({{"type", "string"}});
  else if (type == "path")
    s = obj({{"type", "string"}, {"description", "pad op de machine van de bibliotheek; via REST geweigerd"}});
  else throw Error(ErrorCode::internal, "onbekend parametertype '" + type + "' in de catalogus");
  if (!help.empty() && !s->has("description")) s->set("description", help);
  return s;
}

std::string operationId(const std::string& name, const char* method) {
  std::string id = method;
  id += '_';
  for (char c : name) id += (c == '.' || c == '-') ? '_' : c;
  return id;
}

JsonObject errorResponses(bool write) {
  auto r = newObject();
  r->set("400", ref("#/components/responses/Invalid"));
  r->set("401", ref("#/components/responses/Unauthenticated"));
  r->set("403", ref("#/components/responses/Denied"));
  r->set("404", ref("#/components/responses/NotFound"));
  if (write) r->set("409", ref("#/components/responses/Conflict"));
  r->set("413", ref("#/components/responses/TooLarge"));
  r->set("422", ref("#/components/responses/Unprocessable"));
  r->set("429", ref("#/components/responses/TooMany"));
  r->set("500", ref("#/components/responses/ServerError"));
  r->set("503", ref("#/components/responses/Busy"));
  return r;
}

JsonObject okResponse(const std::string& what, JsonObject schema) {
  auto content = obj({{"application/json", obj({{"schema", schema}})}});
  return obj({{"description", what}, {"content", content}});
}

struct OpInfo {
  std::string name, summary, access;
  std::vector<std::string> roles;
  JsonArray params;
  bool open = false;
  JsonObject result;     // JSON Schema of the output (Operation::result)
  bool content = false;  // may answer a document instead of JSON (Operation::content)
  std::string download;  // media type of the body REST sends instead of JSON (Operation::download)
  std::vector<std::string> downloadOther{};  // the other media types it may send (export.*: CSV besides XLSX)
};

JsonObject operationObject(const OpInfo& op, const char* method, const JsonObject& body, const JsonArray& query) {
  auto o = newObject();
  o->set("operationId", operationId(op.name, method));
  o->set("summary", op.summary);
  std::string roles;
  auto rolesArray = newArray();
  for (const auto& r : op.roles) {
    roles += (roles.empty() ? "" : ", ") + r;
    rolesArray->add(r);
  }
  o->set("description", "Catalogusoperatie `" + op.name + "` (" + (op.access == "read" ? "lezen" : "wijzigen") +
                            "). Toegelaten rollen: " + roles + ".");
  auto tags = newArray();
  tags->add(op.name.substr(0, op.name.find('.')));
  o->set("tags", tags);
  if (!query.isNull() && query->size()) o->set("parameters", query);
  if (!body.isNull()) o->set("requestBody", body);
  auto responses = errorResponses(op.access != "read");
  auto ok = okResponse("uitvoer van " + op.name, op.result);
  if (op.content) {  // register.export as linked data answers the document itself
    auto content = ok->getObject("content");
    content->set("text/turtle", obj({{"schema", obj({{"type", "string"}})}}));
    content->set("application/ld+json", obj({{"schema", obj({{"type", "array"}})}}));
  }
  if (!op.download.empty()) {  // audit.pack answers its ZIP as an attachment
    auto binary = obj({{"schema", obj({{"type", "string"}, {"format", "binary"}})}});
    auto content = obj({{op.download.c_str(), binary}});
    for (const auto& other : op.downloadOther) content->set(other, binary);
    ok = obj({{"description", "het bestand zelf (Content-Disposition: attachment)"}, {"content", content}});
  }
  responses->set("200", ok);
  o->set("responses", responses);
  o->set("x-igsgov-roles", rolesArray);
  o->set("x-igsgov-access", op.access);
  return o;
}

JsonObject bodySchema(const OpInfo& op) {
  auto props = newObject();
  auto required = newArray();
  for (size_t i = 0; i < op.params->size(); ++i) {
    auto p = op.params->getObject(static_cast<unsigned>(i));
    std::string name = p->getValue<std::string>("name");
    std::string type = p->getValue<std::string>("type");
    auto schema = schemaOf(type, p->optValue<std::string>("help", ""));
    if (auto setting = p->optValue<std::string>("setting", ""); !setting.empty())
      schema->set("description", schema->getValue<std::string>("description") + "; de dienst gebruikt zijn instelling " +
                                     (setting.find('.') == std::string::npos ? "files." + setting : setting));
    // A path param with names (documents.generate's shipped templates): over REST only those names.
    if (type == "path" && p->isArray("values")) {
      schema = obj({{"type", "string"},
                    {"enum", p->getArray("values")},
                    {"description", p->optValue<std::string>("help", "") + "; via REST alleen een van deze namen"}});
    }
    props->set(name, schema);
    if (p->optValue<bool>("required", false)) required->add(name);
  }
  auto s = obj({{"type", "object"}, {"properties", props}, {"additionalProperties", op.open}});
  if (required->size()) s->set("required", required);
  return s;
}

// Query parameters for GET: the params that can travel in a query string (an
// object, array or path param only in a POST body; paths are refused over REST anyway).
JsonArray queryParams(const OpInfo& op) {
  auto list = newArray();
  for (size_t i = 0; i < op.params->size(); ++i) {
    auto p = op.params->getObject(static_cast<unsigned>(i));
    std::string type = p->getValue<std::string>("type");
    if (!isQueryType(type)) continue;
    auto q = obj({{"name", p->getValue<std::string>("name")},
                  {"in", "query"},
                  {"required", p->optValue<bool>("required", false)},
                  {"schema", schemaOf(type, "")}});
    std::string help = p->optValue<std::string>("help", "");
    if (!help.empty()) q->set("description", help);
    list->add(q);
  }
  return list;
}

JsonObject errorSchema() {
  auto props = newObject();
  props->set("code", obj({{"type", "string"},
                          {"description", "foutcode zoals in de C-ABI (invalid, not_found, conflict, denied, ...)"}}));
  props->set("number", obj({{"type", "integer"}, {"description", "het negatieve getal van igsgov_code"}}));
  props->set("message", obj({{"type", "string"}, {"description", "Nederlandse foutmelding"}}));
  props->set("place", obj({{"type", "object"},
                           {"additionalProperties", obj({{"type", "string"}})},
                           {"description", "waar het probleem zit (record, veld, bestand, regel, ...)"}}));
  auto required = newArray();
  for (const char* f : {"code", "number", "message", "place"}) required->add(f);
  return obj({{"type", "object"}, {"properties", props}, {"required", required}});
}

JsonObject components() {
  auto responses = newObject();
  // The codes and numbers of core/Error.hpp (igsgov_code at the C ABI), per HTTP status (service/HttpErrors.hpp).
  struct Kind {
    const char* key;
    const char* text;
    ErrorCode code;
  };
  const Kind kinds[] = {
      {"Invalid", "ongeldige invoer (code invalid)", ErrorCode::invalid},
      {"Unauthenticated", "geen of ongeldig token (code denied)", ErrorCode::denied},
      {"Denied", "de rol van het token mag deze operatie niet uitvoeren (code denied)", ErrorCode::denied},
      {"NotFound", "onbekende operatie of record (code not_found)", ErrorCode::notFound},
      {"Conflict", "de wijziging botst met het register (code conflict)", ErrorCode::conflict},
      {"TooLarge", "de vraag is groter dan de ingestelde limiet (code invalid)", ErrorCode::invalid},
      {"Unprocessable", "het antwoord is groter dan de ingestelde limiet (code invalid, place.limit)", ErrorCode::invalid},
      {"TooMany", "te veel mislukte aanmeldpogingen; zie Retry-After (code busy)", ErrorCode::busy},
      {"ServerError", "het register is niet intact of een interne fout (integrity, io, internal)", ErrorCode::integrity},
      {"Busy", "het register is bezet door een andere schrijver (code busy)", ErrorCode::busy}};
  for (const auto& [key, text, code] : kinds) {
    auto example = obj({{"code", std::string(errorCodeName(code))}, {"number", static_cast<int>(code)}, {"message", std::string("voorbeeld: ") + text}, {"place", obj({})}});
    auto content = obj({{"application/json", obj({{"schema", ref("#/components/schemas/Error")}, {"example", example}})}});
    responses->set(key, obj({{"description", text}, {"content", content}}));
  }
  auto schemas = newObject();
  schemas->set("Error", errorSchema());
  auto bearer = obj({{"type", "http"}, {"scheme", "bearer"}, {"description", "token gemaakt met `igsgov token create`"}});
  return obj({{"schemas", schemas}, {"responses", responses}, {"securitySchemes", obj({{"bearer", bearer}})}});
}

JsonObject publicGet(const std::string& id, const std::string& summary, const std::string& what, JsonObject schema) {
  auto o = obj({{"operationId", id}, {"summary", summary}, {"security", newArray()}});
  auto tags = newArray();
  tags->add("service");
  o->set("tags", tags);
  o->set("responses", obj({{"200", okResponse(what, schema)}}));
  return obj({{"get", o}});
}

}  // namespace

bool isQueryType(const std::string& type) {
  return type == "string" || type == "date" || type == "timestamp" || type == "integer" || type == "boolean";
}

JsonObject openApiDocument(const JsonObject& description, const std::string& version) {
  auto paths = newObject();
  auto health = obj({{"type", "object"},
                     {"required", Poco::JSON::Array::Ptr(new Poco::JSON::Array())},
                     {"properties", obj({{"status", obj({{"type", "string"}})},
                                         {"version", obj({{"type", "string"}})},
                                         {"journal_head", obj({{"type", "integer"}})}})}});
  for (const char* f : {"status", "version", "journal_head"}) health->getArray("required")->add(std::string(f));
  health->set("example", obj({{"status", "ok"}, {"service", "igsgovd"}, {"version", version}, {"journal_head", 42}}));
  paths->set("/api/v1/health", publicGet("get_health", "Werkt de dienst en is het register leesbaar?", "status", health));
  paths->set("/api/v1/openapi.json", publicGet("get_openapi", "Dit OpenAPI-document", "OpenAPI 3.0-document",
                                               obj({{"type", "object"}, {"required", requiredOf({"openapi", "paths"})}})));
  auto ops = description.isNull() ? JsonArray() : description->getArray("operations");
  if (ops.isNull()) throw Error(ErrorCode::internal, "catalogusbeschrijving zonder 'operations'");
  for (size_t i = 0; i < ops->size(); ++i) {
    auto d = ops->getObject(static_cast<unsigned>(i));
    auto result = d->getObject("result");
    if (result.isNull()) throw Error(ErrorCode::internal, "catalogusbeschrijving zonder 'result' voor een operatie");
    OpInfo op{d->getValue<std::string>("name"), d->getValue<std::string>("summary"),
              d->getValue<std::string>("access"), {}, d->getArray("params"), d->optValue<bool>("open_params", false),
              result, d->optValue<bool>("content", false), d->optValue<std::string>("download", "")};
    if (op.access == "create") continue;
    if (d->isArray("download_other")) {
      auto other = d->getArray("download_other");
      for (size_t k = 0; k < other->size(); ++k) op.downloadOther.push_back(other->getElement<std::string>(static_cast<unsigned>(k)));
    }
    auto roles = d->getArray("roles");
    for (size_t r = 0; r < roles->size(); ++r) op.roles.push_back(roles->getElement<std::string>(static_cast<unsigned>(r)));
    auto body = obj({{"required", false},
                     {"content", obj({{"application/json", obj({{"schema", bodySchema(op)}})}})}});
    auto item = newObject();
    if (op.access == "read") item->set("get", operationObject(op, "get", nullptr, queryParams(op)));
    item->set("post", operationObject(op, "post", body, nullptr));
    paths->set("/api/v1/" + op.name, item);
  }
  auto doc = newObject();
  doc->set("openapi", "3.0.3");
  doc->set("info", obj({{"title", "igsgov REST API"},
                        {"version", version},
                        {"description", "Register van intergemeentelijke samenwerkingsverbanden. Elke operatie van de "
                                        "catalogus is bereikbaar; fouten hebben dezelfde codes als de C-ABI."}}));
  auto security = newArray();
  security->add(obj({{"bearer", newArray()}}));
  doc->set("security", security);
  // Relative: the document is served by the igsgovd it describes, whatever its host and port.
  auto servers = newArray();
  servers->add(obj({{"url", "/"}, {"description", "deze igsgovd (het adres waarop dit document opgehaald werd)"}}));
  doc->set("servers", servers);
  doc->set("paths", paths);
  doc->set("components", components());
  return doc;
}

}  // namespace igsgov::service
