#include "documents/DataContract.hpp"

#include "core/Error.hpp"
#include "model/Vocabulary.hpp"
#include "refdata/RefData.hpp"

#include <Poco/String.h>

#include <set>

namespace igsgov::documents {

std::string documentReference(const std::string& cooperation, const std::string& templateName, const Date& asOf,
                              const std::string& who) {
  std::string abbrev = Poco::toUpper(templateName.substr(0, std::min<std::size_t>(3, templateName.size())));
  std::string out = Poco::toUpper(cooperation) + "/" + abbrev + "/" + std::to_string(asOf.year());
  if (!who.empty()) out += "/" + who;
  return out;
}

namespace {

// soort, soort_label, is_gemeente, is_ocmw, is_partner: templates choose the
// addressee and the wording with {#lid.is_partner}…{/lid.is_partner}.
void setKind(JsonObject o, const MemberRef& m) {
  o->set("soort", m.kind);
  o->set("soort_label", model::memberKinds().label(m.kind));
  o->set("is_gemeente", m.kind == "gemeente");
  o->set("is_ocmw", m.kind == "ocmw");
  o->set("is_partner", m.kind == "partner");
}

JsonObject contributionJson(const Contribution& c) {
  auto b = newObject();
  b->set("bedrag", c.cents);
  b->set("jaar", c.year);
  b->set("sleutel", c.key);
  b->set("betaalt", c.cents > 0);
  b->set("reden", c.reason);
  return b;
}

}  // namespace

DataBuilder::DataBuilder(store::Database& db, DataRequest request) : db_(db), req_(std::move(request)) {
  auto verband = verbandJson(db_, req_.cooperation, req_.asOf);
  members_ = activeMembers(db_, req_.cooperation, req_.asOf);
  contributions_ = loadContributions(db_, req_.cooperation, members_, req_.asOf.year(), req_.contributions);

  shared_ = newObject();
  shared_->set("verband", verband);
  shared_->set("datum", req_.asOf.iso());
  shared_->set("plaats", verband->getValue<std::string>("zetel"));

  auto deelnemers = newArray();
  std::vector<std::string> names;
  long long totalInhabitants = 0, totalCents = 0;
  std::string peildatum;
  std::set<std::string> countedNis;
  bool allKnown = !members_.empty();
  for (const auto& m : members_) {
    auto d = newObject();
    d->set("id", m.id);
    d->set("naam", m.name);
    d->set("nis", m.nis);
    setKind(d, m);
    long long inhabitants = 0;
    auto g = newObject();
    g->set("naam", m.name);
    g->set("nis", m.nis);
    g->set("provincie", "");
    g->set("centrumstad", false);
    if (!m.nis.empty()) {
      if (auto ref = refdata::findGemeente(db_, m.nis, req_.asOf)) {
        g->set("provincie", ref->provincie);
        g->set("centrumstad", ref->centrumstad);
        g->set("referentieregio", ref->referentieregio);
      }
      if (auto p = refdata::population(db_, m.nis, req_.asOf)) {
        inhabitants = p->inwoners;
        if (peildatum.empty() || p->peildatum.iso() > peildatum) peildatum = p->peildatum.iso();
      }
    }
    g->set("inwoners", inhabitants);
    // A gemeente and its OCMW share their inhabitants: each NIS code counts once.
    if (m.nis.empty() || countedNis.insert(m.nis).second) totalInhabitants += inhabitants;
    d->set("inwoners", inhabitants);
    d->set("centrumstad", g->getValue<bool>("centrumstad"));
    auto c = contributions_.byMember.find(m.id);
    if (c != contributions_.byMember.end()) {
      auto b = contributionJson(c->second);
      d->set("bijdrage", b);
      g->set("bijdrage", b);
      totalCents += c->second.cents;
    } else {
      // false, not null: docxtemplater looks a null up in the outer scopes (where the
      // member's own "bijdrage" lives); false stops the lookup in both engines.
      d->set("bijdrage", false);
      allKnown = false;
    }
    gemeenten_[m.id] = g;
    deelnemers->add(d);
    names.push_back(m.name);
  }
  shared_->set("deelnemers", deelnemers);
  shared_->set("deelnemers_tekst", dutchList(names));
  shared_->set("aantal_deelnemers", static_cast<long long>(members_.size()));
  shared_->set("totaal_inwoners", totalInhabitants);
  shared_->set("inwoners_peildatum", peildatum.empty() ? req_.asOf.iso() : peildatum);
  auto fin = newObject();
  fin->set("jaar", req_.asOf.year());
  fin->set("bron", contributions_.source);
  fin->set("sleutel", contributions_.key);
  fin->set("bekend", allKnown);
  fin->set("totaal", totalCents);
  shared_->set("financiering", fin);

  addBoard(shared_, db_, req_.cooperation, req_.asOf, req_.body);
  addStatuten(shared_, db_, req_.cooperation, req_.asOf);
  addAudit(shared_, db_, req_.cooperation, req_.asOf, req_.findings);
  addOprichting(shared_, db_, req_.cooperation, req_.asOf);
}

const MemberRef& DataBuilder::member(const std::string& nisOrId) const {
  Place place;
  place.set("field", "member");
  if (const MemberRef* m = findMember(members_, nisOrId, place)) return *m;
  throwNotFound("'" + nisOrId + "' is op " + dutchLongDate(req_.asOf) + " geen deelnemer van samenwerkingsverband '" +
                    req_.cooperation + "'",
                place);
}

JsonObject DataBuilder::base() const {
  auto o = newObject();
  for (const auto& name : shared_->getNames()) o->set(name, shared_->get(name));
  return o;
}

JsonObject DataBuilder::cooperationData() const {
  auto o = base();
  o->set("kenmerk", documentReference(req_.cooperation, req_.templateName, req_.asOf, ""));
  return o;
}

JsonObject DataBuilder::memberData(const MemberRef& m) const {
  auto o = base();
  o->set("kenmerk", documentReference(req_.cooperation, req_.templateName, req_.asOf, m.nis.empty() ? m.id : m.nis));
  o->set("gemeente", gemeenten_.at(m.id));
  auto lid = newObject();
  lid->set("id", m.id);
  lid->set("naam", m.name);
  setKind(lid, m);
  lid->set("partner_soort", m.kind == "partner" ? model::partnerKinds().label(m.partnerKind) : "");
  lid->set("sinds", m.from);
  o->set("lid", lid);
  auto g = gemeenten_.at(m.id);
  o->set("bijdrage", g->has("bijdrage") ? g->get("bijdrage") : Poco::Dynamic::Var(false));
  return o;
}

}  // namespace igsgov::documents
