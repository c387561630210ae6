// Facts: the register's current records of the cooperations, as plain values
// for the rule evaluators (record time: now; valid time is filtered by the
// evaluators with activeOn()). Read-only; built under the register's lock.
#pragma once

#include "core/Date.hpp"
#include "store/Database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::rules {

struct Period {
  std::optional<Date> from, until;
  bool activeOn(Date d) const { return (!from || *from <= d) && (!until || d <= *until); }
};

struct MemberFact {
  std::string id, kind, nis, name, partnerKind;
  Period period;
};

struct BodyFact {
  std::string id, type, name;
  Period period;
};

struct SeatFact {
  std::string id, bodyId, label, memberId;
  long long holders = 1;
};

struct MandateFact {
  std::string id, personId, bodyId, seatId, memberId, role, side, fractie, status;
  bool voting = true, retracted = false;
  Period period;
  std::string decisionCouncil, decisionDate, decisionRef, decisionUri;
};

struct PersonFact {
  std::string id, name, gender;
};

struct CooperationFact {
  std::string id, name, legalForm, domain, kbo, seatNis, referentieregio;
  std::optional<Date> founded, termEnd;
  // Start of the current term: the day after the previous term_end when the
  // term was extended by a change (a renewal); else founded.
  std::optional<Date> termStart;
  bool renewed = false;
  std::vector<MemberFact> members;
  std::vector<BodyFact> bodies;
  std::vector<SeatFact> seats;
  std::vector<MandateFact> mandates;  // not retracted
  const PersonFact* person(const std::string& id) const;
  std::vector<PersonFact> persons;  // those holding one of the mandates
  std::vector<const MemberFact*> membersOn(Date d) const;
  std::vector<const BodyFact*> bodiesOn(Date d, const std::string& type) const;
  std::vector<const MandateFact*> mandatesOn(Date d, const std::string& bodyId) const;
};

// All cooperations (or only `only` when not empty; Error(notFound) when unknown).
std::vector<CooperationFact> loadFacts(store::Database& db, const std::string& only = "");

}  // namespace igsgov::rules
