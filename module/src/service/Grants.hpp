// Grants: a role for one cooperation or for every cooperation, held by an
// account ("account:<id>") or limiting an API token ("token:<name>").
// Stored in access_grant (migration 0011, journaled); a removal closes the row.
//
// Thread safety: free functions without state; writes run inside a Register
// write, reads inside a read. Failure: igsgov::Error (invalid: unknown role or
// a bad cooperation id; notFound: an unknown cooperation or grant; conflict:
// the grant exists), Dutch, naming the field.
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"

#include <string>
#include <vector>

namespace igsgov::service {

constexpr const char* kEveryCooperation = "*";

struct Grant {
  std::string role;         // beheerder | directeur | secretariaat | auditor
  std::string cooperation;  // a cooperation id, or kEveryCooperation
  bool operator==(const Grant&) const = default;
};

// The current grants of a principal, ordered by cooperation and role.
std::vector<Grant> grantsOf(store::Database& db, const std::string& principal);
// Adds a grant (the cooperation must exist, or be "*").
void addGrant(records::Writer& w, const std::string& principal, const Grant& grant, const std::string& reason);
// Removes a current grant; notFound when the principal does not hold it.
void removeGrant(records::Writer& w, const std::string& principal, const Grant& grant);
// Throws invalid unless `role` is one of the four user roles (field named).
void checkRole(const std::string& role, const Place& place);
// "secretariaat (igs-a), auditor" (no cooperation: every cooperation); "geen rol" when empty.
std::string grantsText(const std::vector<Grant>& grants);
// Grants as JSON: [{"role", "cooperation"}] ("*" stays "*").
JsonArray grantsJson(const std::vector<Grant>& grants);

}  // namespace igsgov::service
