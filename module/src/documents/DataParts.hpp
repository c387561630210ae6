// DataParts: the pieces of the template data (internal to the documents area;
// DataContract.hpp assembles them and documents the contract). Each function
// reads the register as of a date (valid time) as the register knows it now.
// Not thread-safe (run under the Register lock).
#pragma once

#include "core/Date.hpp"
#include "core/Error.hpp"
#include "core/Json.hpp"
#include "store/Database.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::documents {

// A member of the cooperation whose membership covers the as-of date.
struct MemberRef {
  std::string id;
  std::string nis;   // "" for non-gemeente partners
  std::string name;
  std::string kind;  // gemeente | ocmw | partner
  std::string partnerKind;  // publiek | privaat_zonder_winstoogmerk | privaat
  std::string from;
};

// --- CommonData.cpp
// The cooperation as "verband" (Error(notFound) for an unknown id) and its seat's name.
JsonObject verbandJson(store::Database& db, const std::string& cooperation, const Date& asOf);
std::vector<MemberRef> activeMembers(store::Database& db, const std::string& cooperation, const Date& asOf);
// The member with this id, else the one with this NIS code; nullptr when none. A gemeente
// and its OCMW share a NIS code: Error(invalid) at `place` when it names more than one.
const MemberRef* findMember(const std::vector<MemberRef>& members, const std::string& idOrNis, const Place& place);
// "A, B en C"
std::string dutchList(const std::vector<std::string>& names);

// --- Contributions.cpp
struct Contribution {
  long long cents = 0;
  int year = 0;
  std::string key;     // the verdeelsleutel's title; "" for an amount given with the call
  std::string reason;  // why the member pays nothing under the key ("" otherwise; Dutch)
};
struct Contributions {
  std::map<std::string, Contribution> byMember;  // member id → contribution
  std::string source;                            // Dutch: where the figures come from
  std::string key;                               // the verdeelsleutel's title ("" for amounts given)
  bool fromRegister = false;
};
// From the call's `contributions` object ({"<nis or member id>": cents or "12.500,00"}) when
// given, else from the register's latest contribution schedule (fin_schedule) for the year,
// verified against its inputs (Error(integrity) when its figures were edited).
Contributions loadContributions(store::Database& db, const std::string& cooperation,
                                const std::vector<MemberRef>& members, int year, const JsonObject& input);

// --- BoardData.cpp
// "orgaan", "mandaten", "aantallen" for the cooperation's board (body id, or the
// raad van bestuur / beheerscomité / first body when empty).
void addBoard(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf,
              const std::string& body);

// --- StatutenData.cpp
// "documenten", "heeft_documenten": governing documents, versions, approvals.
void addStatuten(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf);

// --- AuditData.cpp
// The compliance check's output ({findings, not_evaluable, counts} as written by
// the rules engine), or nullptr when no check is available in this build.
using FindingsSource = std::function<JsonObject(store::Database&, const std::string& cooperation, const Date& asOf)>;
// "bevindingen", "audit", "niet_evalueerbaar", "heeft_niet_evalueerbaar", and
// "journaal" (intact, regels, laatste_regel, laatste_hash, ondertekend, tekst:
// journal::verify of the whole register, as a Dutch sentence).
void addAudit(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf,
              const FindingsSource& source);

// --- FoundingData.cpp
// "heeft_oprichting" and "oprichting" (titel, bron, in_oprichting, klaar, totaal,
// heeft_volgende, volgende_stap, volgende_titel, ontbreekt, stappen: nummer,
// titel, stand, termijn, bewijs): the founding steps of the cooperation's
// stappenplan (founding/Progress.hpp) on asOf; heeft_oprichting false when no
// stappenplan applies to it.
void addOprichting(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf);

}  // namespace igsgov::documents
