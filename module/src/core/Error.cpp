#include "core/Error.hpp"

namespace igsgov {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::generic: return "generic";
    case ErrorCode::invalid: return "invalid";
    case ErrorCode::notFound: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::integrity: return "integrity";
    case ErrorCode::io: return "io";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::denied: return "denied";
    case ErrorCode::busy: return "busy";
    case ErrorCode::internal: return "internal";
    case ErrorCode::argument: return "argument";
  }
  return "generic";
}

std::string Place::describe() const {
  static const std::map<std::string, std::string> labels = {
      {"record", ""}, {"field", "veld"}, {"file", "bestand"}, {"line", "regel"},
      {"column", "kolom"}, {"part", "deel"}, {"path", "pad"}, {"offset", "positie"},
      {"paragraph", "alinea"}, {"position", "positie"}, {"option", "optie"}, {"operation", "operatie"}};
  std::string out;
  // Fixed order first so messages read the same every time.
  static const char* order[] = {"file", "part", "line", "column", "record", "field", "paragraph",
                                "position", "offset", "path", "option", "operation"};
  auto add = [&](const std::string& key, const std::string& value) {
    if (!out.empty()) out += ", ";
    auto it = labels.find(key);
    std::string label = it == labels.end() ? key : it->second;
    out += label.empty() ? value : label + " " + value;
  };
  for (const char* key : order) {
    auto it = fields.find(key);
    if (it != fields.end()) add(it->first, it->second);
  }
  for (const auto& [key, value] : fields)
    if (!labels.count(key)) add(key, value);
  return out;
}

Error::Error(ErrorCode code, const std::string& message, Place place)
    : Poco::Exception(message, static_cast<int>(code)), place_(std::move(place)), text_(fullText()) {}

Poco::JSON::Object::Ptr Error::toJson() const {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("code", errorCodeName(errorCode()));
  o->set("number", code());
  o->set("message", message());
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
  for (const auto& [k, v] : place_.fields) p->set(k, v);
  o->set("place", p);
  return o;
}

std::string Error::fullText() const {
  std::string where = place_.describe();
  return where.empty() ? message() : message() + " (" + where + ")";
}

void throwInvalid(const std::string& message, Place place) {
  throw Error(ErrorCode::invalid, message, std::move(place));
}
void throwNotFound(const std::string& message, Place place) {
  throw Error(ErrorCode::notFound, message, std::move(place));
}
void throwConflict(const std::string& message, Place place) {
  throw Error(ErrorCode::conflict, message, std::move(place));
}

Place recordField(const std::string& kind, const std::string& id, const std::string& field) {
  Place p;
  p.set("record", kind + " '" + id + "'");
  if (!field.empty()) p.set("field", "'" + field + "'");
  return p;
}

}  // namespace igsgov
