// Rule sets: the compliance rules as data (config/rules/*.json).
//
// A rule set file holds the rules for one legal form or policy domain:
//   {"ruleset": name, "title": Dutch, "applies_to": {"legal_forms": [...]} |
//    {"domains": [...]} | {"all": true}, "rules": [rule...]}
// and each rule: id (unique over all sets), evaluator (the C++ function that
// holds the logic, see Evaluators.hpp), Dutch description, severity
// (fout | waarschuwing | info), parameters (an object; the values the logic
// uses), basis {citation, link}, verified (false: findings say
// "te verifiëren") and optionally in_oprichting: how the rule judges a
// cooperation in oprichting (no legal form yet, issue 18): "geldt" (as any
// other, the default), "waarschuwing" (a fout finding becomes a waarschuwing
// that says so: a condition of recognition or subsidy the chosen gemeenten do
// not meet yet, which is no breach while the IGS does not exist) or "niet" (not
// applicable; listed under not_applicable). Rule sets of a legal form never
// apply to a cooperation without one.
//
// Sources and precedence (docs/regels.md): the files compiled into the
// library (config/rules at build time) are the base; a directory given in the
// operation's input ("rules_dir") or else in the environment variable
// IGSGOV_RULES_DIR is laid over it file by file: a file there replaces the
// compiled file of the same name, a new name adds a rule set. Per
// cooperation, parameters can be overridden in the register (Overrides.hpp).
//
// Failure: a malformed file is Error(invalid) naming the file, the rule and
// the field, in Dutch. Thread safety: values; loading reads files only.
#pragma once

#include "core/Json.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::rules {

enum class Severity { fout, waarschuwing, info };
enum class InOprichting { geldt, waarschuwing, niet };
std::string severityName(Severity s);

struct Rule {
  std::string id;
  std::string evaluator;
  std::string description;
  Severity severity = Severity::fout;
  JsonObject parameters;  // never null
  std::string citation;
  std::string link;
  bool verified = false;
  InOprichting inOprichting = InOprichting::geldt;
  std::string ruleset;  // the set (file) it came from
  std::string source;   // "ingebouwd" or the file path it was read from
};

struct RuleSet {
  std::string name;
  std::string title;
  bool all = false;
  std::set<std::string> legalForms;
  std::set<std::string> domains;
  std::string source;
  std::vector<Rule> rules;
  bool appliesTo(const std::string& legalForm, const std::string& domain) const;
};

struct RuleBook {
  std::vector<RuleSet> sets;  // by file name
  std::string overrideDir;    // empty when only the compiled sets are used
  const Rule* find(const std::string& id) const;
};

// Parses one rule set file (text); `source` names it in errors.
RuleSet parseRuleSet(const std::string& text, const std::string& source, const std::string& fileName);

// The compiled rule sets, with `dir` laid over them (see above). dir empty:
// IGSGOV_RULES_DIR when set, else only the compiled sets. A dir that does not
// exist is Error(notFound). Every evaluator named must exist (Error(invalid)).
RuleBook loadRuleBook(const std::string& dir = "");

}  // namespace igsgov::rules
