#include "web/FormModel.hpp"

#include <cctype>

namespace igsgov::web {

std::string placeField(const Place& place) {
  auto it = place.fields.find("field");
  if (it == place.fields.end()) return "";
  std::string f = it->second;
  if (f.size() >= 2 && f.front() == '\'' && f.back() == '\'') f = f.substr(1, f.size() - 2);
  return f;
}

void FormState::add(const Error& e, const std::map<std::string, std::string>& paramToField) {
  std::string param = placeField(e.place());
  if (param.empty() && e.place().fields.count("file")) param = "file";
  auto it = paramToField.find(param);
  std::string target = it != paramToField.end() ? it->second : "";
  if (target.empty())  // a form field named like the parameter itself
    for (const auto& n : names)
      if (n == param) target = n;
  std::string message(e.message());
  if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (!message.empty() && message.back() != '.') message += '.';
  if (target.empty()) {
    std::string where = e.place().describe();
    formError = where.empty() ? message : message + " (" + where + ")";
  } else if (!errors.count(target)) {
    errors[target] = message;
  }
}

JsonObject FormState::data() const {
  auto o = newObject();
  for (const auto& n : names) {
    auto v = values.find(n);
    o->set("v_" + n, v == values.end() ? std::string() : v->second);
    auto e = errors.find(n);
    o->set("e_" + n, e == errors.end() ? std::string() : e->second);
    o->set("has_e_" + n, e != errors.end());
  }
  o->set("form_error", formError);
  o->set("has_form_error", !formError.empty());
  return o;
}

}  // namespace igsgov::web
