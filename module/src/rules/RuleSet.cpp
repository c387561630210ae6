#include "rules/RuleSet.hpp"

#include "core/ConfigOverlay.hpp"
#include "core/Error.hpp"
#include "core/JsonFile.hpp"
#include "rules/Evaluators.hpp"

#include <cstdlib>
#include <map>

namespace igsgov {
EmbeddedFiles embeddedRuleSets();
}

namespace igsgov::rules {
namespace {

Place filePlace(const std::string& source, const std::string& part) {
  Place p;
  p.set("file", source);
  if (!part.empty()) p.set("part", part);
  return p;
}

std::set<std::string> stringSet(const JsonObject& o, const std::string& key, const std::string& source,
                                const std::string& part) {
  std::set<std::string> out;
  if (!o->has(key)) return out;
  auto arr = o->getArray(key);
  if (arr.isNull()) throwInvalid("'" + key + "' is een lijst van teksten", filePlace(source, part));
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto v = arr->get(static_cast<unsigned>(i));
    if (!v.isString()) throwInvalid("'" + key + "' is een lijst van teksten", filePlace(source, part));
    out.insert(v.extract<std::string>());
  }
  return out;
}

std::string text(const JsonObject& o, const std::string& key, bool required, const std::string& source,
                 const std::string& part) {
  if (!o->has(key) || o->isNull(key)) {
    if (required) throwInvalid("verplicht veld '" + key + "' ontbreekt", filePlace(source, part));
    return "";
  }
  auto v = o->get(key);
  if (!v.isString()) throwInvalid("veld '" + key + "' is een tekst", filePlace(source, part));
  return v.extract<std::string>();
}

Rule parseRule(const JsonObject& r, const std::string& source, const std::string& setName, std::size_t index) {
  std::string part = "rules[" + std::to_string(index) + "]";
  Rule rule;
  rule.id = text(r, "id", true, source, part);
  part = "regel '" + rule.id + "'";
  static const std::set<std::string> known = {"id", "evaluator", "description", "severity", "parameters", "basis", "verified", "in_oprichting"};
  std::vector<std::string> names;
  r->getNames(names);
  for (const auto& n : names)
    if (!known.count(n)) throwInvalid("onbekend veld '" + n + "'", filePlace(source, part));
  rule.evaluator = text(r, "evaluator", true, source, part);
  if (!findEvaluator(rule.evaluator)) {
    std::string all;
    for (const auto& n : evaluatorNames()) all += (all.empty() ? "" : ", ") + n;
    throwInvalid("onbekende evaluator '" + rule.evaluator + "' (bestaand: " + all + ")", filePlace(source, part));
  }
  rule.description = text(r, "description", true, source, part);
  std::string sev = text(r, "severity", true, source, part);
  if (sev == "fout") rule.severity = Severity::fout;
  else if (sev == "waarschuwing") rule.severity = Severity::waarschuwing;
  else if (sev == "info") rule.severity = Severity::info;
  else throwInvalid("ernst '" + sev + "' is geen fout, waarschuwing of info", filePlace(source, part));
  rule.parameters = r->has("parameters") ? r->getObject("parameters") : newObject();
  if (rule.parameters.isNull()) throwInvalid("'parameters' is een object", filePlace(source, part));
  auto basis = r->getObject("basis");
  if (basis.isNull()) throwInvalid("'basis' ({citation, link}) ontbreekt", filePlace(source, part));
  rule.citation = text(basis, "citation", true, source, part + ", basis");
  rule.link = text(basis, "link", false, source, part + ", basis");
  if (!r->has("verified") || !r->get("verified").isBoolean())
    throwInvalid("'verified' (true of false) ontbreekt", filePlace(source, part));
  rule.verified = r->getValue<bool>("verified");
  std::string op = text(r, "in_oprichting", false, source, part);
  if (op == "waarschuwing") rule.inOprichting = InOprichting::waarschuwing;
  else if (op == "niet") rule.inOprichting = InOprichting::niet;
  else if (!op.empty() && op != "geldt")
    throwInvalid("'in_oprichting' '" + op + "' is geen geldt, waarschuwing of niet", filePlace(source, part));
  rule.ruleset = setName;
  rule.source = source;
  checkParameters(rule);  // the evaluator's own parameter check (types, ranges)
  return rule;
}

}  // namespace

std::string severityName(Severity s) {
  switch (s) {
    case Severity::fout: return "fout";
    case Severity::waarschuwing: return "waarschuwing";
    default: return "info";
  }
}

bool RuleSet::appliesTo(const std::string& legalForm, const std::string& domain) const {
  return all || legalForms.count(legalForm) || (!domain.empty() && domains.count(domain));
}

const Rule* RuleBook::find(const std::string& id) const {
  for (const auto& s : sets)
    for (const auto& r : s.rules)
      if (r.id == id) return &r;
  return nullptr;
}

RuleSet parseRuleSet(const std::string& text_, const std::string& source, const std::string& fileName) {
  auto doc = parseJsonFile(text_, source);
  RuleSet set;
  set.source = source;
  set.name = text(doc, "ruleset", true, source, "");
  std::string expected = fileName.substr(0, fileName.rfind('.'));
  if (set.name != expected)
    throwInvalid("de regelset heet '" + set.name + "' maar het bestand '" + fileName + "'; geef ze dezelfde naam",
                 filePlace(source, "ruleset"));
  set.title = text(doc, "title", true, source, "");
  auto applies = doc->getObject("applies_to");
  if (applies.isNull()) throwInvalid("'applies_to' ontbreekt", filePlace(source, "applies_to"));
  set.all = applies->has("all") && applies->get("all").isBoolean() && applies->getValue<bool>("all");
  set.legalForms = stringSet(applies, "legal_forms", source, "applies_to");
  set.domains = stringSet(applies, "domains", source, "applies_to");
  if (!set.all && set.legalForms.empty() && set.domains.empty())
    throwInvalid("'applies_to' noemt geen rechtsvorm, domein of all", filePlace(source, "applies_to"));
  auto rules = doc->getArray("rules");
  if (rules.isNull()) throwInvalid("'rules' (een lijst) ontbreekt", filePlace(source, "rules"));
  for (std::size_t i = 0; i < rules->size(); ++i) {
    auto r = rules->getObject(static_cast<unsigned>(i));
    if (r.isNull()) throwInvalid("een regel is een object", filePlace(source, "rules[" + std::to_string(i) + "]"));
    set.rules.push_back(parseRule(r, source, set.name, i));
  }
  return set;
}

RuleBook loadRuleBook(const std::string& dirArg) {
  std::string dir = dirArg;
  if (dir.empty())
    if (const char* env = std::getenv("IGSGOV_RULES_DIR")) dir = env;
  std::map<std::string, RuleSet> byFile;
  for (const auto& f : overlaidConfigFiles(embeddedRuleSets(), dir, {"regelmap", "regelbestand"}))
    byFile[f.name] = parseRuleSet(f.text, f.source, f.name);
  RuleBook book;
  book.overrideDir = dir;
  std::set<std::string> seen;
  for (auto& [name, set] : byFile) {
    for (const auto& r : set.rules)
      if (!seen.insert(r.id).second)
        throwInvalid("regel-id '" + r.id + "' komt meer dan eens voor", filePlace(set.source, "regel '" + r.id + "'"));
    book.sets.push_back(std::move(set));
  }
  return book;
}

}  // namespace igsgov::rules
