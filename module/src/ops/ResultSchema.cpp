#include "ops/ResultSchema.hpp"

namespace igsgov::ops::result {
namespace {

JsonObject typed(const char* type, const char* format = nullptr) {
  auto s = newObject();
  s->set("type", type);
  if (format) s->set("format", format);
  return s;
}

}  // namespace

JsonObject text() { return typed("string"); }
JsonObject date() { return typed("string", "date"); }
JsonObject timestamp() { return typed("string", "date-time"); }
JsonObject integer() { return typed("integer"); }
JsonObject number() { return typed("number"); }
JsonObject boolean() { return typed("boolean"); }
JsonObject any() { return newObject(); }

JsonObject maybe(JsonObject s) {
  s->set("nullable", true);
  return s;
}

JsonObject list(JsonObject item) {
  auto s = typed("array");
  s->set("items", item);
  return s;
}

JsonObject oneOf(std::initializer_list<const char*> values) {
  auto s = text();
  auto e = newArray();
  for (const char* v : values) e->add(std::string(v));
  s->set("enum", e);
  return s;
}

JsonObject object(Fields required, Fields optional) {
  auto s = typed("object");
  auto props = newObject();
  auto names = newArray();
  for (const auto& [name, schema] : required) {
    props->set(name, schema);
    names->add(std::string(name));
  }
  for (const auto& [name, schema] : optional) props->set(name, schema);
  s->set("properties", props);
  if (names->size()) s->set("required", names);
  return s;
}

JsonObject written(Fields required, Fields optional) {
  auto s = object(required, optional);
  s->getObject("properties")->set("journal", journalRef());
  auto names = s->has("required") ? s->getArray("required") : newArray();
  names->add(std::string("journal"));
  s->set("required", names);
  return s;
}

JsonObject example(JsonObject s, const std::string& json) {
  s->set("example", parseJson(json, "voorbeeld"));
  return s;
}

JsonObject journalRef() { return object({{"seq", integer()}, {"hash", text()}}); }

JsonObject recorded() {
  return object({{"from", timestamp()}, {"kind", text()}, {"journal_seq", integer()}}, {{"reason", text()}});
}

JsonObject cooperation() {
  return object({{"id", text()}, {"name", text()}},
                {{"legal_form", text()}, {"domain", text()}, {"kbo", text()}, {"founded", date()},
                 {"term_end", date()}, {"legal_form_label", text()}});
}

JsonObject person() {
  return object({{"id", text()}, {"name", text()}}, {{"gender", text()}, {"fictitious", boolean()}, {"uri", text()}});
}

JsonObject mandate() {
  return object({{"id", text()}, {"person", text()}, {"body", text()}},
                {{"seat", text()}, {"member", text()}, {"role", text()}, {"side", text()}, {"voting", boolean()},
                 {"status", text()}, {"from", date()}, {"until", date()}, {"decision", object({})}});
}

JsonObject seatedMandate() {
  return object({{"mandate", text()}, {"person", person()}, {"role", text()}, {"voting", boolean()}, {"from", date()}},
                {{"member", object({{"id", text()}}, {{"name", text()}, {"nis", text()}})}, {"seat", text()},
                 {"side", text()}, {"fractie", text()}, {"status", text()}, {"until", date()}, {"decision", object({})}});
}

JsonObject documentVersion() {
  return object({{"id", text()}, {"document", text()}},
                {{"label", text()}, {"file_sha256", text()}, {"file_name", text()}, {"status", text()},
                 {"submitted", date()}, {"effective_from", date()}, {"media_type", text()}, {"size", integer()}});
}

JsonObject document() {
  return object({{"id", text()}, {"cooperation", text()}, {"kind", text()}},
                {{"title", text()}, {"kind_label", text()}, {"versions", list(documentVersion())}});
}

JsonObject journalEntry() {
  return object({{"seq", integer()}, {"at", timestamp()}, {"actor", text()}, {"operation", text()}, {"hash", text()}},
                {{"reason", text()}, {"effects", integer()}, {"key_id", text()}});
}

JsonObject finding() {
  return object({{"key", text()}, {"rule", text()}, {"severity", text()}, {"message", text()}},
                {{"cooperation", text()}, {"records", list(any())}, {"acknowledged", boolean()}});
}

}  // namespace igsgov::ops::result
