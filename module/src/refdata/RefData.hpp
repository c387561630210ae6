// Reference data: the Flemish gemeenten (NIS code, name, province,
// referentieregio, centrumstad), their validity in time (codes that ended with
// the 2025 mergers and their successors) and dated populations.
//
// load() writes the shipped files (config/refdata, compiled into the library)
// into the register through the journal, once, at register.init. The read side
// queries the register, so what a register checked against stays with it.
// Not thread-safe: use through the owning Register.
#pragma once

#include "core/Date.hpp"
#include "journal/Journal.hpp"
#include "store/Database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::refdata {

struct Gemeente {
  std::string nis;
  std::string name;
  std::string provincie;
  std::string referentieregio;  // empty for codes that ended before the regiodecreet territory
  bool centrumstad = false;
  std::optional<Date> validFrom, validUntil;
  std::string successorNis;  // for codes that ended
};

struct Population {
  std::string nis;
  Date peildatum;
  long long inwoners = 0;
  std::string methode;
};

struct LoadSummary {
  int gemeenten = 0;
  int populations = 0;
  std::string sourcesSha256;  // over the shipped files, in name order
};

LoadSummary load(journal::Journal& journal);

// Read side.
std::optional<Gemeente> findGemeente(store::Database& db, const std::string& nis, std::optional<Date> on = {});
// Valid on `on`, or Error(invalid) naming the field: unknown code, or ended
// (with the successor in the message).
Gemeente requireGemeente(store::Database& db, const std::string& nis, Date on, const Place& place);
// The newest population with peildatum <= on (or the oldest known when none is).
std::optional<Population> population(store::Database& db, const std::string& nis, Date on);
std::vector<Gemeente> allCurrentGemeenten(store::Database& db);

}  // namespace igsgov::refdata
