// Stappenplannen: the founding path of an IGS as data (config/founding/*.json).
//
// One file per subsidy round or decree (cultuur_2026.json: the OP/TIL
// stappenplan towards an IGS cultuur recognised from 1 January 2027). A file:
//   {"stappenplan": name (= the file name without .json), "title": Dutch,
//    "domain": the policy domain ("cultuur"), "source": {citation, link?},
//    "steps": [step...]}
// and each step: number (1, 2, ... in order), id (unique in the file), Dutch
// title, per_gemeente (true: the step is done per member gemeente), done_when
// (a non-empty list of conditions, all of which must hold) and optionally
// deadline {date (ISO), description}. A condition is {evidence, subject?,
// description}: evidence names where the proof lives (evidenceKinds(): a
// decision of the college or the gemeenteraad or the raad van bestuur on a
// subject, the legal form, the statuten, the intern reglement, the
// submission, the subsidy decision) or "afvinken" (only a person's check-off
// with a reason proves it). Decisions need a subject; the others may name one.
//
// Sources: the files compiled into the library (config/founding at build
// time); a directory given to loadStappenplannen() (or else the environment
// variable IGSGOV_FOUNDING_DIR) is laid over them file by file, as for the
// rule sets (rules/RuleSet.hpp).
//
// Failure: a malformed file is Error(invalid) naming the file and the place
// (step, condition, field) in Dutch; unknown fields are refused so a typo
// never silently drops a condition. Thread safety: values; loading reads
// files only.
#pragma once

#include "core/Date.hpp"
#include "core/Json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::founding {

struct Condition {
  std::string evidence;  // one of evidenceKinds()
  std::string subject;   // empty when none
  std::string description;
};

struct Deadline {
  Date date;
  std::string description;
};

struct Step {
  int number = 0;
  std::string id;
  std::string title;
  bool perGemeente = false;
  std::vector<Condition> doneWhen;  // never empty
  std::optional<Deadline> deadline;
};

struct Stappenplan {
  std::string name;
  std::string title;
  std::string domain;
  std::string citation;
  std::string link;
  std::string source;  // "ingebouwd:<file>" or the path it was read from
  std::vector<Step> steps;
  const Step* find(const std::string& stepId) const;
};

// The evidence kinds a condition may name, in a fixed order.
const std::vector<std::string>& evidenceKinds();
// Whether a condition of this kind needs a subject (the decisions do).
bool evidenceNeedsSubject(const std::string& kind);

// Parses one file's text; `source` names it in errors, `fileName` is checked
// against the "stappenplan" field.
Stappenplan parseStappenplan(const std::string& text, const std::string& source, const std::string& fileName);

// The compiled stappenplannen, with `dir` laid over them; sorted by name.
// dir empty: IGSGOV_FOUNDING_DIR when set, else only the compiled files. A dir
// that does not exist is Error(notFound).
std::vector<Stappenplan> loadStappenplannen(const std::string& dir = "");

}  // namespace igsgov::founding
