// CheckOffs: a person's check-off of one condition of a founding step, where
// the register holds no evidence for it (table founding_checkoff, 0012).
//
// Which conditions may be checked off: those whose evidence is "afvinken"
// (only a person can know: draagvlak, the oprichtingsakte, the hired
// regiocoördinator) and indiening / subsidiebesluit: those are read from the
// register when it holds them (a document of kind subsidieaanvraag with its
// submission date, the Vlaamse overheid's decision on it; Progress.hpp), and a
// check-off only counts while it does not (a secretariat with only the KIOSK
// receipt, a register from before the kind existed).
// A condition the register can prove (decisions, legal form, statuten, intern
// reglement) is never checked off by hand: its evidence must be registered.
//
// A check-off names the cooperation, the stappenplan, the step, the condition
// (conditionKey(): "afvinken", "afvinken:oprichtingsakte", "indiening"), the
// member gemeente when the step is per gemeente (required then, refused
// otherwise), the date it was done, a note saying why it counts as done
// (required), and optionally an attached file (DOCX, ODT or PDF, kept in
// gov_blob like a document version). Its id is derived from these
// (checkOffId) so one condition has one check-off per gemeente.
//
// Writes go through the Writer (one transaction, one journal entry, by the
// caller); a correction or retraction is a new version with a reason, nothing
// is deleted; checking off again after a retraction is a new version too.
// Failures: Error(invalid) naming the field for bad input, Error(notFound)
// for an unknown cooperation, member, step or check-off, Error(conflict) for
// a condition already checked off. Not thread-safe (Register lock).
#pragma once

#include "founding/Stappenplan.hpp"
#include "records/EntityTable.hpp"

namespace igsgov::founding {

const records::EntitySpec& checkOffSpec();  // founding_checkoff

// "evidence" or "evidence:subject".
std::string conditionKey(const Condition& c);
// Whether a person may check this condition off (see above).
bool checkable(const Condition& c);
std::string checkOffId(const std::string& cooperation, const std::string& stappenplan, const std::string& step,
                       const std::string& condition, const std::string& member);

// The stappenplan of a cooperation of `domain`: the one plan of that domain;
// for a cooperation without a domain, the only plan there is; else nullptr.
const Stappenplan* defaultPlan(const std::vector<Stappenplan>& plans, const std::string& domain);
// Whether the cooperation has any check-off (current or retracted).
bool hasCheckOffs(store::Database& db, const std::string& cooperation);
// The stappenplan a cooperation follows: `name` when given, else the one of
// the cooperation's domain (defaultPlan). Error(notFound) when none.
const Stappenplan& planFor(store::Database& db, const std::vector<Stappenplan>& plans, const std::string& cooperation,
                           const std::optional<std::string>& name, const Place& place);

// Checks one version of a check-off (`data`: the spec's fields) as
// founding.check-off does: a known stappenplan, step and condition a person may
// check off, the member rule of the step (a gemeente of the cooperation), a
// note, a date not in the future, and `id` derived from these (checkOffId).
// `r` reads `data` and names the record in errors. Error(invalid|notFound).
// Used by checkOff and by the interchange import.
void validateCheckOff(store::Database& db, const std::vector<Stappenplan>& plans, const std::string& id,
                      const JsonObject& data, const Reader& r);

// founding.check-off / founding.correct / founding.retract.
JsonObject checkOff(records::Writer& w, const std::vector<Stappenplan>& plans, const JsonObject& in);
JsonObject correctCheckOff(records::Writer& w, const JsonObject& in);
JsonObject retractCheckOff(records::Writer& w, const JsonObject& in);

// founding.attachment: the file attached to a check-off's current version:
// {id, sha256, media_type, size, file_name ("bijlage-<step>.<pdf|docx|odt>")}
// plus content_base64, or, with "path", the file written there (atomically)
// and "path". Error(notFound) for an unknown check-off or one without file.
JsonObject checkOffAttachment(store::Database& db, const JsonObject& in);

// The current, not retracted check-offs of a cooperation.
std::vector<records::Version> currentCheckOffs(store::Database& db, const std::string& cooperation);

}  // namespace igsgov::founding
