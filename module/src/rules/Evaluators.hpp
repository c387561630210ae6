// Evaluators: the logic of the rules. A rule's "evaluator" names one of the
// functions registered here; its parameters come from the rule's data (with
// the cooperation's overrides applied). An evaluator reports findings through
// Context::emit(); when the register lacks what it needs it throws
// NotEvaluable with a Dutch reason (the rule is then listed as
// "niet evalueerbaar", never silently passed).
//
// Each evaluator also declares the parameters it reads (name and JSON type),
// so a rule file with a missing or mistyped parameter is refused when loaded,
// not when a check runs. Pure functions of their context; thread-safe.
#pragma once

#include "rules/Facts.hpp"
#include "rules/Finding.hpp"
#include "rules/RuleSet.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace igsgov::rules {

struct NotEvaluable {
  std::string reason;  // Dutch
};

// Typed access to a rule's parameters (defaults + overrides); Error(invalid)
// naming the rule and parameter when a value has the wrong type.
class Params {
public:
  Params(const Rule& rule, JsonObject values) : rule_(rule), values_(std::move(values)) {}
  long long integer(const std::string& name) const;
  bool boolean(const std::string& name) const;
  std::string text(const std::string& name) const;
  std::optional<Date> optDate(const std::string& name) const;  // null -> nullopt
  std::optional<long long> optInteger(const std::string& name) const;  // null -> nullopt
  std::vector<std::string> texts(const std::string& name) const;
  std::vector<long long> integers(const std::string& name) const;
  const JsonObject& values() const { return values_; }

private:
  [[noreturn]] void bad(const std::string& name, const std::string& expected) const;
  Poco::Dynamic::Var get(const std::string& name) const;
  const Rule& rule_;
  JsonObject values_;
};

struct Context {
  const Rule& rule;
  Params params;
  const CooperationFact& coop;
  const std::vector<CooperationFact>& all;
  Date asOf;
  store::Database& db;
  std::vector<Finding>& out;
  // Adds a finding of this rule for this cooperation.
  void emit(const std::string& message, std::vector<RecordRef> records) const;
  // The same with another severity than the rule's (e.g. a transition period).
  void emitAs(Severity severity, const std::string& message, std::vector<RecordRef> records) const;
};

using EvaluatorFn = std::function<void(const Context&)>;

// Parameter types: "integer", "integer?" (or null), "boolean", "text", "date?" (date or null),
// "texts" (list of text), "integers" (list of integers).
struct EvaluatorSpec {
  std::string name;
  std::map<std::string, std::string> params;
  EvaluatorFn fn;
};

const EvaluatorSpec* findEvaluator(const std::string& name);
std::vector<std::string> evaluatorNames();
// Checks that the rule's parameters match its evaluator's declaration.
void checkParameters(const Rule& rule);
// Same for one parameter value (used for overrides).
void checkParameterValue(const Rule& rule, const std::string& name, const Poco::Dynamic::Var& value);

// Registration, one function per file of evaluators (EvalForm.cpp, ...).
void addFormEvaluators(std::vector<EvaluatorSpec>& out);
void addBoardEvaluators(std::vector<EvaluatorSpec>& out);
void addPopulationEvaluators(std::vector<EvaluatorSpec>& out);
void addIntegrityEvaluators(std::vector<EvaluatorSpec>& out);
void addStatutenEvaluators(std::vector<EvaluatorSpec>& out);

// Helpers shared by the evaluators.
std::string gemeenteName(store::Database& db, const std::string& nis, Date on);
// The members of kind gemeente on the as-of date. A rule about the gemeenten
// of a cooperation that has none in the register would pass on nothing: that
// is NotEvaluable, never a silent pass.
std::vector<const MemberFact*> gemeentenOn(const Context& c);
std::string thousands(long long n);  // 84764 -> "84.764"

}  // namespace igsgov::rules
