// API tokens: how igsgovd knows who calls it.
//
// A token is a name, a role (beheerder, directeur, secretariaat, auditor) and a
// random secret "igsgov_" + 64 hex digits (256 bits from OpenSSL's RAND_bytes).
// The secret is returned once by createToken() and never stored: the register
// keeps its SHA-256 (table api_token, migration 0005, journaled), which is
// enough for random secrets (see the migration's comment). Revoking closes the
// row; nothing is deleted.
//
// Thread safety: free functions without state. createToken/revokeToken run
// inside a Register write (the Writer's transaction); listTokens/authenticate
// need the register's lock (Register::read). Failure: igsgov::Error with a
// Dutch message naming the field (invalid, conflict, notFound).
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace igsgov::service {

struct TokenIdentity {
  std::string name;
  std::string role;
};

// The SHA-256 (hex) stored for a secret.
std::string tokenHash(std::string_view secret);
// True when the text has the shape of a secret (prefix and 64 lowercase hex digits).
bool looksLikeSecret(std::string_view secret);

// Creates a token; the output holds name, role, created and the secret (only here).
JsonObject createToken(records::Writer& w, const std::string& name, const std::string& role,
                       const std::string& reason);
// Revokes the current token with this name; notFound when there is none.
JsonObject revokeToken(records::Writer& w, const std::string& name, const std::string& reason);
// Current tokens (with revoked ones when `all`): name, role, created, revoked. Never hashes.
JsonObject listTokens(store::Database& db, bool all);

// The current token whose secret this is, or nothing (unknown, revoked, malformed).
std::optional<TokenIdentity> authenticate(store::Database& db, std::string_view secret);

}  // namespace igsgov::service
