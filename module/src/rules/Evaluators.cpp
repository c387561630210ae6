#include "rules/Evaluators.hpp"

#include "core/Error.hpp"
#include "refdata/RefData.hpp"

namespace igsgov::rules {
namespace {

const std::vector<EvaluatorSpec>& registry() {
  static const std::vector<EvaluatorSpec> all = [] {
    std::vector<EvaluatorSpec> v;
    addFormEvaluators(v);
    addBoardEvaluators(v);
    addPopulationEvaluators(v);
    addIntegrityEvaluators(v);
    addStatutenEvaluators(v);
    return v;
  }();
  return all;
}

Place paramPlace(const Rule& rule, const std::string& name) {
  Place p;
  p.set("file", rule.source);
  p.set("part", "regel '" + rule.id + "', parameter '" + name + "'");
  return p;
}

bool matches(const Poco::Dynamic::Var& v, const std::string& type) {
  if (type == "integer") return v.isInteger();
  if (type == "integer?") return v.isEmpty() || v.isInteger();
  if (type == "boolean") return v.isBoolean();
  if (type == "text") return v.isString();
  if (type == "date?") return v.isEmpty() || (v.isString() && Date::parse(v.extract<std::string>()));
  if (type == "texts" || type == "integers") {
    if (!v.isArray()) return false;
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < arr->size(); ++i) {
      auto e = arr->get(static_cast<unsigned>(i));
      if (type == "texts" ? !e.isString() : !e.isInteger()) return false;
    }
    return true;
  }
  return false;
}

std::string typeNl(const std::string& type) {
  if (type == "integer") return "een geheel getal";
  if (type == "integer?") return "een geheel getal of null";
  if (type == "boolean") return "true of false";
  if (type == "text") return "een tekst";
  if (type == "date?") return "een datum (JJJJ-MM-DD) of null";
  if (type == "texts") return "een lijst van teksten";
  return "een lijst van gehele getallen";
}

}  // namespace

const EvaluatorSpec* findEvaluator(const std::string& name) {
  for (const auto& e : registry())
    if (e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> evaluatorNames() {
  std::vector<std::string> out;
  for (const auto& e : registry()) out.push_back(e.name);
  return out;
}

void checkParameterValue(const Rule& rule, const std::string& name, const Poco::Dynamic::Var& value) {
  const auto* spec = findEvaluator(rule.evaluator);
  auto it = spec->params.find(name);
  if (it == spec->params.end()) {
    std::string known;
    for (const auto& [n, t] : spec->params) known += (known.empty() ? "" : ", ") + n;
    throwInvalid("onbekende parameter (deze regel kent: " + (known.empty() ? std::string("geen") : known) + ")",
                 paramPlace(rule, name));
  }
  if (!matches(value, it->second)) throwInvalid("verwacht " + typeNl(it->second), paramPlace(rule, name));
}

void checkParameters(const Rule& rule) {
  const auto* spec = findEvaluator(rule.evaluator);
  std::vector<std::string> names;
  rule.parameters->getNames(names);
  for (const auto& n : names) checkParameterValue(rule, n, rule.parameters->get(n));
  for (const auto& [n, t] : spec->params)
    if (!rule.parameters->has(n)) throwInvalid("parameter ontbreekt (" + typeNl(t) + ")", paramPlace(rule, n));
}

Poco::Dynamic::Var Params::get(const std::string& name) const {
  if (!values_->has(name)) throwInvalid("parameter ontbreekt", paramPlace(rule_, name));
  return values_->get(name);
}

void Params::bad(const std::string& name, const std::string& expected) const {
  throwInvalid("verwacht " + expected, paramPlace(rule_, name));
}

long long Params::integer(const std::string& name) const {
  auto v = get(name);
  if (!v.isInteger()) bad(name, "een geheel getal");
  return v.convert<long long>();
}

bool Params::boolean(const std::string& name) const {
  auto v = get(name);
  if (!v.isBoolean()) bad(name, "true of false");
  return v.convert<bool>();
}

std::string Params::text(const std::string& name) const {
  auto v = get(name);
  if (!v.isString()) bad(name, "een tekst");
  return v.convert<std::string>();
}

std::optional<Date> Params::optDate(const std::string& name) const {
  auto v = get(name);
  if (v.isEmpty()) return std::nullopt;
  auto d = v.isString() ? Date::parse(v.convert<std::string>()) : std::nullopt;
  if (!d) bad(name, "een datum (JJJJ-MM-DD) of null");
  return d;
}

std::optional<long long> Params::optInteger(const std::string& name) const {
  auto v = get(name);
  if (v.isEmpty()) return std::nullopt;
  if (!v.isInteger()) bad(name, "een geheel getal of null");
  return v.convert<long long>();
}

std::vector<std::string> Params::texts(const std::string& name) const {
  auto v = get(name);
  if (!matches(v, "texts")) bad(name, "een lijst van teksten");
  std::vector<std::string> out;
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(arr->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::vector<long long> Params::integers(const std::string& name) const {
  auto v = get(name);
  if (!matches(v, "integers")) bad(name, "een lijst van gehele getallen");
  std::vector<long long> out;
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(arr->get(static_cast<unsigned>(i)).convert<long long>());
  return out;
}

void Context::emit(const std::string& message, std::vector<RecordRef> records) const {
  emitAs(rule.severity, message, std::move(records));
}

void Context::emitAs(Severity severity, const std::string& message_, std::vector<RecordRef> records) const {
  std::string message = message_;
  if (coop.legalForm.empty() && rule.inOprichting == InOprichting::waarschuwing && severity == Severity::fout) {
    severity = Severity::waarschuwing;
    message += " (in oprichting: een waarschuwing, geen fout, zolang er geen rechtsvorm is)";
  }
  Finding f;
  f.ruleId = rule.id;
  f.severity = severity;
  f.cooperation = coop.id;
  f.records = std::move(records);
  f.message = rule.verified ? message : message + " (te verifiëren)";
  f.asOf = asOf;
  f.citation = rule.citation;
  f.link = rule.link;
  f.verified = rule.verified;
  f.key = findingKey(f.ruleId, f.cooperation, f.records);
  out.push_back(std::move(f));
}

std::string gemeenteName(store::Database& db, const std::string& nis, Date on) {
  if (auto g = refdata::findGemeente(db, nis, on)) return g->name;
  if (auto g = refdata::findGemeente(db, nis)) return g->name;
  return nis;
}

std::vector<const MemberFact*> gemeentenOn(const Context& c) {
  std::vector<const MemberFact*> out;
  for (const auto* m : c.coop.membersOn(c.asOf))
    if (m->kind == "gemeente") out.push_back(m);
  if (out.empty()) throw NotEvaluable{"geen deelnemende gemeenten op " + dutchLongDate(c.asOf)};
  return out;
}

std::string thousands(long long n) {
  std::string s = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ".");
  return n < 0 ? "-" + s : s;
}

}  // namespace igsgov::rules
