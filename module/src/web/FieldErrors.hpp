// FieldErrors: a refused form shown again with the Dutch message next to the
// field it concerns and with what the user typed.
//
// fieldOf() maps the Error of a catalogue operation (its Place names the
// operation's field, e.g. "'member'" or "format") to the form's field through
// `names` (operation field → form field); an error naming no known field is a
// form-wide one (field ""). set() writes into template data, for every form
// field f: "err_<f>" (the message or "") and "has_err_<f>", plus "form_error"
// and "has_form_error" for a form-wide message.
//
// Pure functions; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace igsgov::web {

struct FieldError {
  std::string field;    // the form's field, "" for the whole form
  std::string message;  // Dutch
};

using FieldNames = std::vector<std::pair<std::string, std::string>>;  // operation field → form field

FieldError fieldOf(const Error& e, const FieldNames& names);

void setFieldErrors(JsonObject data, const std::vector<std::string>& formFields, const FieldError& error);

}  // namespace igsgov::web
