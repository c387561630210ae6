// A write form of the intranet as the user left it: what they typed and what
// the operation said was wrong, next to the field it concerns.
//
// The rules stay in the operation: a page sends what was typed and, when the
// operation refuses it with an igsgov::Error, formErrors() maps the Error's
// Place ("field" = the operation's input field, e.g. 'until',
// 'decision.date', 'new_person.name') to the form field through the page's
// table; what names no field of the form is shown above the form.
// isFormError() tells which errors a form shows (invalid, notFound,
// conflict); a denied (403), busy or internal error is rethrown by the page,
// so a forged POST is still refused with its status.
//
// Pure functions; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "web/Forms.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace igsgov::web {

struct FormErrors {
  std::map<std::string, std::string> fields;  // form field -> Dutch message
  std::string general;                        // not about one field of the form
  bool any() const { return !general.empty() || !fields.empty(); }
};

// True for the errors a form shows to the user instead of an error page.
bool isFormError(const Error& e);

// The operation's error on the form (its message with ISO dates said in Dutch,
// "1 april 2026"): `fieldOf` maps operation input fields
// (without quotes; nested as "decision.date" or flattened as "decision_date")
// to form field names.
FormErrors formErrors(const Error& e, const std::map<std::string, std::string>& fieldOf);

// Sets, for each form field name n, "v_n" (the typed value, "" when none) and
// "e_n" (its error, "" when none) in `data`, and "form_error" (the general one).
// Form field names are used as they are in template tags, so use [a-z_] only.
void fillForm(JsonObject data, const std::vector<std::string>& names, const FormFields& values,
              const FormErrors& errors);

// <option> data: [{value, label, selected}] with `selected` marked.
JsonArray optionList(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected);

}  // namespace igsgov::web
