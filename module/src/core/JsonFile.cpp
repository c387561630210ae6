#include "core/JsonFile.hpp"

#include "core/Error.hpp"

namespace igsgov {

JsonObject parseJsonFile(const std::string& text, const std::string& file) {
  try {
    return parseJsonObject(text, file);
  } catch (const Error& e) {
    Place p;
    p.set("file", file);
    for (const char* key : {"line", "column"})
      if (auto it = e.place().fields.find(key); it != e.place().fields.end()) p.set(key, it->second);
    throwInvalid("geen geldig JSON-object", p);
  }
}

}  // namespace igsgov
