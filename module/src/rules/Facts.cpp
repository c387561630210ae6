#include "rules/Facts.hpp"

#include "core/Error.hpp"
#include "records/Entities.hpp"

#include <set>

namespace igsgov::rules {
namespace {
using records::dateOf;
using records::textOf;

std::string str(const JsonObject& o, const std::string& k) { return textOf(o, k).value_or(""); }
Period period(const JsonObject& o, const std::string& from, const std::string& until) {
  return {dateOf(o, from), dateOf(o, until)};
}
bool flag(const JsonObject& o, const std::string& k, bool dflt) { return o->has(k) ? o->getValue<bool>(k) : dflt; }
}  // namespace

const PersonFact* CooperationFact::person(const std::string& id) const {
  for (const auto& p : persons)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<const MemberFact*> CooperationFact::membersOn(Date d) const {
  std::vector<const MemberFact*> out;
  for (const auto& m : members)
    if (m.period.activeOn(d)) out.push_back(&m);
  return out;
}

std::vector<const BodyFact*> CooperationFact::bodiesOn(Date d, const std::string& type) const {
  std::vector<const BodyFact*> out;
  for (const auto& b : bodies)
    if (b.type == type && b.period.activeOn(d)) out.push_back(&b);
  return out;
}

std::vector<const MandateFact*> CooperationFact::mandatesOn(Date d, const std::string& bodyId) const {
  std::vector<const MandateFact*> out;
  for (const auto& m : mandates)
    if (m.bodyId == bodyId && m.period.activeOn(d)) out.push_back(&m);
  return out;
}

std::vector<CooperationFact> loadFacts(store::Database& db, const std::string& only) {
  using namespace records;
  std::vector<CooperationFact> out;
  std::vector<Version> coops;
  if (!only.empty()) {
    coops.push_back(requireCurrent(db, cooperationSpec(), only, recordField("samenwerkingsverband", only, "id")));
  } else {
    coops = currentAll(db, cooperationSpec());
  }
  for (const auto& c : coops) {
    CooperationFact f;
    const auto& d = c.data;
    f.id = c.id;
    f.name = str(d, "name");
    f.legalForm = str(d, "legal_form");
    f.domain = str(d, "domain");
    f.kbo = str(d, "kbo");
    f.seatNis = str(d, "seat_nis");
    f.referentieregio = str(d, "referentieregio");
    f.founded = dateOf(d, "founded");
    f.termEnd = dateOf(d, "term_end");
    f.termStart = f.founded;
    std::optional<Date> previousEnd;
    for (const auto& v : history(db, cooperationSpec(), c.id)) {
      auto end = dateOf(v.data, "term_end");
      if (v.changeKind == "change" && previousEnd && end && *end > *previousEnd) {
        f.termStart = previousEnd->addDays(1);
        f.renewed = true;
      }
      previousEnd = end;
    }
    for (const auto& m : currentAll(db, memberSpec(), "cooperation_id", c.id))
      f.members.push_back({m.id, str(m.data, "kind"), str(m.data, "nis"), str(m.data, "name"),
                           str(m.data, "partner_kind"), period(m.data, "from", "until")});
    std::set<std::string> personIds;
    for (const auto& b : currentAll(db, bodySpec(), "cooperation_id", c.id)) {
      f.bodies.push_back({b.id, str(b.data, "type"), str(b.data, "name"), period(b.data, "from", "until")});
      for (const auto& s : currentAll(db, seatSpec(), "body_id", b.id)) {
        long long holders = s.data->has("holders") ? s.data->getValue<long long>("holders") : 1;
        f.seats.push_back({s.id, b.id, str(s.data, "label"), str(s.data, "member"), holders});
      }
      for (const auto& m : currentAll(db, mandateSpec(), "body_id", b.id)) {
        if (flag(m.data, "retracted", false)) continue;
        MandateFact mf;
        mf.id = m.id;
        mf.personId = str(m.data, "person");
        mf.bodyId = b.id;
        mf.seatId = str(m.data, "seat");
        mf.memberId = str(m.data, "member");
        mf.role = str(m.data, "role");
        mf.side = str(m.data, "side");
        mf.fractie = str(m.data, "fractie");
        mf.status = str(m.data, "status");
        mf.voting = flag(m.data, "voting", true);
        mf.period = period(m.data, "from", "until");
        mf.decisionCouncil = str(m.data, "decision_council");
        mf.decisionDate = str(m.data, "decision_date");
        mf.decisionRef = str(m.data, "decision_ref");
        mf.decisionUri = str(m.data, "decision_uri");
        personIds.insert(mf.personId);
        f.mandates.push_back(std::move(mf));
      }
    }
    for (const auto& pid : personIds)
      if (auto p = current(db, personSpec(), pid))
        f.persons.push_back({pid, str(p->data, "name"), str(p->data, "gender")});
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace igsgov::rules
