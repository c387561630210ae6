#include "service/Tokens.hpp"

#include "core/Error.hpp"
#include "core/Random.hpp"
#include "core/Sha256.hpp"
#include "model/Vocabulary.hpp"


namespace igsgov::service {

namespace {

constexpr std::string_view kPrefix = "igsgov_";

std::string randomSecret() { return std::string(kPrefix) + randomHex(32); }

Place tokenField(const std::string& name, const std::string& field) {
  return Place().set("record", "token '" + name + "'").set("field", "'" + field + "'");
}

void checkName(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 64;
  for (char c : name)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                c == '-' || c == '@' || c == ':');
  if (!ok)
    throwInvalid("ongeldige tokennaam (1 tot 64 tekens: letters, cijfers, . _ - @ :)", tokenField(name, "name"));
}

}  // namespace

std::string tokenHash(std::string_view secret) { return sha256Hex(secret); }

bool looksLikeSecret(std::string_view s) {
  if (s.size() != kPrefix.size() + 64 || s.substr(0, kPrefix.size()) != kPrefix) return false;
  for (char c : s.substr(kPrefix.size()))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

JsonObject createToken(records::Writer& w, const std::string& name, const std::string& role,
                       const std::string& reason) {
  checkName(name);
  if (!model::userRoles().labels.count(role)) {
    std::string known;
    for (const auto& [code, label] : model::userRoles().labels) known += (known.empty() ? "" : ", ") + code;
    throwInvalid("onbekende rol '" + role + "' (" + known + ")", tokenField(name, "role"));
  }
  auto exists = w.db().prepare("SELECT 1 FROM api_token WHERE name = ? AND rec_to IS NULL");
  exists.bind(1, name);
  if (exists.step()) throwConflict("er bestaat al een geldig token met deze naam", tokenField(name, "name"));
  std::string secret = randomSecret();
  w.journal().insertRow("api_token", {{"name", name},
                                      {"role", role},
                                      {"secret_sha256", tokenHash(secret)},
                                      {"rec_from", w.at()},
                                      {"jseq", w.journal().seq()},
                                      {"change_kind", std::string("create")},
                                      {"reason", reason.empty() ? store::Value{} : store::Value{reason}}});
  auto out = newObject();
  out->set("name", name);
  out->set("role", role);
  out->set("created", w.at());
  out->set("secret", secret);
  return out;
}

JsonObject revokeToken(records::Writer& w, const std::string& name, const std::string& reason) {
  auto st = w.db().prepare("SELECT row_id, role FROM api_token WHERE name = ? AND rec_to IS NULL");
  st.bind(1, name);
  if (!st.step()) throwNotFound("geen geldig token met deze naam", tokenField(name, "name"));
  long long rowId = st.integer(0);
  std::string role = st.text(1);
  w.journal().closeRow("api_token", rowId);
  auto out = newObject();
  out->set("name", name);
  out->set("role", role);
  out->set("revoked", w.at());
  if (!reason.empty()) out->set("reason", reason);
  return out;
}

JsonObject listTokens(store::Database& db, bool all) {
  auto st = db.prepare(std::string("SELECT name, role, rec_from, rec_to FROM api_token") +
                       (all ? "" : " WHERE rec_to IS NULL") + " ORDER BY name, rec_from");
  auto list = newArray();
  while (st.step()) {
    auto t = newObject();
    t->set("name", st.text(0));
    t->set("role", st.text(1));
    t->set("created", st.text(2));
    if (!st.isNull(3)) t->set("revoked", st.text(3));
    list->add(t);
  }
  auto out = newObject();
  out->set("tokens", list);
  return out;
}

std::optional<TokenIdentity> authenticate(store::Database& db, std::string_view secret) {
  if (!looksLikeSecret(secret)) return std::nullopt;
  auto& st = db.cached("SELECT name, role FROM api_token WHERE secret_sha256 = ? AND rec_to IS NULL");
  st.bind(1, tokenHash(secret));
  std::optional<TokenIdentity> out;
  if (st.step()) out = TokenIdentity{st.text(0), st.text(1)};
  st.reset();
  return out;
}

}  // namespace igsgov::service
