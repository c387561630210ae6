// DataContract: the data a template receives, built from the register as of a
// date. Two kinds (docs/documenten.md lists every field in Dutch):
//
//   "verband"  one document per cooperation: verband, datum, plaats, kenmerk,
//              deelnemers, deelnemers_tekst, aantal_deelnemers, totaal_inwoners,
//              inwoners_peildatum, financiering, orgaan, mandaten, aantallen,
//              documenten, heeft_documenten, audit, journaal, bevindingen,
//              niet_evalueerbaar, heeft_niet_evalueerbaar, heeft_oprichting,
//              oprichting, document;
//   "lid"      one document per member: everything of "verband" plus gemeente,
//              lid, bijdrage (false when unknown) and a per-member kenmerk.
//
// Valid time is the as-of date; record time is "now" (what the register knows).
// The builder reads the shared parts once and then builds each member's data
// cheaply, so a batch over all members reads the register once.
// Dates are ISO strings (templates format them with | datum_lang or | datum),
// amounts are integer cents (| euro), counts integers (| getal).
// Failures: Error(notFound) for an unknown cooperation, body or member, naming
// the field. Not thread-safe (use under the Register lock).
#pragma once

#include "documents/DataParts.hpp"

namespace igsgov::documents {

struct DataRequest {
  std::string cooperation;
  Date asOf;
  std::string templateName;           // used in the kenmerk
  std::string body;                   // board to describe ("" = the raad van bestuur)
  JsonObject contributions;           // optional {"<nis|member id>": cents | "12.500,00"}
  FindingsSource findings;            // optional: the compliance check
};

class DataBuilder {
public:
  DataBuilder(store::Database& db, DataRequest request);

  const std::vector<MemberRef>& members() const { return members_; }
  // The active member with this NIS code or member id; Error(notFound) naming `member`.
  const MemberRef& member(const std::string& nisOrId) const;

  JsonObject cooperationData() const;
  JsonObject memberData(const MemberRef& m) const;
  const Contributions& contributions() const { return contributions_; }

private:
  JsonObject base() const;  // a fresh object holding the shared parts

  store::Database& db_;
  DataRequest req_;
  std::vector<MemberRef> members_;
  Contributions contributions_;
  JsonObject shared_;
  std::map<std::string, JsonObject> gemeenten_;  // member id → gemeente object
};

// The reference printed on a document: <COOPERATION>/<TEMPLATE>/<YEAR>[/<NIS or member>].
std::string documentReference(const std::string& cooperation, const std::string& templateName, const Date& asOf,
                              const std::string& who);

}  // namespace igsgov::documents
