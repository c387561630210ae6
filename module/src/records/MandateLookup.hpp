// MandateLookup: what validating a mandate needs to know about the rest of the
// register: the current person, body, member and seat it names, and who else
// holds the seat in a period.
//
// Two implementations share one set of rules (validateMandate):
//   DbLookup     - asks the database each time (the single operations);
//   ImportLookup - for a bulk import: remembers the entities it has read (they
//                  do not change while the mandates of an import are written)
//                  and keeps each seat's holders in memory, seeded from the
//                  database the first time the seat is used and extended by
//                  added() for every mandate the import writes; entities
//                  the import created itself are noted with created(), so
//                  exists() needs no query for them (nor holders() for a seat
//                  created by the import: it has only the import's mandates).
// Neither writes. Not thread-safe; use under the register's write lock, and an
// ImportLookup only within the one write it was made for.
#pragma once

#include "core/Date.hpp"
#include "records/EntityTable.hpp"

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace igsgov::records {

// Who holds a seat in a period: how many mandates overlap it, and the earliest
// of them described for a message ("mandaat 'm1' van 'p1' (2020-01-01 – …)").
struct SeatHolders {
  long long count = 0;
  std::string first;
};

class MandateLookup {
public:
  virtual ~MandateLookup() = default;
  // The current version of an entity, or nullptr. The version stays valid as
  // long as the lookup (no copy per call: an import asks four times per mandate).
  virtual const Version* current(const EntitySpec& spec, const std::string& id) = 0;
  // Whether the entity exists, for when its fields do not matter (the person
  // of a mandate): an entity that exists has a current version (nothing is
  // deleted; a revision closes and inserts in one write).
  virtual bool exists(const EntitySpec& spec, const std::string& id) = 0;
  // The current, not retracted mandates on `seat` other than `mandateId` that
  // overlap [from, until] (until absent: open-ended).
  virtual SeatHolders holders(const std::string& seat, const std::string& mandateId, const Date& from,
                              const std::optional<Date>& until) = 0;
};

class DbLookup : public MandateLookup {
public:
  explicit DbLookup(store::Database& db) : db_(db) {}
  const Version* current(const EntitySpec& spec, const std::string& id) override;
  bool exists(const EntitySpec& spec, const std::string& id) override;
  SeatHolders holders(const std::string& seat, const std::string& mandateId, const Date& from,
                      const std::optional<Date>& until) override;

private:
  store::Database& db_;
  std::deque<Version> read_;  // what current() returned, kept for the lookup's lifetime
};

class ImportLookup : public MandateLookup {
public:
  explicit ImportLookup(store::Database& db) : db_(db) {}
  const Version* current(const EntitySpec& spec, const std::string& id) override;
  bool exists(const EntitySpec& spec, const std::string& id) override;
  SeatHolders holders(const std::string& seat, const std::string& mandateId, const Date& from,
                      const std::optional<Date>& until) override;
  // An entity the import itself created (so exists() need not ask).
  void created(const EntitySpec& spec, const std::string& id);
  // A mandate the import has written (only seated, not retracted ones matter).
  void added(const std::string& seat, const std::string& mandateId, const std::string& person, const Date& from,
             const std::optional<Date>& until);

private:
  struct Holder {
    std::string mandate, person, from, until;  // ISO dates; until "" when open-ended
  };
  std::vector<Holder>& seatHolders(const std::string& seat);

  store::Database& db_;
  std::unordered_map<const EntitySpec*, std::unordered_map<std::string, Version>> entities_;
  std::unordered_map<const EntitySpec*, std::unordered_set<std::string>> existing_;
  std::unordered_map<std::string, std::vector<Holder>> seats_;
};

}  // namespace igsgov::records
