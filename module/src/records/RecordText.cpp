#include "records/RecordText.hpp"

#include "core/Date.hpp"

#include <vector>

namespace igsgov::records {
namespace {

// The characters between the quotes of a string value without escapes.
std::optional<std::string_view> plainString(std::string_view text, JsonSpan v) {
  auto s = v.of(text);
  if (s.size() < 2 || s.front() != '"') return std::nullopt;
  s = s.substr(1, s.size() - 2);
  if (s.find('\\') != std::string_view::npos) return std::nullopt;
  return s;
}

// A plain integer of at most 18 digits (so it fits in 64 bits).
std::optional<long long> plainInteger(std::string_view s) {
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 18 || (s.size() > 1 && s.front() == '0')) return std::nullopt;
  long long n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return negative ? -n : n;
}

// Sets `f` from the value at `v` as readFields does; false when readFields
// might do anything else with it.
bool setField(const FieldSpec& f, std::string_view text, JsonSpan v, Poco::JSON::Object& out) {
  switch (f.type) {
    case FieldType::text: {
      auto s = plainString(text, v);
      if (!s || s->empty()) return false;
      out.set(f.json, std::string(*s));
      return true;
    }
    case FieldType::date: {
      auto s = plainString(text, v);
      if (!s) return false;
      std::string iso(*s);
      auto d = Date::parse(iso);
      if (!d || d->iso() != iso) return false;
      out.set(f.json, std::move(iso));
      return true;
    }
    case FieldType::boolean: {
      auto s = v.of(text);
      if (s != "true" && s != "false") return false;
      out.set(f.json, s == "true");
      return true;
    }
    case FieldType::integer: {
      auto n = plainInteger(v.of(text));
      if (!n) return false;
      out.set(f.json, *n);
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<RecordText> readRecordText(const EntitySpec& spec, std::string_view text, JsonSpan object,
                                         const NestedFields* nested) {
  auto members = objectMembers(text, object);
  if (!members) return std::nullopt;
  const auto& fields = spec.fields;
  std::vector<std::optional<JsonSpan>> given(fields.size());
  // Records where field `name` was given; false when unknown or given twice.
  auto note = [&](std::string_view name, JsonSpan v) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].json == name) {
        if (given[i]) return false;
        given[i] = v;
        return true;
      }
    return false;
  };
  std::optional<std::string_view> id;
  bool seenNested = false;
  for (const auto& m : *members) {
    if (m.key == "id") {
      if (id) return std::nullopt;
      id = plainString(text, m.value);
      if (!id || id->empty()) return std::nullopt;
    } else if (nested && m.key == nested->member) {
      auto inner = seenNested ? std::nullopt : objectMembers(text, m.value);
      if (!inner) return std::nullopt;
      seenNested = true;
      for (const auto& n : *inner) {
        const std::string* field = nullptr;
        for (const auto& [key, name] : nested->fields)
          if (n.key == key) field = &name;
        if (!field || !note(*field, n.value)) return std::nullopt;
      }
    } else if (!note(m.key, m.value)) {
      return std::nullopt;
    }
  }
  if (!id) return std::nullopt;
  // Without Poco's insertion order: keeping it makes every set() compare the
  // key with all keys set before (≈ 100 string compares per mandate); nothing
  // reads this object's key order (validateMandate and the columns go by name).
  RecordText out{std::string(*id), new Poco::JSON::Object()};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!given[i]) {
      if (fields[i].required) return std::nullopt;
      continue;
    }
    if (!setField(fields[i], text, *given[i], *out.data)) return std::nullopt;
  }
  return out;
}

}  // namespace igsgov::records
