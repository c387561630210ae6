// /intranet/accounts: a beheerder for every cooperation manages personal
// accounts on the pages, through the same catalogue operations as the CLI and
// REST (account.list, account.create, account.password, account.grant,
// account.revoke, account.change). Anyone else gets 403 from account.list.
// "koppelen" links an account to an OpenID sign-in ("<provider>:<sub>",
// account.change oidc_subject) and sets its e-mail address: the only way an
// OpenID sign-in reaches an account (there is no self-registration).
//
// A new account gets a generated password in the same operation
// (account.create), and a reset generates one (account.password); either is
// shown once, on the page that answers the POST, and never stored in clear.
#include "core/Error.hpp"
#include "service/Passwords.hpp"
#include "web/Pages.hpp"

namespace igsgov::web {

namespace {

constexpr const char* kPath = "/intranet/accounts";

struct Outcome {
  std::string error;     // a refused form: the Dutch message
  std::string notice;    // what was done
  std::string password;  // a generated password, shown once
  std::string passwordFor;
  FormFields typed;      // the create form as typed (kept after an error)
};

JsonObject cooperationOption(const std::string& id, const std::string& name) {
  auto o = newObject();
  o->set("id", id);
  o->set("name", name);
  return o;
}

PageResult render(PageRequest& r, const Outcome& outcome) {
  auto accounts = call(r, "account.list", newObject())->getArray("accounts");
  std::map<std::string, std::string> names{{"*", "alle samenwerkingsverbanden"}};
  auto cooperations = newArray();
  cooperations->add(cooperationOption("*", names["*"]));
  auto list = call(r, "cooperation.list", newObject())->getArray("cooperations");
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto c = list->getObject(static_cast<unsigned>(i));
    names[text(c, "id")] = text(c, "name");
    cooperations->add(cooperationOption(text(c, "id"), text(c, "name")));
  }
  auto rows = newArray();
  for (std::size_t i = 0; accounts && i < accounts->size(); ++i) {
    auto a = accounts->getObject(static_cast<unsigned>(i));
    auto row = newObject();
    std::string id = text(a, "id");
    row->set("id", id);
    row->set("action", std::string(kPath) + "/" + segment(id));
    row->set("display_name", text(a, "display_name"));
    row->set("email", text(a, "email"));
    row->set("has_email", !text(a, "email").empty());
    row->set("oidc_subject", text(a, "oidc_subject"));
    row->set("has_subject", !text(a, "oidc_subject").empty());
    row->set("disabled", a->optValue<bool>("disabled", false));
    row->set("has_password", a->optValue<bool>("has_password", false));
    auto grants = newArray();
    auto gs = a->getArray("grants");
    for (std::size_t j = 0; gs && j < gs->size(); ++j) {
      auto g = gs->getObject(static_cast<unsigned>(j));
      auto o = newObject();
      o->set("role", text(g, "role"));
      o->set("cooperation", text(g, "cooperation"));
      std::string coop = text(g, "cooperation");
      o->set("cooperation_name", names.count(coop) ? names[coop] : coop);
      o->set("action", std::string(kPath) + "/" + segment(id));
      o->set("csrf", r.csrf);
      grants->add(o);
    }
    row->set("grants", grants);
    row->set("no_grants", grants->size() == 0);
    row->set("csrf", r.csrf);
    row->set("cooperations", cooperations);
    rows->add(row);
  }
  PageResult p;
  p.view = "accounts";
  p.title = "Accounts";
  p.data = newObject();
  p.data->set("csrf", r.csrf);
  p.data->set("action", std::string(kPath));
  p.data->set("rows", rows);
  p.data->set("empty", rows->size() == 0);
  p.data->set("error", outcome.error);
  p.data->set("has_error", !outcome.error.empty());
  p.data->set("notice", outcome.notice);
  p.data->set("has_notice", !outcome.notice.empty());
  p.data->set("password", outcome.password);
  p.data->set("password_for", outcome.passwordFor);
  p.data->set("has_password", !outcome.password.empty());
  for (const char* f : {"naam", "volledige_naam", "email"}) p.data->set(std::string("typed_") + f, field(outcome.typed, f));
  return p;
}

// Runs one account operation; a refusal of the input is shown on the page,
// anything else (403, a broken register) goes to the error page.
bool attempt(PageRequest& r, const std::string& operation, const JsonObject& in, Outcome& outcome,
             JsonObject* out = nullptr) {
  try {
    auto result = call(r, operation, in);
    if (out) *out = result;
    return true;
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::invalid && e.errorCode() != ErrorCode::conflict &&
        e.errorCode() != ErrorCode::notFound)
      throw;
    outcome.error = std::string(e.message());
    return false;
  }
}

}  // namespace

PageResult accountsPage(PageRequest& r) { return render(r, {}); }

PageResult createAccountAction(PageRequest& r) {
  Outcome outcome;
  outcome.typed = r.fields;
  auto in = newObject();
  in->set("id", field(r.fields, "naam"));
  in->set("display_name", field(r.fields, "volledige_naam"));
  if (!field(r.fields, "email").empty()) in->set("email", field(r.fields, "email"));
  std::string password = service::generatePassword();
  in->set("password", password);
  JsonObject out;
  if (attempt(r, "account.create", in, outcome, &out)) {
    outcome.typed.clear();
    outcome.passwordFor = text(out, "id");
    outcome.password = password;
    outcome.notice = "Account '" + outcome.passwordFor + "' aangemaakt. Geef het nu een rol.";
  }
  return render(r, outcome);
}

PageResult changeAccountAction(PageRequest& r) {
  Outcome outcome;
  const std::string id = r.params.at("account");
  const std::string action = field(r.fields, "actie");
  auto in = newObject();
  in->set("id", id);
  if (!field(r.fields, "reden").empty()) in->set("reason", field(r.fields, "reden"));
  if (action == "wachtwoord") {
    JsonObject out;
    if (attempt(r, "account.password", in, outcome, &out)) {
      outcome.passwordFor = id;
      outcome.password = text(out, "password");
      outcome.notice = "Nieuw wachtwoord voor '" + id + "'; de sessies van dit account zijn beëindigd.";
    }
  } else if (action == "rol" || action == "intrekken") {
    in->set("role", field(r.fields, "rol"));
    in->set("cooperation", field(r.fields, "samenwerkingsverband"));
    if (attempt(r, action == "rol" ? "account.grant" : "account.revoke", in, outcome))
      outcome.notice = action == "rol" ? "Rol gegeven aan '" + id + "'." : "Rol van '" + id + "' ingetrokken.";
  } else if (action == "koppelen") {
    // The OpenID link "<provider>:<sub>" and the e-mail address; "" removes either.
    in->set("oidc_subject", field(r.fields, "oidc_subject"));
    in->set("email", field(r.fields, "email"));
    if (attempt(r, "account.change", in, outcome))
      outcome.notice = field(r.fields, "oidc_subject").empty()
                           ? "Account '" + id + "' is aan geen OpenID-aanmelding meer gekoppeld."
                           : "Account '" + id + "' gekoppeld aan '" + field(r.fields, "oidc_subject") + "'.";
  } else if (action == "uitschakelen" || action == "inschakelen") {
    in->set("disabled", action == "uitschakelen");
    if (attempt(r, "account.change", in, outcome))
      outcome.notice = "Account '" + id + "' " + (action == "uitschakelen" ? "uitgeschakeld." : "ingeschakeld.");
  } else {
    throwInvalid("onbekende actie '" + action + "'", Place().set("field", "'actie'"));
  }
  return render(r, outcome);
}

}  // namespace igsgov::web
