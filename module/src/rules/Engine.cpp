#include "rules/Engine.hpp"

#include "core/Error.hpp"
#include "rules/Evaluators.hpp"
#include "rules/Register.hpp"

#include <algorithm>

namespace igsgov::rules {

int CheckResult::open(Severity s) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [&](const Finding& f) { return f.severity == s && !f.acknowledged; }));
}

int CheckResult::acknowledgedCount() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return !!f.acknowledged; }));
}

CheckResult check(store::Database& db, const RuleBook& book, const CheckOptions& options) {
  CheckResult result;
  result.asOf = options.asOf;
  auto facts = loadFacts(db, options.cooperation);
  // One-per-gemeente style rules compare with every cooperation, not only the one checked.
  std::vector<CooperationFact> all = options.cooperation.empty() ? std::vector<CooperationFact>{} : loadFacts(db);
  const auto& everyone = options.cooperation.empty() ? facts : all;
  auto overrides = currentOverrides(db, options.cooperation);
  result.cooperations = static_cast<int>(facts.size());
  for (const auto& coop : facts) {
    bool inOprichting = coop.legalForm.empty();
    if (inOprichting) result.inOprichting.push_back({coop.id, coop.name});
    for (const auto& set : book.sets) {
      if (!set.appliesTo(coop.legalForm, coop.domain)) continue;
      for (const auto& rule : set.rules) {
        if (inOprichting && rule.inOprichting == InOprichting::niet) {
          result.notApplicable.push_back({rule.id, coop.id, "geldt niet voor een samenwerkingsverband in oprichting"});
          continue;
        }
        auto params = newObject();
        std::vector<std::string> names;
        rule.parameters->getNames(names);
        for (const auto& n : names) params->set(n, rule.parameters->get(n));
        for (const auto& o : overrides)
          if (o.cooperation == coop.id && o.rule == rule.id) params->set(o.parameter, o.value);
        Context ctx{rule, Params(rule, params), coop, everyone, options.asOf, db, result.findings};
        ++result.rulesEvaluated;
        try {
          findEvaluator(rule.evaluator)->fn(ctx);
        } catch (const NotEvaluable& n) {
          result.notEvaluable.push_back({rule.id, coop.id, n.reason});
        }
      }
    }
  }
  auto acks = currentAcknowledgements(db);
  for (auto& f : result.findings)
    if (auto it = acks.find(f.key); it != acks.end()) f.acknowledged = it->second;
  std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.cooperation, a.severity, a.ruleId) < std::tie(b.cooperation, b.severity, b.ruleId);
  });
  return result;
}

std::string inOprichtingNote(const std::string& name) {
  return name + " is in oprichting: er is nog geen rechtsvorm, dus de regels van een rechtsvorm (looptijd, "
                "raad van bestuur, statuten ...) gelden nog niet; de voorwaarden van het beleidsdomein over de gekozen "
                "gemeenten wegen als waarschuwing.";
}

namespace {

JsonArray notEvaluatedJson(const std::vector<NotEvaluated>& list, const RuleBook& book) {
  auto ne = newArray();
  for (const auto& n : list) {
    auto o = newObject();
    o->set("rule", n.ruleId);
    o->set("cooperation", n.cooperation);
    o->set("reason", n.reason);
    if (const Rule* rule = book.find(n.ruleId)) {
      o->set("description", rule->description);
      o->set("citation", rule->citation);
      o->set("verified", rule->verified);
    }
    ne->add(o);
  }
  return ne;
}

}  // namespace

JsonObject checkResultJson(const CheckResult& r, const RuleBook& book, const std::string& cooperation) {
  auto out = newObject();
  out->set("as_of", r.asOf.iso());
  if (!cooperation.empty()) out->set("cooperation", cooperation);
  auto findings = newArray();
  for (const auto& f : r.findings) findings->add(findingJson(f));
  out->set("findings", findings);
  out->set("not_evaluable", notEvaluatedJson(r.notEvaluable, book));
  out->set("not_applicable", notEvaluatedJson(r.notApplicable, book));
  auto op = newArray();
  for (const auto& c : r.inOprichting) {
    auto o = newObject();
    o->set("cooperation", c.id);
    o->set("name", c.name);
    o->set("note", inOprichtingNote(c.name));
    op->add(o);
  }
  out->set("in_oprichting", op);
  auto counts = newObject();
  counts->set("fout", r.open(Severity::fout));
  counts->set("waarschuwing", r.open(Severity::waarschuwing));
  counts->set("info", r.open(Severity::info));
  counts->set("acknowledged", r.acknowledgedCount());
  counts->set("rules_evaluated", r.rulesEvaluated);
  counts->set("cooperations", r.cooperations);
  out->set("counts", counts);
  auto src = newObject();
  src->set("compiled", true);
  if (!book.overrideDir.empty()) src->set("directory", book.overrideDir);
  out->set("rules_source", src);
  out->set("exit_code", r.open(Severity::fout) > 0 ? kFoutExitCode : 0);
  return out;
}

}  // namespace igsgov::rules
