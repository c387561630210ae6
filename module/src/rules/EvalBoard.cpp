// Evaluators about the board (raad van bestuur): every gemeente represented,
// local mandates, majority and opposition, size, gender share.
#include "rules/Evaluators.hpp"
#include "core/Date.hpp"

#include <map>
#include <set>

namespace igsgov::rules {
namespace {

const BodyFact& board(const Context& c) {
  std::string type = c.params.text("orgaan");
  auto bodies = c.coop.bodiesOn(c.asOf, type);
  if (bodies.empty()) throw NotEvaluable{"geen orgaan van het type '" + type + "' geregistreerd op " + dutchLongDate(c.asOf)};
  return *bodies.front();
}

// The board's mandates on the date. A board without any in the register has
// nothing to check: NotEvaluable, not a pass.
std::vector<const MandateFact*> seated(const Context& c, const BodyFact& b) {
  auto list = c.coop.mandatesOn(c.asOf, b.id);
  if (list.empty()) throw NotEvaluable{"de " + b.name + " heeft op " + dutchLongDate(c.asOf) + " geen mandaten in het register"};
  return list;
}

std::string memberOf(const CooperationFact& coop, const MandateFact& m) {
  if (!m.memberId.empty()) return m.memberId;
  for (const auto& s : coop.seats)
    if (s.id == m.seatId) return s.memberId;
  return "";
}

std::string personName(const CooperationFact& coop, const std::string& id) {
  const auto* p = coop.person(id);
  return p ? p->name : id;
}

void everyGemeenteSeated(const Context& c) {
  std::string type = c.params.text("orgaan");
  auto bodies = c.coop.bodiesOn(c.asOf, type);
  if (bodies.empty()) {
    c.emit("er is op " + dutchLongDate(c.asOf) + " geen raad van bestuur geregistreerd, dus geen enkele gemeente is vertegenwoordigd",
           {{"cooperation", c.coop.id}});
    return;
  }
  std::set<std::string> represented;
  for (const auto* m : c.coop.mandatesOn(c.asOf, bodies.front()->id)) represented.insert(memberOf(c.coop, *m));
  for (const auto* m : gemeentenOn(c))
    if (!represented.count(m->id))
      c.emit("gemeente " + m->name + " is op " + dutchLongDate(c.asOf) + " niet vertegenwoordigd in de " + bodies.front()->name,
             {{"member", m->id}, {"body", bodies.front()->id}});
}

void localMandate(const Context& c) {
  const auto& b = board(c);
  auto roles = c.params.texts("rollen");
  std::set<std::string> roleSet(roles.begin(), roles.end());
  bool any = false;
  for (const auto* m : seated(c, b)) {
    if (!roleSet.count(m->role)) continue;
    any = true;
    std::vector<std::string> missing;
    if (m->fractie.empty()) missing.push_back("fractie");
    if (m->decisionCouncil.empty() || m->decisionDate.empty()) missing.push_back("aanduidingsbesluit van de gemeenteraad");
    if (missing.empty()) continue;
    std::string what = missing[0] + (missing.size() > 1 ? " en " + missing[1] : "");
    c.emit("bij " + personName(c.coop, m->personId) + " (mandaat " + m->id + ") ontbreekt " + what +
               ": niet na te gaan of de bestuurder een lokaal mandaat houdt (gemeenteraadslid, burgemeester of schepen)",
           {{"mandate", m->id}, {"person", m->personId}});
  }
  if (!any) {
    std::string list;
    for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
    throw NotEvaluable{"de " + b.name + " heeft op " + dutchLongDate(c.asOf) + " geen mandaten met rol " + list};
  }
}

void majorityAndOpposition(const Context& c) {
  const auto& b = board(c);
  bool majority = false, opposition = false;
  for (const auto* m : c.coop.mandatesOn(c.asOf, b.id)) {
    majority = majority || m->side == "meerderheid";
    opposition = opposition || m->side == "oppositie";
  }
  if (!majority) c.emit("de meerderheid is op " + dutchLongDate(c.asOf) + " niet vertegenwoordigd in de " + b.name, {{"body", b.id}});
  if (!opposition)
    c.emit("de oppositie is op " + dutchLongDate(c.asOf) + " niet vertegenwoordigd in de " + b.name +
               " (ook niet met raadgevende stem)",
           {{"body", b.id}});
}

void boardSize(const Context& c) {
  const auto& b = board(c);
  long long max = c.params.integer("max_leden");
  bool votingOnly = c.params.boolean("alleen_stemgerechtigd");
  long long n = 0;
  for (const auto* m : seated(c, b))
    if (!votingOnly || m->voting) ++n;
  if (n > max)
    c.emit("de " + b.name + " telt op " + dutchLongDate(c.asOf) + " " + std::to_string(n) +
               (votingOnly ? " stemgerechtigde" : "") + " leden, meer dan " + std::to_string(max),
           {{"body", b.id}});
}

void genderShare(const Context& c) {
  const auto& b = board(c);
  long long num = c.params.integer("max_aandeel_teller"), den = c.params.integer("max_aandeel_noemer");
  std::map<std::string, long long> count;
  std::set<std::string> seen;
  long long known = 0, unknown = 0;
  for (const auto* m : seated(c, b)) {
    if (!seen.insert(m->personId).second) continue;
    const auto* p = c.coop.person(m->personId);
    if (!p || p->gender.empty()) {
      ++unknown;
      continue;
    }
    ++count[p->gender];
    ++known;
  }
  if (known == 0) throw NotEvaluable{"van geen enkel lid van de " + b.name + " is het geslacht geregistreerd"};
  for (const auto& [g, n] : count)
    if (n * den > num * known)
      c.emit(std::to_string(n) + " van de " + std::to_string(known) + " leden van de " + b.name + " met gekend geslacht zijn " +
                 (g == "v" ? "vrouw" : g == "m" ? "man" : g) + ", meer dan " + std::to_string(num) + "/" +
                 std::to_string(den) + (unknown ? " (van " + std::to_string(unknown) + " leden is het geslacht niet gekend)" : ""),
             {{"body", b.id}});
}

}  // namespace

void addBoardEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"every_gemeente_seated", {{"orgaan", "text"}}, everyGemeenteSeated});
  out.push_back({"local_mandate", {{"orgaan", "text"}, {"rollen", "texts"}}, localMandate});
  out.push_back({"majority_and_opposition", {{"orgaan", "text"}}, majorityAndOpposition});
  out.push_back({"board_size", {{"orgaan", "text"}, {"max_leden", "integer"}, {"alleen_stemgerechtigd", "boolean"}}, boardSize});
  out.push_back({"gender_share", {{"orgaan", "text"}, {"max_aandeel_teller", "integer"}, {"max_aandeel_noemer", "integer"}},
                 genderShare});
}

}  // namespace igsgov::rules
