#include "service/Accounts.hpp"

#include "core/Error.hpp"
#include "service/Passwords.hpp"

#include <algorithm>

namespace igsgov::service {

namespace {

constexpr const char* kKind = "account";
constexpr const char* kRedacted = "(gewijzigd)";

struct AccountRow {
  long long rowId = 0;
  std::string id, displayName, email, subject;
  bool disabled = false;
  std::string created;
};

Place accountField(const std::string& id, const std::string& field) {
  return Place().set("record", "account '" + id + "'").set("field", "'" + field + "'");
}

std::optional<AccountRow> currentAccount(store::Database& db, const std::string& id) {
  auto& st = db.cached(
      "SELECT row_id, id, display_name, email, oidc_subject, disabled, "
      "(SELECT min(rec_from) FROM account a2 WHERE a2.id = account.id) FROM account WHERE id = ? AND rec_to IS NULL");
  st.bind(1, id);
  std::optional<AccountRow> out;
  if (st.step())
    out = AccountRow{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) != 0, st.text(6)};
  st.reset();
  return out;
}

void checkId(const std::string& id) {
  bool ok = !id.empty() && id.size() <= 64;
  for (char c : id)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@');
  if (!ok)
    throwInvalid("ongeldige gebruikersnaam (1 tot 64 tekens: kleine letters, cijfers, . _ - @)", accountField(id, "id"));
}

void checkEmail(const std::string& id, const std::string& email) {
  auto at = email.find('@');
  if (email.empty()) return;
  if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.size() > 254 ||
      email.find_first_of(" \t<>\"") != std::string::npos)
    throwInvalid("geen geldig e-mailadres", accountField(id, "email"));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

store::Value orNull(const std::string& s) { return s.empty() ? store::Value{} : store::Value{s}; }

// An OpenID link is "<provider>:<sub>": the provider's name in igsgovd's
// configuration ([a-z0-9-], 1-32) and the 'sub' claim (1-255 characters).
void checkSubjectFree(store::Database& db, const std::string& id, const std::string& subject) {
  if (subject.empty()) return;
  auto colon = subject.find(':');
  bool ok = colon != std::string::npos && colon > 0 && colon <= 32 && subject.size() - colon - 1 >= 1 &&
            subject.size() - colon - 1 <= 255;
  for (std::size_t i = 0; ok && i < colon; ++i) {
    char c = subject[i];
    ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }
  if (!ok)
    throwInvalid("een OpenID-koppeling is '<aanmelddienst>:<subject>', bv. 'gemeente:3f2a9c' (aanmelddienst: de naam uit de "
                 "configuratie van igsgovd, kleine letters, cijfers of -)",
                 accountField(id, "oidc_subject"));
  auto st = db.prepare("SELECT id FROM account WHERE oidc_subject = ? AND rec_to IS NULL AND id <> ?");
  st.bind(1, subject).bind(2, id);
  if (st.step())
    throwConflict("dit OpenID-subject hoort al bij account '" + st.text(0) + "'", accountField(id, "oidc_subject"));
}

void insertAccount(records::Writer& w, const AccountRow& a, const std::string& kind, const std::string& reason) {
  w.journal().insertRow("account", {{"id", a.id},
                                    {"display_name", a.displayName},
                                    {"email", orNull(a.email)},
                                    {"oidc_subject", orNull(a.subject)},
                                    {"disabled", static_cast<long long>(a.disabled)},
                                    {"rec_from", w.at()},
                                    {"jseq", w.journal().seq()},
                                    {"change_kind", kind},
                                    {"reason", orNull(reason)}});
}

void storePassword(records::Writer& w, const std::string& id, const std::string& password, const std::string& kind) {
  std::string hash = hashPassword(password);
  auto st = w.db().prepare("SELECT row_id FROM account_password WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, id);
  if (st.step()) w.journal().closeRow("account_password", st.integer(0));
  w.journal().insertRow("account_password", {{"account_id", id},
                                             {"hash", hash},
                                             {"rec_from", w.at()},
                                             {"jseq", w.journal().seq()},
                                             {"change_kind", kind},
                                             {"reason", store::Value{}}});
}

// The input as the journal keeps it: every password field replaced.
void redactJournalInput(records::Writer& w, const JsonObject& in) {
  auto copy = newObject();
  std::vector<std::string> names;
  in->getNames(names);
  for (const auto& n : names)
    copy->set(n, n == "password" || n == "current_password" || n == "new_password" ? Poco::Dynamic::Var(kRedacted)
                                                                                   : in->get(n));
  w.setJournalInput(copy);
}

JsonObject accountJson(store::Database& db, const AccountRow& a) {
  auto o = newObject();
  o->set("id", a.id);
  o->set("display_name", a.displayName);
  if (!a.email.empty()) o->set("email", a.email);
  if (!a.subject.empty()) o->set("oidc_subject", a.subject);
  o->set("disabled", a.disabled);
  o->set("created", a.created);
  auto st = db.prepare("SELECT rec_from FROM account_password WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, a.id);
  bool has = st.step();
  o->set("has_password", has);
  if (has) o->set("password_set", st.text(0));
  o->set("grants", grantsJson(grantsOf(db, accountPrincipal(a.id))));
  return o;
}

AccountRow requireAccount(store::Database& db, const std::string& id) {
  auto a = currentAccount(db, id);
  if (!a) throwNotFound("onbekend account '" + id + "'", accountField(id, "id"));
  return *a;
}

std::optional<std::string> optText(const Reader& r, const std::string& field) {
  if (!r.has(field)) return std::nullopt;
  return r.object()->getValue<std::string>(field);
}

}  // namespace

std::string accountPrincipal(const std::string& id) { return "account:" + id; }

std::string normaliseAccountId(const std::string& id) {
  auto b = id.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = id.find_last_not_of(" \t\r\n");
  return lower(id.substr(b, e - b + 1));
}

JsonObject createAccount(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "display_name", "email", "oidc_subject", "password", "reason"});
  AccountRow a;
  a.id = normaliseAccountId(r.str("id"));
  checkId(a.id);
  a.displayName = r.str("display_name");
  a.email = lower(optText(r, "email").value_or(""));
  a.subject = optText(r, "oidc_subject").value_or("");
  checkEmail(a.id, a.email);
  if (currentAccount(w.db(), a.id)) throwConflict("er bestaat al een account met deze naam", accountField(a.id, "id"));
  auto token = w.db().prepare("SELECT 1 FROM api_token WHERE name = ? AND rec_to IS NULL");
  token.bind(1, a.id);
  if (token.step())
    throwConflict("er bestaat al een API-token met deze naam (beide verschijnen als actor in het journaal)",
                  accountField(a.id, "id"));
  checkSubjectFree(w.db(), a.id, a.subject);
  insertAccount(w, a, "create", r.optStr("reason").value_or(""));
  if (auto pw = optText(r, "password")) storePassword(w, a.id, *pw, "create");
  redactJournalInput(w, in);
  a = *currentAccount(w.db(), a.id);
  return accountJson(w.db(), a);
}

JsonObject changeAccount(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "display_name", "email", "oidc_subject", "disabled", "reason"});
  std::string id = normaliseAccountId(r.str("id"));
  AccountRow a = requireAccount(w.db(), id);
  if (auto v = r.optStr("display_name")) a.displayName = *v;
  if (auto v = optText(r, "email")) a.email = lower(*v);
  if (auto v = optText(r, "oidc_subject")) a.subject = *v;
  if (auto v = r.optBoolean("disabled")) a.disabled = *v;
  checkEmail(id, a.email);
  checkSubjectFree(w.db(), id, a.subject);
  w.journal().closeRow("account", a.rowId);
  insertAccount(w, a, "change", r.optStr("reason").value_or(""));
  return accountJson(w.db(), *currentAccount(w.db(), id));
}

JsonObject resetPassword(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "password", "reason"});
  std::string id = normaliseAccountId(r.str("id"));
  requireAccount(w.db(), id);
  auto given = optText(r, "password");
  std::string password = given.value_or(generatePassword());
  storePassword(w, id, password, "reset");
  redactJournalInput(w, in);
  auto out = newObject();
  out->set("id", id);
  out->set("password_set", w.at());
  if (!given) out->set("password", password);
  return out;
}

JsonObject changeOwnPassword(records::Writer& w, const std::string& account, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"current_password", "new_password"});
  redactJournalInput(w, in);
  if (account.empty())
    throw Error(ErrorCode::denied, "alleen wie met een persoonlijk account is aangemeld kan zijn wachtwoord wijzigen");
  auto st = w.db().prepare("SELECT hash FROM account_password WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, account);
  std::string current = r.object()->has("current_password") ? r.object()->getValue<std::string>("current_password") : "";
  if (!st.step() || !verifyPassword(st.text(0), current))
    throwInvalid("het huidige wachtwoord klopt niet", Place().set("field", "'current_password'"));
  std::string next = r.str("new_password");
  if (next == current)
    throwInvalid("het nieuwe wachtwoord is hetzelfde als het huidige", Place().set("field", "'new_password'"));
  try {
    checkPasswordPolicy(next);
  } catch (const Error& e) {
    throw Error(e.errorCode(), e.message(), Place().set("field", "'new_password'"));
  }
  storePassword(w, account, next, "change");
  auto out = newObject();
  out->set("id", account);
  out->set("password_set", w.at());
  return out;
}

JsonObject grantRole(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "role", "cooperation", "reason"});
  std::string id = normaliseAccountId(r.str("id"));
  requireAccount(w.db(), id);
  addGrant(w, accountPrincipal(id), {r.str("role"), r.str("cooperation")}, r.optStr("reason").value_or(""));
  return accountJson(w.db(), *currentAccount(w.db(), id));
}

JsonObject revokeRole(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "role", "cooperation", "reason"});
  std::string id = normaliseAccountId(r.str("id"));
  requireAccount(w.db(), id);
  removeGrant(w, accountPrincipal(id), {r.str("role"), r.str("cooperation")});
  return accountJson(w.db(), *currentAccount(w.db(), id));
}

JsonObject listAccounts(store::Database& db, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id"});
  auto list = newArray();
  if (auto id = r.optStr("id")) {
    list->add(accountJson(db, requireAccount(db, normaliseAccountId(*id))));
  } else {
    auto st = db.prepare("SELECT id FROM account WHERE rec_to IS NULL ORDER BY id");
    while (st.step()) list->add(accountJson(db, *currentAccount(db, st.text(0))));
  }
  auto out = newObject();
  out->set("accounts", list);
  return out;
}

std::optional<Identity> accountIdentity(store::Database& db, const std::string& id) {
  auto a = currentAccount(db, id);
  if (!a || a->disabled) return std::nullopt;
  Identity who{accountPrincipal(a->id), a->id, a->displayName, grantsOf(db, accountPrincipal(a->id)), "", a->subject};
  auto& st = db.cached("SELECT row_id FROM account_password WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, a->id);
  if (st.step()) who.credential = std::to_string(st.integer(0));
  st.reset();
  return who;
}

std::optional<Identity> passwordLogin(store::Database& db, const std::string& name, const std::string& password) {
  std::string id = normaliseAccountId(name);
  std::string hash;
  {
    auto& st = db.cached(
        "SELECT p.hash FROM account_password p JOIN account a ON a.id = p.account_id AND a.rec_to IS NULL "
        "WHERE p.account_id = ? AND p.rec_to IS NULL AND a.disabled = 0");
    st.bind(1, id);
    if (st.step()) hash = st.text(0);
    st.reset();
  }
  if (hash.empty()) {
    verifyNothing(password);
    return std::nullopt;
  }
  if (!verifyPassword(hash, password)) return std::nullopt;
  return accountIdentity(db, id);
}

std::optional<Identity> subjectLogin(store::Database& db, const std::string& link) {
  if (link.empty()) return std::nullopt;
  auto& st = db.cached("SELECT id FROM account WHERE oidc_subject = ? AND rec_to IS NULL AND disabled = 0");
  st.bind(1, link);
  std::string id = st.step() ? st.text(0) : "";
  st.reset();
  if (id.empty()) return std::nullopt;
  return accountIdentity(db, id);
}

Identity tokenIdentity(store::Database& db, const TokenIdentity& token) {
  Identity who{"token:" + token.name, token.name, token.name, grantsOf(db, "token:" + token.name), "", ""};
  if (who.grants.empty()) who.grants.push_back({token.role, kEveryCooperation});
  return who;
}

}  // namespace igsgov::service
