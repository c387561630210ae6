#include "service/Grants.hpp"

#include "core/Error.hpp"
#include "model/Vocabulary.hpp"

namespace igsgov::service {

void checkRole(const std::string& role, const Place& place) {
  if (model::userRoles().labels.count(role)) return;
  std::string known;
  for (const auto& [code, label] : model::userRoles().labels) known += (known.empty() ? "" : ", ") + code;
  throwInvalid("onbekende rol '" + role + "' (" + known + ")", place);
}

std::vector<Grant> grantsOf(store::Database& db, const std::string& principal) {
  auto& st = db.cached(
      "SELECT role, cooperation FROM access_grant WHERE principal = ? AND rec_to IS NULL ORDER BY cooperation, role");
  st.bind(1, principal);
  std::vector<Grant> out;
  while (st.step()) out.push_back({st.text(0), st.text(1)});
  st.reset();
  return out;
}

void addGrant(records::Writer& w, const std::string& principal, const Grant& g, const std::string& reason) {
  Place place = Place().set("record", principal);
  checkRole(g.role, Place(place).set("field", "'role'"));
  if (g.cooperation != kEveryCooperation) {
    auto st = w.db().prepare("SELECT 1 FROM cooperation WHERE id = ? AND rec_to IS NULL");
    st.bind(1, g.cooperation);
    if (!st.step())
      throwNotFound("onbekend samenwerkingsverband '" + g.cooperation + "' (of '*' voor alle samenwerkingsverbanden)",
                    Place(place).set("field", "'cooperation'"));
  }
  auto exists = w.db().prepare(
      "SELECT 1 FROM access_grant WHERE principal = ? AND role = ? AND cooperation = ? AND rec_to IS NULL");
  exists.bind(1, principal).bind(2, g.role).bind(3, g.cooperation);
  if (exists.step())
    throwConflict("heeft de rol " + g.role + " al voor " +
                      (g.cooperation == kEveryCooperation ? std::string("alle samenwerkingsverbanden") : "'" + g.cooperation + "'"),
                  place);
  w.journal().insertRow("access_grant", {{"principal", principal},
                                         {"role", g.role},
                                         {"cooperation", g.cooperation},
                                         {"rec_from", w.at()},
                                         {"jseq", w.journal().seq()},
                                         {"change_kind", std::string("create")},
                                         {"reason", reason.empty() ? store::Value{} : store::Value{reason}}});
}

void removeGrant(records::Writer& w, const std::string& principal, const Grant& g) {
  auto st = w.db().prepare(
      "SELECT row_id FROM access_grant WHERE principal = ? AND role = ? AND cooperation = ? AND rec_to IS NULL");
  st.bind(1, principal).bind(2, g.role).bind(3, g.cooperation);
  if (!st.step())
    throwNotFound("heeft de rol " + g.role + " niet voor " +
                      (g.cooperation == kEveryCooperation ? std::string("alle samenwerkingsverbanden") : "'" + g.cooperation + "'"),
                  Place().set("record", principal));
  w.journal().closeRow("access_grant", st.integer(0));
}

std::string grantsText(const std::vector<Grant>& grants) {
  std::string out;
  for (const auto& g : grants)
    out += (out.empty() ? "" : ", ") + g.role + (g.cooperation == kEveryCooperation ? "" : " (" + g.cooperation + ")");
  return out.empty() ? "geen rol" : out;
}

JsonArray grantsJson(const std::vector<Grant>& grants) {
  auto out = newArray();
  for (const auto& g : grants) {
    auto o = newObject();
    o->set("role", g.role);
    o->set("cooperation", g.cooperation);
    out->add(o);
  }
  return out;
}

}  // namespace igsgov::service
