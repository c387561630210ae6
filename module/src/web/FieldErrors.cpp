#include "web/FieldErrors.hpp"

namespace igsgov::web {

FieldError fieldOf(const Error& e, const FieldNames& names) {
  std::string named;
  auto it = e.place().fields.find("field");
  if (it != e.place().fields.end()) named = it->second;
  // "'member'", "member", "'items[2].key'": the operation field is the first word.
  if (!named.empty() && named.front() == '\'') named = named.substr(1);
  for (const auto& [op, form] : names)
    if (named.rfind(op, 0) == 0 && (named.size() == op.size() || std::string("'.[ ").find(named[op.size()]) != std::string::npos))
      return {form, e.message()};
  return {"", e.message()};
}

void setFieldErrors(JsonObject data, const std::vector<std::string>& formFields, const FieldError& error) {
  for (const auto& f : formFields) {
    bool here = !error.message.empty() && error.field == f;
    data->set("err_" + f, here ? error.message : std::string());
    data->set("has_err_" + f, here);
  }
  bool general = !error.message.empty() && error.field.empty();
  data->set("form_error", general ? error.message : std::string());
  data->set("has_form_error", general);
}

}  // namespace igsgov::web
