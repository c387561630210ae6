// Personal accounts: who signs in to the intranet with a password or with
// OpenID Connect (oidc_subject links the account to "<provider>:<sub>",
// web/OidcSignIn.hpp; no account is ever made by a sign-in), and what each may do (roles per
// cooperation, service/Grants.hpp). Stored in account and account_password
// (migration 0011, journaled); a change closes the old row and inserts a new one.
//
// An account id is the login name: 1 to 64 characters, lowercase letters,
// digits and . _ - @ (a name typed in another case is lowercased). It must not
// be the name of a current API token: both appear as the journal's actor.
// Passwords: service/Passwords.hpp. A password never enters the journal: the
// entry of a create or a reset records the input with "password" replaced by
// "(gewijzigd)". A beheerder's reset without a password generates one and
// returns it once.
//
// Identity is what a caller is while signed in or calling REST: the principal,
// the journal's actor, a display name and the grants. For an API token the
// grants are its role for the cooperations of its access_grant rows, or for
// every cooperation when it has none.
//
// Thread safety: free functions without state; writes run inside a Register
// write, reads inside a read. Failure: igsgov::Error, Dutch, naming the field.
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"
#include "service/Grants.hpp"
#include "service/Tokens.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::service {

struct Identity {
  std::string principal;    // "account:<id>" or "token:<name>"
  std::string id;           // account id or token name: the journal's actor
  std::string displayName;  // for pages: the account's display name, a token's name
  std::vector<Grant> grants;
  // Accounts: the row of the current password ("" without one). A session
  // started with a password ends when it changes (a reset signs the holder out).
  std::string credential;
  // The account's OpenID link "<provider>:<sub>" ("" without one). A session
  // started with OpenID Connect ends when the link changes or is removed.
  std::string subject;
};

std::string accountPrincipal(const std::string& id);
// The login name as stored: trimmed and lowercased (ASCII).
std::string normaliseAccountId(const std::string& id);

// account.create: id, display_name, email, oidc_subject, password (optional).
JsonObject createAccount(records::Writer& w, const JsonObject& in);
// account.change: display_name, email, oidc_subject ("" removes), disabled.
JsonObject changeAccount(records::Writer& w, const JsonObject& in);
// account.password: a new password for an account (given, or generated and
// returned once as "password").
JsonObject resetPassword(records::Writer& w, const JsonObject& in);
// account.own-password: the signed-in account changes its own password
// (current and new); `account` comes from the caller, never the input.
JsonObject changeOwnPassword(records::Writer& w, const std::string& account, const JsonObject& in);
// account.grant / account.revoke: {id, role, cooperation}.
JsonObject grantRole(records::Writer& w, const JsonObject& in);
JsonObject revokeRole(records::Writer& w, const JsonObject& in);
// account.list: every current account with its grants (never a hash).
JsonObject listAccounts(store::Database& db, const JsonObject& in);

// The account's identity when it exists and is not disabled.
std::optional<Identity> accountIdentity(store::Database& db, const std::string& id);
// Sign-in with a password: the identity when the account exists, is enabled,
// has a password and it matches. Takes one Argon2id verification also for an
// unknown name (timing tells nothing).
std::optional<Identity> passwordLogin(store::Database& db, const std::string& name, const std::string& password);
// Sign-in with OpenID Connect: the identity of the enabled account linked to
// "<provider>:<sub>", or nothing (no account is made).
std::optional<Identity> subjectLogin(store::Database& db, const std::string& link);
// A token's identity (its grants from access_grant, else its role everywhere).
Identity tokenIdentity(store::Database& db, const TokenIdentity& token);

}  // namespace igsgov::service
