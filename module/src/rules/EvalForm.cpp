// Evaluators about the legal form: term limits, who may participate, the
// founding year.
#include "core/Error.hpp"
#include "rules/Evaluators.hpp"

#include <algorithm>
#include <cctype>

namespace igsgov::rules {
namespace {

void termLimit(const Context& c) {
  long long years = c.params.integer("max_jaren");
  if (!c.coop.termStart || !c.coop.termEnd)
    throw NotEvaluable{"oprichtingsdatum of einddatum van de looptijd is niet geregistreerd"};
  Date start = *c.coop.termStart;
  Date limit = start.addYears(static_cast<int>(years)).addDays(-1);
  if (*c.coop.termEnd > limit)
    c.emit("de looptijd " + (c.coop.renewed ? std::string("na verlenging ") : std::string()) + "loopt van " +
               dutchLongDate(start) + " tot " + dutchLongDate(*c.coop.termEnd) + ", langer dan " +
               std::to_string(years) + " jaar (uiterlijk " + dutchLongDate(limit) + ")",
           {{"cooperation", c.coop.id}});
  if (*c.coop.termEnd < c.asOf && !c.coop.membersOn(c.asOf).empty())
    c.emit("de looptijd eindigde op " + dutchLongDate(*c.coop.termEnd) +
               " maar er zijn nog deelnemers; registreer de verlenging (alle gemeenten beslissen) of de ontbinding",
           {{"cooperation", c.coop.id}});
}

void forbiddenPartnerKinds(const Context& c) {
  auto forbidden = c.params.texts("verboden_soorten");
  for (const auto* m : c.coop.membersOn(c.asOf))
    if (m->kind == "partner" && std::find(forbidden.begin(), forbidden.end(), m->partnerKind) != forbidden.end())
      c.emit("deelnemer " + m->name + " is een " + (m->partnerKind == "privaat" ? "private partner"
                                                                               : "private partner zonder winstoogmerk") +
                 ", niet toegelaten in deze rechtsvorm",
             {{"member", m->id}});
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

void forbiddenMemberNames(const Context& c) {
  auto words = c.params.texts("naam_bevat");
  for (const auto* m : c.coop.membersOn(c.asOf)) {
    if (m->kind != "partner") continue;
    std::string name = lower(m->name);
    for (const auto& w : words)
      if (name.find(lower(w)) != std::string::npos) {
        c.emit("deelnemer " + m->name + " lijkt een provincie of de Vlaamse overheid (naam bevat '" + w +
                   "'); die mogen niet deelnemen",
               {{"member", m->id}});
        break;
      }
  }
}

void notFoundedInElectionYear(const Context& c) {
  if (!c.coop.founded) throw NotEvaluable{"de oprichtingsdatum is niet geregistreerd"};
  auto years = c.params.integers("verkiezingsjaren");
  if (std::find(years.begin(), years.end(), c.coop.founded->year()) != years.end())
    c.emit("opgericht op " + dutchLongDate(*c.coop.founded) + ", in een jaar met gemeenteraadsverkiezingen (" +
               std::to_string(c.coop.founded->year()) + ")",
           {{"cooperation", c.coop.id}});
}

}  // namespace

void addFormEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"term_limit", {{"max_jaren", "integer"}}, termLimit});
  out.push_back({"forbidden_partner_kinds", {{"verboden_soorten", "texts"}}, forbiddenPartnerKinds});
  out.push_back({"forbidden_member_names", {{"naam_bevat", "texts"}}, forbiddenMemberNames});
  out.push_back({"not_founded_in_election_year", {{"verkiezingsjaren", "integers"}}, notFoundedInElectionYear});
}

}  // namespace igsgov::rules
