#include "SchemaCheck.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <regex>
#include <set>

namespace igsgov::test {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr resolve(const Object::Ptr& schema, const Object::Ptr& document) {
  if (!schema->has("$ref")) return schema;
  std::string target = schema->getValue<std::string>("$ref");
  if (target.rfind("#/", 0) != 0) throw std::runtime_error("unsupported $ref " + target);
  Object::Ptr at = document;
  std::string rest = target.substr(2);
  while (!rest.empty() && at) {
    auto slash = rest.find('/');
    at = at->getObject(rest.substr(0, slash));
    rest = slash == std::string::npos ? "" : rest.substr(slash + 1);
  }
  if (!at) throw std::runtime_error("dangling $ref " + target);
  return at;
}

std::string typeOf(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "null";
  if (v.type() == typeid(Object::Ptr)) return "object";
  if (v.type() == typeid(Array::Ptr)) return "array";
  if (v.isBoolean()) return "boolean";
  if (v.isInteger()) return "integer";
  if (v.isNumeric()) return "number";
  if (v.isString()) return "string";
  return "unknown";
}

}  // namespace

std::vector<std::string> schemaViolations(const Poco::Dynamic::Var& value, const Object::Ptr& rawSchema,
                                          const Object::Ptr& document, const std::string& where) {
  static const std::set<std::string> known = {"type", "format", "properties", "required", "additionalProperties",
                                              "items", "enum", "nullable", "description", "example", "$ref"};
  std::vector<std::string> out;
  auto fail = [&](const std::string& what) { out.push_back(where + ": " + what); };
  Object::Ptr schema = resolve(rawSchema, document);
  for (const auto& [key, _] : *schema)
    if (!known.count(key)) fail("schema keyword '" + key + "' is outside the checked subset");
  std::string actual = typeOf(value);
  if (actual == "null") {
    if (!schema->optValue<bool>("nullable", false) && schema->has("type")) fail("null where " + schema->getValue<std::string>("type") + " is declared");
    return out;
  }
  if (schema->has("type")) {
    std::string type = schema->getValue<std::string>("type");
    bool ok = actual == type || (type == "number" && actual == "integer");
    if (!ok) {
      fail(actual + " where " + type + " is declared");
      return out;
    }
  }
  if (actual == "string") {
    std::string s = value.extract<std::string>();
    std::string format = schema->optValue<std::string>("format", "");
    static const std::regex date(R"(\d{4}-\d{2}-\d{2})"), instant(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    if (format == "date" && !std::regex_match(s, date)) fail("'" + s + "' is not a date (YYYY-MM-DD)");
    if (format == "date-time" && !std::regex_match(s, instant)) fail("'" + s + "' is not an ISO 8601 instant");
    if (auto values = schema->getArray("enum")) {
      bool found = false;
      for (size_t i = 0; i < values->size(); ++i) found = found || values->getElement<std::string>(static_cast<unsigned>(i)) == s;
      if (!found) fail("'" + s + "' is not one of the declared values");
    }
  }
  if (actual == "object") {
    auto object = value.extract<Object::Ptr>();
    auto props = schema->getObject("properties");
    if (auto required = schema->getArray("required"))
      for (size_t i = 0; i < required->size(); ++i) {
        std::string name = required->getElement<std::string>(static_cast<unsigned>(i));
        if (!object->has(name)) fail("required field '" + name + "' is missing");
      }
    for (const auto& [name, fieldValue] : *object) {
      std::string at = where + "." + name;
      if (props && props->has(name)) {
        auto more = schemaViolations(fieldValue, props->getObject(name), document, at);
        out.insert(out.end(), more.begin(), more.end());
      } else if (schema->has("additionalProperties")) {
        auto extra = schema->get("additionalProperties");
        if (extra.type() == typeid(Object::Ptr)) {
          auto more = schemaViolations(fieldValue, extra.extract<Object::Ptr>(), document, at);
          out.insert(out.end(), more.begin(), more.end());
        } else if (!extra.convert<bool>()) {
          fail("field '" + name + "' is not declared (additionalProperties: false)");
        }
      }
    }
  }
  if (actual == "array" && schema->has("items")) {
    auto array = value.extract<Array::Ptr>();
    for (size_t i = 0; i < array->size(); ++i) {
      auto more = schemaViolations(array->get(static_cast<unsigned>(i)), schema->getObject("items"), document,
                                   where + "[" + std::to_string(i) + "]");
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

std::vector<std::string> answerViolations(const Object::Ptr& document, const std::string& method, const std::string& path,
                                          int status, const std::string& contentType, const std::string& body) {
  std::string where = method + " " + path + " -> " + std::to_string(status);
  std::string bare = path.substr(0, path.find('?'));
  std::string media = Poco::trim(contentType.substr(0, contentType.find(';')));
  Object::Ptr operation;
  if (auto item = document->getObject("paths")->getObject(bare)) operation = item->getObject(Poco::toLower(method));
  Object::Ptr declared;  // the response object for this status
  if (operation) declared = operation->getObject("responses")->getObject(std::to_string(status));
  if (declared) declared = resolve(declared, document);
  if (!declared) {
    if (status < 400) return {where + ": status not declared in the OpenAPI document"};
    // Errors the service decides before any operation (404 path, 405, 408, 501): the Error shape.
    declared = resolve(document->getObject("components")->getObject("responses")->getObject("Invalid"), document);
  }
  auto content = declared->getObject("content");
  if (!content || !content->has(media)) return {where + ": media type '" + media + "' not declared"};
  auto schema = content->getObject(media)->getObject("schema");
  // A file (format: binary) must be what its media type says, as far as its first bytes tell:
  // a zip for ZIP and the office formats (DOCX, ODT, XLSX), "%PDF-" for PDF.
  if (schema && schema->optValue<std::string>("format", "") == "binary" && status == 200) {
    static const std::set<std::string> zips = {
        "application/zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    if (zips.count(media) && body.compare(0, 4, std::string("PK\x03\x04", 4)) != 0)
      return {where + ": a " + media + " body that is not a zip archive"};
    if (media == "application/pdf" && body.compare(0, 5, "%PDF-") != 0) return {where + ": a PDF body without %PDF-"};
  }
  if (media != "application/json" || !schema) return {};
  Poco::Dynamic::Var value;
  try {
    value = Poco::JSON::Parser().parse(body);
  } catch (const std::exception& e) {
    return {where + ": body is not JSON: " + e.what()};
  }
  auto found = schemaViolations(value, schema, document, "$");
  for (auto& v : found) v = where + " " + v;
  return found;
}

}  // namespace igsgov::test
