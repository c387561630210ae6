// account.create, account.change, account.password, account.grant,
// account.revoke, account.list (beheerder, the whole register) and
// account.own-password (every role: the signed-in account's own password),
// calendar.feed-create (every role: a new secret calendar URL for the
// signed-in account) and calendar.feed-revoke (one's own feed; a beheerder
// of the whole register: anyone's). The logic is in service/Accounts.hpp and
// service/CalendarFeeds.hpp; passwords and feed secrets never enter the journal.
#include "ops/Authorization.hpp"
#include "ops/OpBuilders.hpp"
#include "service/Accounts.hpp"
#include "service/CalendarFeeds.hpp"

namespace igsgov::ops {

namespace {

const std::set<std::string> kBeheerder = {"beheerder"};
const Param kId{"id", "string", true, "gebruikersnaam (kleine letters, cijfers, . _ - @)"};
const Param kRole{"role", "string", true, "beheerder, directeur, secretariaat of auditor"};
const Param kCooperation{"cooperation", "string", true, "samenwerkingsverband, of * voor alle samenwerkingsverbanden"};

// An account as a write returns it (never a password or its hash).
JsonObject accountWritten() {
  return rs::written({{"id", rs::text()}, {"display_name", rs::text()}, {"disabled", rs::boolean()},
                      {"has_password", rs::boolean()},
                      {"grants", rs::list(rs::object({{"role", rs::text()}, {"cooperation", rs::text()}}))}},
                     {{"email", rs::text()}, {"oidc_subject", rs::text()}, {"created", rs::timestamp()},
                      {"password_set", rs::timestamp()}});
}

Operation accountOp(std::string name, std::string summary, Access access, std::vector<Param> params) {
  auto op = makeOperation(std::move(name), std::move(summary), access, std::move(params));
  op.roles = kBeheerder;
  return op;
}

std::string passwordText(const JsonObject& out) {
  std::string text = "Nieuw wachtwoord voor '" + out->getValue<std::string>("id") + "' ingesteld.\n";
  if (out->has("password"))
    text += "Wachtwoord (wordt maar één keer getoond; geef het veilig door):\n" + out->getValue<std::string>("password") + "\n";
  return text;
}

std::string feedText(const JsonObject& out) {
  if (out->has("revoked")) return "Het agenda-abonnement van '" + out->getValue<std::string>("account") + "' is ingetrokken.\n";
  return "Nieuw agenda-abonnement voor '" + out->getValue<std::string>("account") +
         "'. Geheime sleutel (wordt maar één keer getoond):\n" + out->getValue<std::string>("secret") +
         "\nAdres: <igsgovd>/api/v1/kalender/" + out->getValue<std::string>("secret") + ".ics\n";
}

}  // namespace

void addAccountOperations(Catalogue& c) {
  auto create = accountOp("account.create", "Maak een persoonlijk account voor het intranet (rollen: account grant)",
                          Access::write,
                          {kId,
                           {"display_name", "string", true, "naam zoals ze op de pagina's staat"},
                           {"email", "string", false, "e-mailadres"},
                           {"oidc_subject", "string", false, "aanmelden met OpenID Connect: '<aanmelddienst>:<sub>' (naam uit de configuratie van igsgovd, 'sub' bij die dienst)"},
                           {"password", "string", false, "wachtwoord (minstens 12 tekens; anders later: account password)"},
                           kReasonParam});
  create.write = service::createAccount;
  c.add(create, rs::written({{"id", rs::text()}}));

  auto change = accountOp("account.change", "Wijzig een account: naam, e-mail, OpenID-subject, uitgeschakeld",
                          Access::write,
                          {kId,
                           {"display_name", "string", false, "naam zoals op de pagina's"},
                           {"email", "string", false, "leeg: geen"},
                           {"oidc_subject", "string", false, "'<aanmelddienst>:<sub>'; leeg: geen"},
                           {"disabled", "boolean", false, "true: kan niet meer aanmelden"},
                           kReasonParam});
  change.write = service::changeAccount;
  c.add(change, accountWritten());

  auto password = accountOp("account.password",
                            "Stel een nieuw wachtwoord in voor een account; zonder --password wordt er een gemaakt en "
                            "één keer getoond",
                            Access::write,
                            {kId, {"password", "string", false, "het nieuwe wachtwoord (minstens 12 tekens)"}, kReasonParam});
  password.write = service::resetPassword;
  password.text = passwordText;
  c.add(password, rs::written({{"id", rs::text()}, {"password_set", rs::timestamp()}}));

  auto grant = accountOp("account.grant", "Geef een account een rol voor een samenwerkingsverband (of * voor alle)",
                         Access::write, {kId, kRole, kCooperation, kReasonParam});
  grant.write = service::grantRole;
  c.add(grant, accountWritten());

  auto revoke = accountOp("account.revoke", "Neem een rol van een account terug", Access::write,
                          {kId, kRole, kCooperation, kReasonParam});
  revoke.write = service::revokeRole;
  c.add(revoke, accountWritten());

  auto list = accountOp("account.list", "Lijst van accounts met hun rollen (nooit een wachtwoord)", Access::read,
                        {{"id", "string", false, "alleen dit account"}});
  list.read = service::listAccounts;
  c.add(list, rs::object({{"accounts", rs::list(rs::object({{"id", rs::text()}}))}}));

  auto own = makeOperation("account.own-password", "Wijzig uw eigen wachtwoord (aangemeld met een persoonlijk account)",
                           Access::write,
                           {{"current_password", "string", true, "het huidige wachtwoord"},
                            {"new_password", "string", true, "het nieuwe wachtwoord (minstens 12 tekens)"}});
  own.roles = kAllRoles;
  own.writeAs = [](records::Writer& w, const JsonObject& in, const Caller& caller) {
    return service::changeOwnPassword(w, caller.account, in);
  };
  own.scope = refs({}, Concerns::none());
  c.add(own, rs::written({{"id", rs::text()}, {"password_set", rs::timestamp()}}));

  // The feed shows only what the account may see (the feed itself runs
  // deadlines.list as the account), so making one concerns no cooperation.
  auto feed = makeOperation("calendar.feed-create",
                            "Maak een geheime agenda-link (iCalendar) voor uw eigen account; een vorige link werkt dan "
                            "niet meer. De link wordt maar één keer getoond",
                            Access::write, {});
  feed.roles = kAllRoles;
  feed.writeAs = [](records::Writer& w, const JsonObject& in, const Caller& caller) {
    return service::createFeed(w, accountActedOn(in, caller, false));
  };
  feed.text = feedText;
  feed.scope = refs({}, Concerns::none());
  c.add(feed, rs::written({{"account", rs::text()}, {"created", rs::timestamp()}, {"replaced", rs::boolean()},
                           {"secret", rs::text()}}));

  auto unfeed = makeOperation("calendar.feed-revoke",
                              "Trek een agenda-link in (de eigen; een beheerder ook die van een ander account)",
                              Access::write,
                              {{"account", "string", false, "het account (standaard het eigen; een ander: alleen een beheerder)"}});
  unfeed.roles = kAllRoles;
  unfeed.writeAs = [](records::Writer& w, const JsonObject& in, const Caller& caller) {
    return service::revokeFeed(w, accountActedOn(in, caller, true));
  };
  unfeed.text = feedText;
  unfeed.scope = refs({}, Concerns::none());
  c.add(unfeed, rs::written({{"account", rs::text()}, {"revoked", rs::timestamp()}}));
}

}  // namespace igsgov::ops
