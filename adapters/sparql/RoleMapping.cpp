#include "adapters/sparql/RoleMapping.hpp"

#include <array>
#include <utility>

namespace igsgov::adapters::sparql {

namespace {

struct RoleNames {
  Role role;
  const char* name;   // the register's name
  const char* label;  // the Dutch label igsgov publishes
};

const std::array<RoleNames, 7> kNames = {{
    {Role::voorzitter, "voorzitter", "Voorzitter"},
    {Role::ondervoorzitter, "ondervoorzitter", "Ondervoorzitter"},
    {Role::bestuurder, "bestuurder", "Bestuurder"},
    {Role::bestuurderRaadgevend, "bestuurder_raadgevend", "Bestuurder met raadgevende stem"},
    {Role::plaatsvervanger, "plaatsvervanger", "Plaatsvervanger"},
    {Role::deskundige, "deskundige", "Deskundige"},
    {Role::afgevaardigde, "afgevaardigde", "Afgevaardigde"},
}};

// Normalised labels (after suffix removal) -> role.
const std::map<std::string, Role>& labelTable() {
  static const std::map<std::string, Role> table = {
      {"voorzitter", Role::voorzitter},
      {"ondervoorzitter", Role::ondervoorzitter},
      {"vicevoorzitter", Role::ondervoorzitter},
      {"bestuurder", Role::bestuurder},
      {"stemgerechtigd bestuurder", Role::bestuurder},
      {"lid", Role::bestuurder},
      {"stemgerechtigd lid", Role::bestuurder},
      {"bestuurder met raadgevende stem", Role::bestuurderRaadgevend},
      {"raadgevend bestuurder", Role::bestuurderRaadgevend},
      {"lid met raadgevende stem", Role::bestuurderRaadgevend},
      {"plaatsvervanger", Role::plaatsvervanger},
      {"plaatsvervangend bestuurder", Role::plaatsvervanger},
      {"plaatsvervangend lid", Role::plaatsvervanger},
      {"deskundige", Role::deskundige},
      {"deskundige zonder stemrecht", Role::deskundige},
      {"afgevaardigde", Role::afgevaardigde},
      {"vertegenwoordiger", Role::afgevaardigde},
  };
  return table;
}

const std::array<const char*, 6> kSuffixes = {
    " van de raad van bestuur", " raad van bestuur", " van het beheerscomité",
    " beheerscomité", " van het bestuursorgaan", " van de rvb"};

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

const char* roleName(Role role) {
  for (const auto& n : kNames)
    if (n.role == role) return n.name;
  return "bestuurder";
}

const char* roleLabel(Role role) {
  for (const auto& n : kNames)
    if (n.role == role) return n.label;
  return "Bestuurder";
}

const std::vector<Role>& allRoles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> v;
    for (const auto& n : kNames) v.push_back(n.role);
    return v;
  }();
  return roles;
}

std::optional<Role> roleFromName(const std::string& name) {
  for (const auto& n : kNames)
    if (name == n.name) return n.role;
  return std::nullopt;
}

const std::set<std::string>& roleNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> s;
    for (const auto& n : kNames) s.insert(n.name);
    return s;
  }();
  return names;
}

std::string normaliseRoleLabel(const std::string& label) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < label.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(label[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < label.size()) {
      // UTF-8 Latin-1 supplement: upper case À..Þ (0x80..0x9E) -> lower case (+0x20).
      unsigned char d = static_cast<unsigned char>(label[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  for (const char* suffix : kSuffixes) {
    if (endsWith(out, suffix) && out.size() > std::string(suffix).size()) {
      out.erase(out.size() - std::string(suffix).size());
      break;
    }
  }
  return out;
}

std::optional<Role> mapRole(const std::string& conceptUri, const std::string& prefLabel,
                            const std::map<std::string, std::string>& byUri) {
  if (auto it = byUri.find(conceptUri); it != byUri.end()) {
    if (auto r = roleFromName(it->second)) return r;
  }
  if (prefLabel.empty()) return std::nullopt;
  const auto& table = labelTable();
  if (auto it = table.find(normaliseRoleLabel(prefLabel)); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace igsgov::adapters::sparql
