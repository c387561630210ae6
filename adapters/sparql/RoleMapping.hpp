// RoleMapping: from an OSLO bestuursfunctie (the org:role of a mandaat:Mandaat)
// to the roles the register knows for a seat in an IGS body.
//
// There is no published LBLOD code list for IGS board functions, so a role is
// recognised, in this order:
//   1. by its concept URI in the caller's map (EndpointConfig.roles),
//   2. by its skos:prefLabel, normalised (lower case, single spaces, a trailing
//      "van de raad van bestuur" / "van het beheerscomité" dropped) and looked
//      up in a fixed table of Dutch labels (see docs/dev/sparql.md).
// Nothing found -> std::nullopt: the caller keeps the URI and label and flags
// the designation. Pure functions: thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::adapters::sparql {

enum class Role { voorzitter, ondervoorzitter, bestuurder, bestuurderRaadgevend, plaatsvervanger, deskundige, afgevaardigde };

// "voorzitter", "ondervoorzitter", "bestuurder", "bestuurder_raadgevend",
// "plaatsvervanger", "deskundige", "afgevaardigde" (the register's role names).
const char* roleName(Role role);
// The Dutch skos:prefLabel igsgov publishes for the role ("Voorzitter", "Bestuurder met
// raadgevende stem", ...); mapRole(uri, roleLabel(r), {}) == r for every role.
const char* roleLabel(Role role);
// Every role, in declaration order.
const std::vector<Role>& allRoles();
std::optional<Role> roleFromName(const std::string& name);
const std::set<std::string>& roleNames();

// Lower case (ASCII and the Latin-1 accented letters Dutch uses), trimmed,
// inner white space collapsed, known board suffixes removed.
std::string normaliseRoleLabel(const std::string& label);

std::optional<Role> mapRole(const std::string& conceptUri, const std::string& prefLabel,
                            const std::map<std::string, std::string>& byUri);

}  // namespace igsgov::adapters::sparql
