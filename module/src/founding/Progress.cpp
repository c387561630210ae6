#include "founding/Progress.hpp"

#include "founding/CheckOffs.hpp"
#include "governance/Approvals.hpp"
#include "governance/Vocabulary.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"

#include <map>

namespace igsgov::founding {
namespace {

using governance::text;

struct Gemeente {
  std::string id;
  std::string name;
};

// One condition judged for one gemeente (or for the whole cooperation).
struct Result {
  bool done = false;
  std::string evidence;  // Dutch: what proves it, when done
  std::string missing;   // Dutch: what is missing, when not done (without the gemeente's name)
  JsonObject checkOff;   // the check-off that proves it, if any
};

std::string decisionText(const records::Version& a, const std::string& by, const std::string& subject) {
  std::string s = by + " keurde " + subject + " goed op " + dutchLongDate(*records::dateOf(a.data, "date"));
  if (auto ref = records::textOf(a.data, "decision_ref")) s += " (" + *ref + ")";
  return s;
}

class Judge {
public:
  Judge(store::Database& db, const Stappenplan& plan, const records::Version& coop, Date asOf)
      : db_(db), plan_(plan), coop_(coop), asOf_(asOf) {
    for (auto& c : currentCheckOffs(db, coop.id)) checkOffs_.emplace(c.id, std::move(c));
  }

  Result judge(const Step& step, const Condition& c, const Gemeente* g) {
    const std::string& e = c.evidence;
    // The submission and the subsidy decision: from the register (a subsidieaanvraag with
    // its submission date and the Vlaamse overheid's decision) when it holds them, else a check-off.
    if (e == "indiening" || e == "subsidiebesluit") {
      if (auto r = e == "indiening" ? submission() : subsidyDecision()) return *r;
      // Without the record, a check-off; the blocker names the record first, as the register prefers it.
      Result r = byCheckOff(step, c, g);
      if (!r.done)
        r.missing = e == "indiening"
                        ? "nog geen ingediende subsidieaanvraag in het register (en niet afgevinkt)"
                        : "nog geen besluit van de Vlaamse overheid over de subsidieaanvraag in het register (en niet afgevinkt)";
      return r;
    }
    if (checkable(c)) return byCheckOff(step, c, g);
    if (e == "collegebesluit") return decision(c.subject, g, {"college"}, "het college");
    if (e == "raadsbesluit") return decision(c.subject, g, {"gemeenteraad"}, "de gemeenteraad");
    if (e == "bestuursbesluit") return decision(c.subject, nullptr, {"raad_van_bestuur", "beheerscomite"}, "de raad van bestuur");
    if (e == "rechtsvorm") return legalForm();
    if (e == "statuten") return statuten(g);
    if (e == "intern_reglement") return internReglement();
    return {false, "", "onbekend soort bewijs '" + e + "'", {}};
  }

private:
  Result byCheckOff(const Step& step, const Condition& c, const Gemeente* g) {
    std::string id = checkOffId(coop_.id, plan_.name, step.id, conditionKey(c), g ? g->id : "");
    auto it = checkOffs_.find(id);
    std::string what = (c.subject.empty() ? "‘" + step.title + "’" : c.subject) + " nog niet afgevinkt";
    if (it == checkOffs_.end()) return {false, "", what, {}};
    const auto& v = it->second;
    auto on = records::dateOf(v.data, "date");
    if (on && asOf_ < *on) return {false, "", what, {}};
    auto co = records::versionJson(v, true);
    std::string ev = "afgevinkt op " + dutchLongDate(*on) + ": " + text(v, "note");
    return {true, ev, "", co};
  }

  // The latest decision of the given councils (of gemeente g, or of the
  // cooperation's own organ when g is null) on any version of a document of
  // kind `subject`, dated on or before asOf.
  Result decision(const std::string& subject, const Gemeente* g, const std::set<std::string>& councils,
                  const std::string& by) {
    std::string label = governance::documentKinds().labels.count(subject) ? governance::documentKinds().label(subject) : subject;
    std::string missing = label + " nog niet goedgekeurd door " + by;
    if (!governance::documentKinds().labels.count(subject))
      return {false, "", "'" + subject + "' is geen soort document in het register", {}};
    std::optional<records::Version> latest;
    for (const auto& v : governance::documentVersions(db_, coop_.id, subject))
      for (auto& a : governance::allWhere(db_, governance::approvalSpec(), "version_id", v.id, {})) {
        if (!councils.count(text(a, "council")) || text(a, "member") != (g ? g->id : "")) continue;
        auto d = records::dateOf(a.data, "date");
        if (!d || asOf_ < *d) continue;
        if (!latest || *records::dateOf(latest->data, "date") < *d) latest = a;
      }
    if (!latest) return {false, "", missing, {}};
    if (text(*latest, "outcome") != "goedgekeurd")
      return {false, "", label + " " + governance::outcomes().label(text(*latest, "outcome")) + " door " + by + " op " +
                             dutchLongDate(*records::dateOf(latest->data, "date")), {}};
    return {true, decisionText(*latest, capitalisedFirst(by), "de " + label), "", {}};
  }

  static std::string capitalisedFirst(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }

  // The first submitted version of a subsidieaanvraag (not an ontwerp, submitted on or before asOf).
  std::optional<Result> submission() {
    std::optional<records::Version> first;
    for (const auto& v : governance::documentVersions(db_, coop_.id, "subsidieaanvraag")) {
      auto on = records::dateOf(v.data, "submitted");
      if (text(v, "status") == "ontwerp" || !on || asOf_ < *on) continue;
      if (!first || *on < *records::dateOf(first->data, "submitted")) first = v;
    }
    if (!first) return std::nullopt;
    return Result{true, "ingediend op " + dutchLongDate(*records::dateOf(first->data, "submitted")) + " (subsidieaanvraag '" +
                            text(*first, "label") + "')", "", {}};
  }

  // The latest decision of the Vlaamse overheid on a subsidieaanvraag, dated on or before asOf.
  std::optional<Result> subsidyDecision() {
    std::optional<records::Version> latest;
    for (const auto& v : governance::documentVersions(db_, coop_.id, "subsidieaanvraag"))
      for (auto& a : governance::allWhere(db_, governance::approvalSpec(), "version_id", v.id, {})) {
        auto d = records::dateOf(a.data, "date");
        if (text(a, "council") != "vlaamse_overheid" || !d || asOf_ < *d) continue;
        if (!latest || *records::dateOf(latest->data, "date") < *d) latest = a;
      }
    if (!latest) return std::nullopt;
    std::string on = dutchLongDate(*records::dateOf(latest->data, "date"));
    std::string ref = records::textOf(latest->data, "decision_ref") ? " (" + text(*latest, "decision_ref") + ")" : "";
    std::string outcome = text(*latest, "outcome");
    if (outcome == "goedgekeurd") return Result{true, "De Vlaamse overheid kende de subsidie toe op " + on + ref, "", {}};
    return Result{false, "", "subsidieaanvraag " + governance::outcomes().label(outcome) + " door de Vlaamse overheid op " + on + ref, {}};
  }

  Result legalForm() {
    auto form = records::textOf(coop_.data, "legal_form");
    if (!form) return {false, "", "de rechtsvorm is nog niet gekozen (niet in het register)", {}};
    return {true, "rechtsvorm: " + model::legalForms().label(*form), "", {}};
  }

  Result statuten(const Gemeente* g) {
    auto versions = governance::documentVersions(db_, coop_.id, "statuten");
    if (versions.empty()) return {false, "", "er zijn nog geen statuten in het register", {}};
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      auto st = governance::approvalStatus(db_, *it, asOf_);
      if (!g && st.complete) return {true, "statuten '" + text(*it, "label") + "' goedgekeurd door alle vereiste raden", "", {}};
      if (g)
        for (const auto& a : st.approvers)
          if (a.requirement.member == g->id && a.state == "goedgekeurd" && a.decision)
            return {true, decisionText(*a.decision, "De gemeenteraad", "de statuten"), "", {}};
    }
    return {false, "", g ? "statuten nog niet goedgekeurd door de gemeenteraad"
                         : "statuten nog niet goedgekeurd door alle deelnemende gemeenteraden", {}};
  }

  Result internReglement() {
    auto versions = governance::documentVersions(db_, coop_.id, "intern_reglement");
    if (versions.empty()) return {false, "", "er is nog geen intern reglement in het register", {}};
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
      if (governance::approvalStatus(db_, *it, asOf_).complete)
        return {true, "intern reglement '" + text(*it, "label") + "' goedgekeurd", "", {}};
    return {false, "", "intern reglement nog niet goedgekeurd", {}};
  }

  store::Database& db_;
  const Stappenplan& plan_;
  const records::Version& coop_;
  Date asOf_;
  std::map<std::string, records::Version> checkOffs_;
};

// Conditions about the cooperation as a whole, even in a per-gemeente step.
bool perGemeente(const Step& s, const Condition& c) {
  if (!s.perGemeente) return false;
  return c.evidence != "rechtsvorm" && c.evidence != "intern_reglement" && c.evidence != "bestuursbesluit";
}

std::vector<Gemeente> gemeenten(store::Database& db, const std::string& coop, Date asOf) {
  std::vector<Gemeente> out;
  for (const auto& m : records::currentAll(db, records::memberSpec(), "cooperation_id", coop)) {
    if (text(m, "kind") != "gemeente") continue;
    auto from = records::dateOf(m.data, "from");
    auto until = records::dateOf(m.data, "until");
    if ((from && asOf < *from) || (until && *until < asOf)) continue;
    out.push_back({m.id, text(m, "name").empty() ? m.id : text(m, "name")});
  }
  return out;
}

}  // namespace

JsonObject progress(store::Database& db, const Stappenplan& plan, const std::string& coopId, Date asOf) {
  auto coop = records::requireCurrent(db, records::cooperationSpec(), coopId, Place().set("field", "'cooperation'"));
  auto members = gemeenten(db, coopId, asOf);
  Judge judge(db, plan, coop, asOf);

  auto out = newObject();
  out->set("cooperation", coopId);
  out->set("cooperation_name", text(coop, "name"));
  out->set("in_oprichting", !records::textOf(coop.data, "legal_form").has_value());
  out->set("stappenplan", plan.name);
  out->set("title", plan.title);
  out->set("citation", plan.citation);
  if (!plan.link.empty()) out->set("link", plan.link);
  out->set("as_of", asOf.iso());
  auto gm = newArray();
  for (const auto& g : members) {
    auto o = newObject();
    o->set("id", g.id);
    o->set("name", g.name);
    gm->add(o);
  }
  out->set("gemeenten", gm);

  auto steps = newArray();
  int doneCount = 0;
  JsonObject next;
  for (const auto& step : plan.steps) {
    auto so = newObject();
    so->set("number", step.number);
    so->set("id", step.id);
    so->set("title", step.title);
    so->set("per_gemeente", step.perGemeente);
    auto blockers = newArray();
    auto conds = newArray();
    bool stepDone = true;
    for (const auto& c : step.doneWhen) {
      auto co = newObject();
      co->set("key", conditionKey(c));
      co->set("evidence", c.evidence);
      if (!c.subject.empty()) co->set("subject", c.subject);
      co->set("description", c.description);
      co->set("check_off", checkable(c));
      co->set("per_gemeente", perGemeente(step, c));
      auto results = newArray();
      auto add = [&](const Gemeente* g) {
        Result r = judge.judge(step, c, g);
        auto ro = newObject();
        if (g) {
          ro->set("member", g->id);
          ro->set("member_name", g->name);
        }
        ro->set("done", r.done);
        if (r.done) ro->set("evidence", r.evidence);
        else ro->set("missing", r.missing);
        if (r.checkOff) ro->set("check_off", r.checkOff);
        results->add(ro);
        if (!r.done) {
          stepDone = false;
          blockers->add((g ? g->name + ": " : std::string()) + r.missing);
        }
      };
      if (perGemeente(step, c)) {
        if (members.empty()) {
          stepDone = false;
          blockers->add("er zijn nog geen deelnemende gemeenten in het register");
        }
        for (const auto& g : members) add(&g);
      } else {
        add(nullptr);
      }
      co->set("results", results);
      conds->add(co);
    }
    so->set("conditions", conds);
    so->set("done", stepDone);
    so->set("blockers", blockers);
    if (step.deadline) {
      auto d = newObject();
      d->set("date", step.deadline->date.iso());
      d->set("description", step.deadline->description);
      d->set("passed", step.deadline->date < asOf);
      so->set("deadline", d);
      so->set("late", !stepDone && step.deadline->date < asOf);
    }
    doneCount += stepDone;
    if (!stepDone && next.isNull()) next = so;
    steps->add(so);
  }
  out->set("steps", steps);
  out->set("done_steps", doneCount);
  out->set("total_steps", static_cast<int>(plan.steps.size()));
  if (!next.isNull()) {
    out->set("next_step", next->getValue<int>("number"));
    out->set("next_step_title", next->getValue<std::string>("title"));
    out->set("blockers", next->getArray("blockers"));
  } else {
    out->set("blockers", newArray());
  }
  return out;
}

}  // namespace igsgov::founding
