#include "interchange/FilePlaces.hpp"

#include <algorithm>

namespace igsgov::interchange {

JsonObject objectField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path) {
  if (!o->has(key) || o->isNull(key)) return newObject();
  auto v = o->get(key);
  if (v.type() != typeid(Poco::JSON::Object::Ptr))
    throwInvalid("object verwacht", Place().set("file", file).set("path", path + key));
  return v.extract<Poco::JSON::Object::Ptr>();
}

JsonArray arrayField(const JsonObject& o, const std::string& key, const std::string& file, const std::string& path) {
  if (!o->has(key) || o->isNull(key)) return newArray();
  auto v = o->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throwInvalid("lijst verwacht", Place().set("file", file).set("path", path + key));
  return v.extract<Poco::JSON::Array::Ptr>();
}

JsonObject objectAt(const JsonArray& a, std::size_t i, const std::string& file, const std::string& path) {
  auto o = a->getObject(static_cast<unsigned>(i));
  if (o.isNull()) throwInvalid("object verwacht", Place().set("file", file).set("path", path));
  return o;
}

std::size_t lineOf(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string indexPath(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

}  // namespace igsgov::interchange
