#include "service/CalendarFeeds.hpp"

#include "core/Error.hpp"
#include "core/Random.hpp"
#include "core/Sha256.hpp"
#include "service/Accounts.hpp"

#include <openssl/crypto.h>

namespace igsgov::service {

namespace {

constexpr std::string_view kPrefix = "igsgovcal_";

Place feedPlace(const std::string& account) { return Place().set("record", "account '" + account + "'").set("field", "'account'"); }

}  // namespace

bool looksLikeFeedSecret(std::string_view s) {
  if (s.size() != kPrefix.size() + 64 || s.substr(0, kPrefix.size()) != kPrefix) return false;
  for (char c : s.substr(kPrefix.size()))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

JsonObject createFeed(records::Writer& w, const std::string& accountArg) {
  std::string account = normaliseAccountId(accountArg);
  if (account.empty() || !accountIdentity(w.db(), account))
    throwNotFound("geen actief account met deze naam; een agenda-abonnement hoort bij een persoonlijk account",
                  feedPlace(accountArg));
  auto current = w.db().prepare("SELECT row_id FROM calendar_feed WHERE account_id = ? AND rec_to IS NULL");
  current.bind(1, account);
  bool replaced = false;
  if (current.step()) {
    w.journal().closeRow("calendar_feed", current.integer(0));
    replaced = true;
  }
  std::string secret = std::string(kPrefix) + randomHex(32);
  w.journal().insertRow("calendar_feed", {{"account_id", account},
                                          {"secret_sha256", sha256Hex(secret)},
                                          {"rec_from", w.at()},
                                          {"jseq", w.journal().seq()},
                                          {"change_kind", std::string(replaced ? "replace" : "create")},
                                          {"reason", store::Value{}}});
  auto out = newObject();
  out->set("account", account);
  out->set("created", w.at());
  out->set("replaced", replaced);
  out->set("secret", secret);
  return out;
}

JsonObject revokeFeed(records::Writer& w, const std::string& accountArg) {
  std::string account = normaliseAccountId(accountArg);
  auto st = w.db().prepare("SELECT row_id FROM calendar_feed WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, account);
  if (!st.step()) throwNotFound("dit account heeft geen agenda-abonnement", feedPlace(accountArg));
  w.journal().closeRow("calendar_feed", st.integer(0));
  auto out = newObject();
  out->set("account", account);
  out->set("revoked", w.at());
  return out;
}

std::optional<std::string> feedCreated(store::Database& db, const std::string& account) {
  auto& st = db.cached("SELECT rec_from FROM calendar_feed WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, account);
  std::optional<std::string> out;
  if (st.step()) out = st.text(0);
  st.reset();
  return out;
}

std::optional<std::string> feedAccount(store::Database& db, std::string_view secret) {
  if (!looksLikeFeedSecret(secret)) return std::nullopt;
  // Looked up by the SHA-256 of the secret (an index), so the lookup's timing
  // depends on the hash, which an attacker cannot steer towards a stored one;
  // the match is then confirmed with a constant-time comparison.
  std::string hash = sha256Hex(secret);
  auto& st = db.cached("SELECT account_id, secret_sha256 FROM calendar_feed WHERE secret_sha256 = ? AND rec_to IS NULL");
  st.bind(1, hash);
  std::optional<std::string> out;
  if (st.step()) {
    std::string stored = st.text(1);
    if (stored.size() == hash.size() && CRYPTO_memcmp(stored.data(), hash.data(), hash.size()) == 0) out = st.text(0);
  }
  st.reset();
  return out;
}

}  // namespace igsgov::service
