// The signed-in account's own password (/intranet/wachtwoord) through
// account.own-password. A change ends every session of the account, this one
// included (web/Site.hpp): the page sends the user to the login page.
#include "core/Error.hpp"
#include "web/Pages.hpp"

namespace igsgov::web {

namespace {

PageResult form(PageRequest& r, const std::string& error, const std::string& errorField) {
  PageResult p;
  p.view = "password";
  p.title = "Wachtwoord wijzigen";
  p.data = newObject();
  p.data->set("csrf", r.csrf);
  p.data->set("error", error);
  p.data->set("has_error", !error.empty());
  for (const char* f : {"huidig", "nieuw", "herhaling"}) p.data->set(std::string("error_") + f, errorField == f);
  return p;
}

}  // namespace

PageResult passwordPage(PageRequest& r, bool post) {
  if (!post) return form(r, "", "");
  std::string current = field(r.fields, "huidig"), next = field(r.fields, "nieuw"),
              again = field(r.fields, "herhaling");
  if (next != again) return form(r, "Het nieuwe wachtwoord en de herhaling verschillen.", "herhaling");
  auto in = newObject();
  in->set("current_password", current);
  in->set("new_password", next);
  try {
    call(r, "account.own-password", in);
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::invalid) throw;
    std::string where = e.place().describe();
    return form(r, std::string(e.message()), where.find("current_password") != std::string::npos ? "huidig" : "nieuw");
  }
  PageResult p;
  p.redirect = "/intranet/aanmelden?gewijzigd=1";
  return p;
}

}  // namespace igsgov::web
