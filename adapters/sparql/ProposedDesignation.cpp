#include "adapters/sparql/ProposedDesignation.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"

#include <algorithm>

namespace igsgov::adapters::sparql {

namespace {

Poco::Dynamic::Var labelled(const Labelled& l, const char* labelKey = "name") {
  if (l.empty()) return Poco::Dynamic::Var();
  auto o = newObject();
  o->set("uri", l.uri);
  o->set(labelKey, l.label.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(l.label));
  return o;
}

Poco::Dynamic::Var optDate(const std::optional<Date>& d) {
  return d ? Poco::Dynamic::Var(d->iso()) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var optText(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }

JsonObject decisionJson(const DecisionRef& d) {
  auto o = newObject();
  o->set("uri", d.uri);
  o->set("date", optDate(d.date()));
  o->set("published", optDate(d.published));
  o->set("session_date", optDate(d.sessionDate));
  o->set("reference", optText(d.reference));
  o->set("title", optText(d.title));
  o->set("council", labelled(d.council));
  o->set("council_classification", labelled(d.councilClassification, "label"));
  o->set("gemeente", labelled(d.gemeente));
  return o;
}

}  // namespace

bool DecisionRef::byGemeenteraad() const { return councilClassification.uri == vocab::kGemeenteraad; }

const char* flagCode(Flag f) {
  switch (f) {
    case Flag::unknownRole: return "unknown_role";
    case Flag::unknownStatus: return "unknown_status";
    case Flag::noDecision: return "no_decision";
    case Flag::severalDecisions: return "several_decisions";
    case Flag::decisionNotByCouncil: return "decision_not_by_council";
    case Flag::invalidStart: return "invalid_start";
    case Flag::invalidEnd: return "invalid_end";
    case Flag::endBeforeStart: return "end_before_start";
    case Flag::noPersonName: return "no_person_name";
  }
  return "unknown";
}

std::string flagMessage(Flag f) {
  switch (f) {
    case Flag::unknownRole: return "onbekende bestuursfunctie: de rol moet manueel gekozen worden";
    case Flag::unknownStatus: return "onbekende status van de mandataris";
    case Flag::noDecision: return "geen besluit gevonden dat de aanstelling bekrachtigt";
    case Flag::severalDecisions: return "meerdere besluiten bekrachtigen deze aanstelling; het vroegste is getoond";
    case Flag::decisionNotByCouncil: return "het besluit is niet door een gemeenteraad genomen";
    case Flag::invalidStart: return "begindatum ontbreekt of is geen geldige datum";
    case Flag::invalidEnd: return "einddatum is geen geldige datum";
    case Flag::endBeforeStart: return "einddatum ligt voor de begindatum";
    case Flag::noPersonName: return "de persoon heeft geen naam in de bron";
  }
  return "";
}

std::string ProposedDesignation::personName() const {
  if (givenName.empty()) return familyName;
  if (familyName.empty()) return givenName;
  return givenName + " " + familyName;
}

Labelled ProposedDesignation::memberGemeente() const {
  const DecisionRef* d = decision();
  return d ? d->gemeente : Labelled{};
}

bool ProposedDesignation::hasFlag(Flag f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }

JsonObject ProposedDesignation::toJson() const {
  auto o = newObject();
  o->set("source", source);

  auto person = newObject();
  person->set("uri", personUri);
  person->set("given_name", optText(givenName));
  person->set("family_name", optText(familyName));
  person->set("name", optText(personName()));
  o->set("person", person);

  auto igsObj = newObject();
  igsObj->set("uri", igs.uri);
  igsObj->set("name", optText(igs.label));
  igsObj->set("classification", labelled(igsClassification, "label"));
  igsObj->set("legal_form", legalForm ? Poco::Dynamic::Var(*legalForm) : Poco::Dynamic::Var());
  o->set("igs", igsObj);

  auto bodyObj = newObject();
  bodyObj->set("uri", body.uri);
  bodyObj->set("name", optText(body.label));
  bodyObj->set("in_time", optText(bodyInTime));
  bodyObj->set("classification", labelled(bodyClassification, "label"));
  o->set("body", bodyObj);

  o->set("mandaat", mandaat);
  o->set("role", role ? Poco::Dynamic::Var(roleName(*role)) : Poco::Dynamic::Var());
  o->set("role_concept", labelled(roleConcept, "label"));
  o->set("start", start ? Poco::Dynamic::Var(start->iso()) : optText(startRaw));
  o->set("end", end ? Poco::Dynamic::Var(end->iso()) : optText(endRaw));

  auto statusObj = newObject();
  statusObj->set("code", status ? Poco::Dynamic::Var(*status) : Poco::Dynamic::Var());
  statusObj->set("uri", optText(statusConcept.uri));
  statusObj->set("label", optText(statusConcept.label));
  o->set("status", statusConcept.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(statusObj));

  o->set("fractie", labelled(fractie));
  o->set("decision", decisions.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(decisionJson(decisions.front())));
  auto all = newArray();
  for (const auto& d : decisions) all->add(decisionJson(d));
  o->set("decisions", all);
  o->set("member_gemeente", labelled(memberGemeente()));

  auto flagArr = newArray();
  for (Flag f : flags) {
    auto fo = newObject();
    fo->set("code", flagCode(f));
    fo->set("message", flagMessage(f));
    flagArr->add(fo);
  }
  o->set("flags", flagArr);
  return o;
}

JsonArray toJson(const std::vector<ProposedDesignation>& proposals) {
  auto a = newArray();
  for (const auto& p : proposals) a->add(p.toJson());
  return a;
}

}  // namespace igsgov::adapters::sparql
