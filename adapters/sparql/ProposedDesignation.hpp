// ProposedDesignation: one designation of a person to a seat in an IGS body as
// published in LBLOD (one mandaat:Mandataris), proposed to the user, who accepts
// or rejects it into the register later. The adapter never writes the register.
//
// Value types; thread-safe. toJson() is the shape the operation
// "sparql.proposals" returns (keys in a fixed order, dates ISO, absent = null).
#pragma once

#include "adapters/sparql/RoleMapping.hpp"
#include "core/Date.hpp"
#include "core/Json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::adapters::sparql {

// A resource with its human label ("" when the source gave none).
struct Labelled {
  std::string uri;
  std::string label;
  bool empty() const { return uri.empty(); }
  bool operator==(const Labelled&) const = default;
};

struct DecisionRef {
  std::string uri;                       // the besluit:Besluit
  std::optional<Date> published;         // eli:date_publication
  std::optional<Date> sessionDate;       // start of the zitting that treated it
  std::string reference;                 // eli:id_local (or eli:number)
  std::string title;                     // eli:title_short or eli:title
  Labelled council;                      // eli:passed_by, the orgaan (not in time)
  Labelled councilClassification;        // e.g. Gemeenteraad
  Labelled gemeente;                     // the bestuurseenheid the council governs

  // The date to show: publication, else the session date.
  std::optional<Date> date() const { return published ? published : sessionDate; }
  bool byGemeenteraad() const;
};

// Flags: machine codes (English) with a Dutch explanation in the JSON.
enum class Flag {
  unknownRole,           // bestuursfunctie not recognised: kept with its URI and label
  unknownStatus,         // a status code we do not know
  noDecision,            // no besluit bekrachtigt the aanstelling
  severalDecisions,      // more than one besluit; `decision` is the earliest
  decisionNotByCouncil,  // the besluit was not passed by a gemeenteraad
  invalidStart,          // mandaat:start missing or not a date
  invalidEnd,            // mandaat:einde present but not a date
  endBeforeStart,
  noPersonName,          // neither gebruikteVoornaam nor familyName
};
const char* flagCode(Flag f);
std::string flagMessage(Flag f);

struct ProposedDesignation {
  std::string source;                   // the mandaat:Mandataris URI
  std::string personUri;
  std::string givenName;                // persoon:gebruikteVoornaam
  std::string familyName;               // foaf:familyName
  Labelled igs;                         // the besluit:Bestuurseenheid of the IGS
  Labelled igsClassification;
  std::optional<std::string> legalForm; // from the classification code
  Labelled body;                        // besluit:Bestuursorgaan (not in time)
  std::string bodyInTime;               // the time specialisation holding the seat, "" if none
  Labelled bodyClassification;
  std::string mandaat;                  // the mandaat:Mandaat (seat)
  std::optional<Role> role;
  Labelled roleConcept;                 // org:role, a bestuursfunctie
  std::optional<Date> start;
  std::optional<Date> end;
  std::string startRaw;                 // as published, for a flagged value
  std::string endRaw;
  std::optional<std::string> status;    // effectief, verhinderd, ...
  Labelled statusConcept;
  Labelled fractie;
  std::vector<DecisionRef> decisions;   // earliest first
  std::vector<Flag> flags;

  std::string personName() const;        // "Voornaam Familienaam"
  const DecisionRef* decision() const { return decisions.empty() ? nullptr : &decisions.front(); }
  // The member gemeente that designated: the bestuurseenheid of the council
  // that passed the (first) decision.
  Labelled memberGemeente() const;
  bool hasFlag(Flag f) const;

  JsonObject toJson() const;
};

JsonArray toJson(const std::vector<ProposedDesignation>& proposals);

}  // namespace igsgov::adapters::sparql
