#include "calendar/Deadlines.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "founding/CheckOffs.hpp"
#include "founding/Progress.hpp"
#include "model/Vocabulary.hpp"
#include "rules/Facts.hpp"
#include "governance/Approvals.hpp"
#include "records/Entities.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace igsgov::calendar {
namespace {

// A date after every decision the register holds: approval states as they stand now.
Date afterEveryDecision() { return Date::fromYmd(9999, 12, 31); }

Date minusMonths(Date d, int months) {
  int y = d.year(), m = d.month() - months;
  while (m < 1) {
    m += 12;
    --y;
  }
  int day = d.day();
  while (day > 28) {  // clamp to the month's last day
    try {
      return Date::fromYmd(y, m, day);
    } catch (...) {
      --day;
    }
  }
  return Date::fromYmd(y, m, day);
}

bool applies(const CalendarFile& f, const rules::CooperationFact& c) {
  return f.all || f.legalForms.count(c.legalForm) || (!c.domain.empty() && f.domains.count(c.domain));
}

std::string personName(const rules::CooperationFact& c, const std::string& id) {
  const auto* p = c.person(id);
  return p ? p->name : id;
}

std::string bodyName(const rules::CooperationFact& c, const std::string& id) {
  for (const auto& b : c.bodies)
    if (b.id == id) return b.name;
  return id;
}

std::string memberName(const rules::CooperationFact& c, const std::string& id) {
  for (const auto& m : c.members)
    if (m.id == id) return m.name;
  return id;
}

std::string capitalisedFirst(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::vector<Deadline> deadlines(store::Database& db, const Calendar& cal, const DeadlineOptions& o) {
  std::vector<Deadline> out;
  auto facts = rules::loadFacts(db, o.cooperation);
  auto add = [&](Deadline d) {
    if (d.date >= o.from && d.date <= o.until) out.push_back(std::move(d));
  };
  std::optional<int> renewalMonths;
  bool renewalVerified = false;
  std::vector<Redesignation> redesignations;
  for (const auto& f : cal.files) {
    if (f.renewalMonthsBefore) {
      renewalMonths = f.renewalMonthsBefore;
      renewalVerified = f.renewalVerified;
    }
    redesignations.insert(redesignations.end(), f.redesignations.begin(), f.redesignations.end());
    if (f.all)  // events for everyone once (elections), not per cooperation
      for (const auto& e : f.events)
        add({"calendar|" + f.name + "|" + e.id, "calendar", e.date, e.title, e.description, e.source, "", {},
             e.verified});
  }
  std::vector<founding::Stappenplan> plans;  // loaded when a cooperation is being founded
  for (const auto& c : facts) {
    std::string form = model::legalForms().label(c.legalForm);
    if (c.termEnd) {
      add({"term-end|" + c.id, "term_end", *c.termEnd, "Einde looptijd " + c.name,
           "De looptijd van " + c.name + " (" + form + ") eindigt op " + dutchLongDate(*c.termEnd) + ".", "", c.id,
           {{"cooperation", c.id}}, true});
      if (renewalMonths) {
        std::string who = c.legalForm == "projectvereniging" ? "alle deelnemende gemeenten" : "de deelnemers";
        add({"renewal|" + c.id, "renewal", minusMonths(*c.termEnd, *renewalMonths), "Beslissen over verlenging " + c.name,
             "De looptijd eindigt op " + dutchLongDate(*c.termEnd) + "; " + who + " beslissen tijdig over de verlenging (" +
                 std::to_string(*renewalMonths) + " maanden vooraf).",
             "", c.id, {{"cooperation", c.id}}, renewalVerified});
      }
    }
    for (const auto& m : c.mandates) {
      if (!m.period.until) continue;
      add({"mandate-end|" + m.id, "mandate_end", *m.period.until,
           "Einde mandaat " + personName(c, m.personId) + " (" + bodyName(c, m.bodyId) + ")",
           "Het mandaat van " + personName(c, m.personId) + " in " + bodyName(c, m.bodyId) + " van " + c.name +
               (m.memberId.empty() ? "" : " voor " + memberName(c, m.memberId)) + " eindigt op " +
               dutchLongDate(*m.period.until) + ".",
           "", c.id, {{"mandate", m.id}, {"person", m.personId}}, true});
    }
    for (const auto& r : redesignations) {
      // One deadline per body: the people it must re-designate, in the order of the register.
      std::vector<std::string> bodyOrder;
      std::map<std::string, std::vector<const rules::MandateFact*>> byBody;
      for (const auto& m : c.mandates) {
        if (!m.period.activeOn(r.election)) continue;
        bool replaced = false;
        for (const auto& other : c.mandates)
          if (&other != &m && !m.seatId.empty() && other.seatId == m.seatId && other.period.from &&
              *other.period.from > r.election)
            replaced = true;
        if (replaced) continue;
        if (!byBody.count(m.bodyId)) bodyOrder.push_back(m.bodyId);
        byBody[m.bodyId].push_back(&m);
      }
      for (const auto& bodyId : bodyOrder) {
        const auto& list = byBody[bodyId];
        std::string people;
        std::vector<std::pair<std::string, std::string>> records;
        for (const auto* m : list) {
          people += "\n- " + personName(c, m->personId) + (m->memberId.empty() ? "" : " (" + memberName(c, m->memberId) + ")");
          records.push_back({"mandate", m->id});
        }
        std::string count = list.size() == 1 ? "1 vertegenwoordiger" : std::to_string(list.size()) + " vertegenwoordigers";
        add({"redesignation|" + c.id + "|" + bodyId + "|" + r.election.iso(), "redesignation", r.deadline,
             "Heraanduiding " + bodyName(c, bodyId) + " (" + c.name + "): " + count,
             "Na de lokale verkiezingen van " + dutchLongDate(r.election) +
                 " duiden de gemeenteraden (geïnstalleerd " + dutchLongDate(r.councilsInstalled) +
                 ") opnieuw hun vertegenwoordigers aan in " + bodyName(c, bodyId) + " van " + c.name +
                 ", in plaats van:" + people,
             "", c.id, records, r.verified});
      }
    }
    for (const auto& v : governance::documentVersions(db, c.id, "statuten")) {
      // Waiting: submitted or approved, with an effective date, and not every required approver's
      // latest recorded decision is "goedgekeurd".
      std::string status = governance::text(v, "status");
      auto from = records::dateOf(v.data, "effective_from");
      if (!from || status == "ontwerp" || status == "vervangen") continue;
      auto st = governance::approvalStatus(db, v, afterEveryDecision());
      if (st.complete) continue;
      std::string list;
      for (const auto& a : st.approvers)
        if (a.state != "goedgekeurd") list += (list.empty() ? "" : ", ") + a.requirement.name;
      if (list.empty()) list = "niemand kan ze volgens de regel '" + st.rule.rule + "' goedkeuren";
      std::string label = governance::text(v, "label");
      add({"statuten|" + v.id, "statuten", *from, "Goedkeuring " + label + " (" + c.name + ")",
           label + " treedt in werking op " + dutchLongDate(*from) + "; nog geen goedkeuring van: " + list + ".", "", c.id,
           {{"statuten", v.id}}, true});
    }
    // The deadlines of the founding steps not done yet, for an IGS in
    // oprichting (no legal form) or one whose founding is being checked off.
    if (c.legalForm.empty() || founding::hasCheckOffs(db, c.id)) {
      if (plans.empty()) plans = founding::loadStappenplannen();
      if (const auto* plan = founding::defaultPlan(plans, c.domain)) {
        auto progress = founding::progress(db, *plan, c.id, Date::today());
        auto steps = progress->getArray("steps");
        for (const auto& step : plan->steps) {
          if (!step.deadline) continue;
          auto s = steps->getObject(static_cast<unsigned>(step.number - 1));
          if (s->getValue<bool>("done")) continue;
          std::string open;
          auto blockers = s->getArray("blockers");
          for (std::size_t i = 0; i < blockers->size(); ++i)
            open += (open.empty() ? "" : "; ") + blockers->getElement<std::string>(static_cast<unsigned>(i));
          add({"founding|" + c.id + "|" + plan->name + "|" + step.id, "founding", step.deadline->date,
               "Stap " + std::to_string(step.number) + " oprichting " + c.name + ": " + step.title,
               capitalisedFirst(step.deadline->description) + " (" + plan->title + "). Nog open: " + open + ".",
               plan->citation, c.id,
               {{"cooperation", c.id}}, true});
        }
      }
    }
    for (const auto& f : cal.files) {
      if (f.all || !applies(f, c)) continue;
      for (const auto& e : f.events)
        add({"calendar|" + f.name + "|" + e.id + "|" + c.id, "calendar", e.date, e.title + " (" + c.name + ")",
             e.description, e.source, c.id, {{"cooperation", c.id}}, e.verified});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Deadline& a, const Deadline& b) { return std::tie(a.date, a.identity) < std::tie(b.date, b.identity); });
  return out;
}

std::string kindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"term_end", "Einde looptijd"}, {"renewal", "Verlenging"},       {"mandate_end", "Einde mandaat"},
      {"statuten", "Statuten"},       {"redesignation", "Heraanduiding"}, {"founding", "Oprichting"},
      {"calendar", "Kalender"}};
  auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}

std::string deadlineUid(const Deadline& d) { return sha256Hex(d.identity).substr(0, 32) + "@igsgov"; }

JsonObject deadlineJson(const Deadline& d) {
  auto o = newObject();
  o->set("date", d.date.iso());
  o->set("kind", d.kind);
  o->set("kind_label", kindLabel(d.kind));
  o->set("title", d.title);
  o->set("description", d.description);
  if (!d.source.empty()) o->set("source", d.source);
  if (!d.cooperation.empty()) o->set("cooperation", d.cooperation);
  auto recs = newArray();
  for (const auto& [k, id] : d.records) {
    auto r = newObject();
    r->set("kind", k);
    r->set("id", id);
    recs->add(r);
  }
  o->set("records", recs);
  o->set("verified", d.verified);
  if (!d.verified) o->set("status", "te verifiëren");
  o->set("uid", deadlineUid(d));
  o->set("identity", d.identity);
  return o;
}

Deadline deadlineFromJson(const JsonObject& o) {
  auto text = [&](const char* key, bool required) -> std::string {
    if (o->has(key) && o->get(key).isString()) return o->getValue<std::string>(key);
    if (required) throwInvalid(std::string("termijn zonder '") + key + "'", Place().set("field", key));
    return "";
  };
  Deadline d;
  d.identity = text("identity", true);
  d.kind = text("kind", true);
  auto date = Date::parse(text("date", true));
  if (!date) throwInvalid("termijn met een ongeldige datum", Place().set("field", "date"));
  d.date = *date;
  d.title = text("title", true);
  d.description = text("description", false);
  d.source = text("source", false);
  d.cooperation = text("cooperation", false);
  d.verified = !o->has("verified") || !o->get("verified").isBoolean() || o->getValue<bool>("verified");
  return d;
}

}  // namespace igsgov::calendar
