#include "linkeddata/MandatenGraph.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"
#include "adapters/sparql/RoleMapping.hpp"
#include "core/Sha256.hpp"
#include "linkeddata/Bestuursperiode.hpp"
#include "linkeddata/Iris.hpp"
#include "linkeddata/MandatenTerms.hpp"
#include "model/Vocabulary.hpp"

#include <algorithm>

namespace igsgov::linkeddata {

namespace {

namespace v = adapters::sparql::vocab;
namespace sparql = adapters::sparql;
using namespace terms;

std::string str(const JsonObject& o, const char* field) {
  if (o.isNull() || !o->has(field) || !o->get(field).isString()) return {};
  return o->getValue<std::string>(field);
}

std::vector<JsonObject> objects(const JsonObject& o, const char* field) {
  std::vector<JsonObject> out;
  if (o.isNull() || !o->has(field)) return out;
  auto arr = o->getArray(field);
  if (arr.isNull()) return out;
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(arr->getObject(static_cast<unsigned>(i)));
  return out;
}

std::string shortHash(const std::string& key) { return sha256Hex(key).substr(0, 16); }

struct BodyRef {
  JsonObject body;
  std::string cooperation;
};

class Builder {
public:
  Builder(const std::string& base, const GemeenteNames& gemeenten) : b_(base), gemeenten_(gemeenten) {}

  void cooperation(const JsonObject& c) {
    std::string id = str(c, "id");
    std::string igs = igsIri(id);
    g_.add(igs, kType, iri(kBestuurseenheid));
    g_.add(igs, kPrefLabel, text(str(c, "name")));
    std::string form = str(c, "legal_form");
    if (auto code = v::legalFormConcept(form)) {
      g_.add(igs, kClassificatie, iri(*code));
    } else {
      std::string conceptIri = ownConcept("rechtsvorm", form, model::legalForms().label(form));
      g_.add(igs, kClassificatie, iri(conceptIri));
    }
    if (std::string kbo = str(c, "kbo"); !kbo.empty()) {
      std::string ident = igs + "/identificatoren/kbo";
      g_.add(igs, kIdentifier, iri(ident));
      g_.add(ident, kType, iri(kIdentifierClass));
      g_.add(ident, kNotation, text(kbo));
      g_.add(ident, kDctType, text("KBO-nummer"));
    }
    for (const auto& m : objects(c, "members")) members_[str(m, "id")] = m;
    for (const auto& body : objects(c, "bodies")) {
      bodies_[str(body, "id")] = BodyRef{body, id};
      std::string orgaan = bodyIri(str(body, "id"));
      std::string type = str(body, "type");
      std::string name = str(body, "name");
      g_.add(orgaan, kType, iri(kBestuursorgaan));
      g_.add(orgaan, kPrefLabel, text(name.empty() ? model::bodyTypes().label(type) : name));
      g_.add(orgaan, kBestuurt, iri(igs));
      g_.add(orgaan, kClassificatie, iri(ownConcept("bestuursorgaan", type, model::bodyTypes().label(type))));
    }
  }

  void person(const JsonObject& p, const std::string& index) {
    persons_[str(p, "id")] = {p, index};
  }

  void mandate(const JsonObject& m, const std::string& index) {
    if (m->has("retracted") && m->get("retracted").isBoolean() && m->getValue<bool>("retracted")) return;
    std::string id = str(m, "id");
    auto body = bodies_.find(str(m, "body"));
    auto from = Date::parse(str(m, "from"));
    if (body == bodies_.end() || !from) return;  // the interchange export never yields this
    Bestuursperiode period = bestuursperiodeOf(*from);
    std::string year = std::to_string(period.start.year());
    std::string bodyId = str(body->second.body, "id");
    std::string orgaan = bodyIri(bodyId);
    std::string inTime = orgaan + "/" + year;
    g_.add(inTime, kType, iri(kBestuursorgaan));
    g_.add(inTime, kTijdspecialisatie, iri(orgaan));
    Date bindingStart = std::max(period.start, Date::parse(str(body->second.body, "from")).value_or(period.start));
    Date bindingEnd = std::min(period.end, Date::parse(str(body->second.body, "until")).value_or(period.end));
    g_.add(inTime, kBindingStart, date(bindingStart.iso()));
    g_.add(inTime, kBindingEinde, date(bindingEnd.iso()));

    std::string role = str(m, "role");
    std::string post = b_ + "mandaten/" + segment(bodyId) + "/" + year + "/" + segment(role);
    g_.add(inTime, kHasPost, iri(post));
    g_.add(post, kType, iri(kMandaat));
    auto known = sparql::roleFromName(role);
    g_.add(post, kRole, iri(ownConcept("bestuursfunctie", role, known ? sparql::roleLabel(*known)
                                                                        : model::roles().label(role))));

    std::string mandataris = b_ + "mandatarissen/" + segment(id);
    g_.add(mandataris, kType, iri(kMandataris));
    g_.add(mandataris, kAlias, iri(personIri(str(m, "person"))));
    g_.add(mandataris, kHolds, iri(post));
    g_.add(mandataris, kStart, date(from->iso()));
    if (std::string until = str(m, "until"); !until.empty()) g_.add(mandataris, kEinde, date(until));
    std::string status = str(m, "status");
    if (auto code = v::statusConcept(status.empty() ? "effectief" : status)) g_.add(mandataris, kStatus, iri(*code));
    JsonObject member = memberOf(str(m, "member"));
    if (std::string fractie = str(m, "fractie"); !fractie.empty()) {
      // A fractie belongs to a council: the gemeenteraad of a gemeente member
      // (so one fractie across IGS), else it is known only per member.
      std::string raad = gemeenteraad(member);
      std::string f = b_ + "fracties/" + shortHash((raad.empty() ? str(member, "id") : raad) + "\n" + fractie);
      std::string membership = mandataris + "/fractielidmaatschap";
      g_.add(mandataris, kHasMembership, iri(membership));
      g_.add(membership, kType, iri(kMembership));
      g_.add(membership, kOrganisation, iri(f));
      g_.add(f, kType, iri(kFractie));
      g_.add(f, kLegalName, text(fractie));
      if (!raad.empty()) g_.add(f, kMemberOf, iri(raad));
    }
    if (m->has("decision"))
      decision(m->getObject("decision"), member, mandataris, recordField("mandaat", id, "decision.uri").set("path", index));
  }

private:
  std::string igsIri(const std::string& id) const { return b_ + "bestuurseenheden/" + segment(id); }
  std::string bodyIri(const std::string& id) const { return b_ + "bestuursorganen/" + segment(id); }

  JsonObject memberOf(const std::string& id) const {
    auto it = members_.find(id);
    return it == members_.end() ? JsonObject() : it->second;
  }

  // A concept of igsgov's own (no LBLOD code list has it), in its scheme.
  std::string ownConcept(const std::string& scheme, const std::string& code, const std::string& label) {
    std::string schemeIri = b_ + "concepten/" + scheme;
    std::string conceptIri = schemeIri + "/" + segment(code);
    g_.add(schemeIri, kType, iri(kConceptScheme));
    g_.add(conceptIri, kType, iri(kConcept));
    g_.add(conceptIri, kPrefLabel, textNl(label));
    g_.add(conceptIri, kInScheme, iri(schemeIri));
    return conceptIri;
  }

  std::string personIri(const std::string& id) {
    auto it = persons_.find(id);
    if (it == persons_.end()) return b_ + "personen/" + segment(id);
    const auto& [p, index] = it->second;
    std::string uri = str(p, "uri");
    std::string node = uri.empty() ? b_ + "personen/" + segment(id)
                                   : externalIri(uri, recordField("persoon", id, "uri").set("path", index));
    if (published_.insert(id).second) {
      std::string name = str(p, "name");
      auto space = name.find(' ');
      g_.add(node, kType, iri(kPerson));
      g_.add(node, kName, text(name));
      // The register keeps one name; OSLO wants given and family name: the first
      // word is taken as the given name (docs/open-data.md says so).
      g_.add(node, kVoornaam, text(space == std::string::npos ? name : name.substr(0, space)));
      g_.add(node, kFamilyName, text(space == std::string::npos ? name : name.substr(space + 1)));
      if (p->has("fictitious") && p->get("fictitious").isBoolean() && p->getValue<bool>("fictitious")) {
        g_.add(node, kFictief, boolean(true));
        g_.add(node, kComment, textNl("Fictieve persoon (voorbeeld- of testgegevens), geen echte mandataris."));
      }
    }
    return node;
  }

  // The gemeenteraad of a gemeente member (and its gemeente); empty for other members.
  std::string gemeenteraad(const JsonObject& member) {
    std::string nis = str(member, "nis");
    if (str(member, "kind") != "gemeente" || nis.empty()) return {};
    auto name = gemeenten_.find(nis);
    std::string gemeenteName = name != gemeenten_.end() ? name->second : str(member, "name");
    std::string raad = b_ + "gemeenteraden/" + segment(nis);
    std::string gemeente = b_ + "gemeenten/" + segment(nis);
    g_.add(raad, kType, iri(kBestuursorgaan));
    g_.add(raad, kPrefLabel, text("Gemeenteraad " + gemeenteName));
    g_.add(raad, kClassificatie, iri(std::string(v::kGemeenteraad)));
    g_.add(raad, kBestuurt, iri(gemeente));
    g_.add(gemeente, kType, iri(kBestuurseenheid));
    g_.add(gemeente, kPrefLabel, text(gemeenteName));
    g_.add(gemeente, kClassificatie, iri(std::string(v::kGemeente)));
    return raad;
  }

  // The designating council: a gemeente member's gemeenteraad, else an
  // organisation named only by the register's text (a partner's board, an OCMW
  // council): not a besluit:Bestuursorgaan, whose profile needs a classification
  // and a bestuurseenheid igsgov does not know.
  std::string council(const JsonObject& d, const JsonObject& member) {
    if (std::string raad = gemeenteraad(member); !raad.empty()) return raad;
    std::string name = str(d, "council");
    if (name.empty()) return {};
    std::string raad = b_ + "raden/" + shortHash(name);
    g_.add(raad, kType, iri(kOrganization));
    g_.add(raad, kPrefLabel, text(name));
    return raad;
  }

  void decision(const JsonObject& d, const JsonObject& member, const std::string& mandataris, const Place& uriPlace) {
    if (d.isNull()) return;
    std::string uri = str(d, "uri"), day = str(d, "date"), reference = str(d, "reference");
    std::string raad = council(d, member);
    if (uri.empty() && day.empty() && reference.empty() && raad.empty()) return;
    std::string key = shortHash(raad + "\n" + str(d, "council") + "\n" + day + "\n" + reference + "\n" + uri);
    std::string besluit = uri.empty() ? b_ + "besluiten/" + key
                                      : externalIri(uri, uriPlace);
    g_.add(besluit, kType, iri(kBesluit));
    g_.add(besluit, kBekrachtigt, iri(mandataris));
    if (!reference.empty()) g_.add(besluit, kIdLocal, text(reference));
    if (!raad.empty()) g_.add(besluit, kPassedBy, iri(raad));
    if (day.empty()) return;
    // The register knows the day the council decided: the zitting that treated
    // the agendapunt whose behandeling generated the besluit.
    std::string zitting = b_ + "zittingen/" + shortHash(raad + "\n" + str(d, "council") + "\n" + day);
    std::string agendapunt = b_ + "agendapunten/" + key;
    std::string behandeling = b_ + "behandelingen/" + key;
    g_.add(zitting, kType, iri(kZitting));
    if (!raad.empty()) g_.add(zitting, kGehoudenDoor, iri(raad));
    g_.add(zitting, kGeplandeStart, date(day));
    g_.add(zitting, kBehandelt, iri(agendapunt));
    g_.add(agendapunt, kType, iri(kAgendapunt));
    g_.add(behandeling, kType, iri(kBehandeling));
    g_.add(behandeling, kSubject, iri(agendapunt));
    g_.add(behandeling, kGenerated, iri(besluit));
    g_.add(besluit, kGeneratedBy, iri(behandeling));
  }

public:
  Graph take() { return std::move(g_); }

private:
  Graph g_;
  std::string b_;
  const GemeenteNames& gemeenten_;
  std::map<std::string, JsonObject> members_;
  std::map<std::string, BodyRef> bodies_;
  std::map<std::string, std::pair<JsonObject, std::string>> persons_;
  std::set<std::string> published_;
};

}  // namespace

Graph mandatenGraph(const JsonObject& doc, const std::string& base, const GemeenteNames& gemeenten) {
  Builder b(base, gemeenten);
  for (const auto& c : objects(doc, "cooperations")) b.cooperation(c);
  auto persons = objects(doc, "persons");
  for (std::size_t i = 0; i < persons.size(); ++i) b.person(persons[i], "persons[" + std::to_string(i) + "]");
  auto mandates = objects(doc, "mandates");
  for (std::size_t i = 0; i < mandates.size(); ++i) b.mandate(mandates[i], "mandates[" + std::to_string(i) + "]");
  return b.take();
}

}  // namespace igsgov::linkeddata
