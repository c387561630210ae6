// FormModel: a write form's state for its template (the statuten forms; the
// mandate pages use FormErrors/fillForm of web/FormState.hpp for the same job:
// to be made one).
//
// A write form's state for its template: what the user typed in each field
// and the Dutch error next to the field it belongs to, so a refused form comes
// back filled in with the problem where it is.
//
// The operation behind the form reports a problem as igsgov::Error whose
// Place names the operation's parameter ({"field": "'effective_from'"}) or a
// file ({"file": ...}); `fieldOf` maps that to the form's field through the
// form's table of parameter -> field names. An error that names no field of
// the form is shown above the form.
//
// Template data (formData): for every field NAME of the form `v_NAME` (the
// value typed), `e_NAME` (its error, "" when none) and `has_e_NAME`; plus
// `form_error` / `has_form_error` for the rest.
//
// Plain values; not thread-safe (one per request).
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "web/FormState.hpp"
#include "web/Forms.hpp"

#include <map>
#include <string>
#include <vector>

namespace igsgov::web {

struct FormState {
  std::vector<std::string> names;             // the form's fields, in order
  FormFields values;                          // what was typed (or the defaults)
  std::map<std::string, std::string> errors;  // field -> Dutch message
  std::string formError;                      // an error that names no field of the form

  // Records `e` at the field its place names (through `paramToField`, operation
  // parameter -> form field), else as the form's error.
  void add(const Error& e, const std::map<std::string, std::string>& paramToField);
  bool ok() const { return errors.empty() && formError.empty(); }
  JsonObject data() const;
};

// The operation parameter an Error's place names ("'effective_from'" -> "effective_from"), "" when none.
std::string placeField(const Place& place);

// Which errors a form shows next to its fields: isFormError (web/FormState.hpp).

}  // namespace igsgov::web
