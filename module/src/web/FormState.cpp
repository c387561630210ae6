#include "web/FormState.hpp"

#include "core/Date.hpp"

#include <regex>

namespace igsgov::web {

namespace {

// The operations' messages name dates as ISO text; a page says them in Dutch.
std::string dutchDates(const std::string& message) {
  static const std::regex iso(R"(\b(\d{4}-\d{2}-\d{2})\b)");
  std::string out;
  auto begin = std::sregex_iterator(message.begin(), message.end(), iso);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    auto d = Date::parse(it->str(1));
    out += message.substr(last, it->position(0) - last) + (d ? dutchLongDate(*d) : it->str(0));
    last = it->position(0) + it->length(0);
  }
  return out + message.substr(last);
}

}  // namespace

bool isFormError(const Error& e) {
  auto c = e.errorCode();
  return c == ErrorCode::invalid || c == ErrorCode::notFound || c == ErrorCode::conflict;
}

FormErrors formErrors(const Error& e, const std::map<std::string, std::string>& fieldOf) {
  FormErrors out;
  std::string message = e.message();
  // The shape checks of the catalogue speak of parameters; on a form it is a field.
  if (message == "verplichte parameter ontbreekt" || message == "verplicht veld ontbreekt") message = "vul dit veld in";
  message = dutchDates(message);
  std::string field;
  if (auto it = e.place().fields.find("field"); it != e.place().fields.end()) field = it->second;
  if (field.size() >= 2 && field.front() == '\'' && field.back() == '\'') field = field.substr(1, field.size() - 2);
  auto target = fieldOf.find(field);
  if (target == fieldOf.end() && field.rfind("decision_", 0) == 0)
    target = fieldOf.find("decision." + field.substr(9));
  if (!field.empty() && target != fieldOf.end()) {
    std::string& slot = out.fields[target->second];
    slot += (slot.empty() ? "" : "; ") + message;
  } else {
    out.general = message;
  }
  return out;
}

void fillForm(JsonObject data, const std::vector<std::string>& names, const FormFields& values,
              const FormErrors& errors) {
  for (const auto& n : names) {
    data->set("v_" + n, field(values, n));
    auto e = errors.fields.find(n);
    data->set("e_" + n, e == errors.fields.end() ? std::string() : e->second);
  }
  data->set("form_error", errors.general);
}

JsonArray optionList(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected) {
  auto out = newArray();
  for (const auto& [value, label] : choices) {
    auto o = newObject();
    o->set("value", value);
    o->set("label", label);
    o->set("selected", value == selected);
    out->add(o);
  }
  return out;
}

}  // namespace igsgov::web
