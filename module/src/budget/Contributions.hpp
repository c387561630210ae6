// Contributions (verdeelsleutels) in the register: contribution keys per
// cooperation (table fin_key) and the schedules computed from them per year
// (table fin_schedule), with the operations behind contribution.*.
//
// A key is a list of cost items, each with its allocation key
// (finance::CostItem JSON; AllocationKey.hpp states the kinds and rounding).
// Amounts may be given as integer cents ("total_cents", "fixed_cents") or in
// Belgian notation ("total": "€ 16.900", "fixed": "4.000", "rate": "0,23");
// an amount that is not a whole number of cents is refused.
//
// A schedule for (key, year) takes: the cooperation's members whose
// membership overlaps the year (in member-id order), the key's items, and,
// when a key needs inhabitants, the populations of the register's reference
// data on the population reference date (default 1 January of the year
// before; the peildatum actually used is recorded). It is computed with
// finance::computeSchedule and stored as canonical JSON with its inputs, so it
// is reproducible: contribution.verify recomputes every stored schedule from
// its stored inputs (Error(integrity) when the figures differ) and from the
// current key and register (reported as "verouderd" when the key or the
// members changed since). A recalculation that gives a different schedule is
// a new version of the same record (id "<key>:<year>"); an identical one
// writes nothing. Not thread-safe (Register lock).
#pragma once

#include "finance/Schedule.hpp"
#include "records/EntityTable.hpp"

#include <optional>

namespace igsgov::budget {

const records::EntitySpec& keySpec();
const records::EntitySpec& scheduleSpec();

// Reads and checks the items of a key against the cooperation's members.
std::vector<finance::CostItem> readKeyItems(store::Database& db, const std::string& cooperationId,
                                            const JsonArray& items, const std::string& keyId);
void validateKey(store::Database& db, const std::string& id, JsonObject data);

// Everything a schedule is computed from, taken from the register now.
finance::ScheduleInputs scheduleInputs(store::Database& db, const records::Version& key, int year,
                                       const Date& populationDate);

JsonObject keyDefine(records::Writer& w, const JsonObject& in);
JsonObject scheduleCompute(records::Writer& w, const JsonObject& in);
JsonObject scheduleShow(store::Database& db, const JsonObject& in);
JsonObject scheduleVerify(store::Database& db, const JsonObject& in);
JsonObject keyList(store::Database& db, const JsonObject& in);

// The schedule stored last for a cooperation and year (whichever key), for
// the documents' data contract. keyTitle is "" when the key has no title of
// its own (contribution.key stores the id as title then). nullopt: none.
// Error(integrity) when the stored figures do not recompute.
struct StoredSchedule {
  std::string keyId;
  std::string keyTitle;
  finance::Schedule schedule;
};
std::optional<StoredSchedule> latestSchedule(store::Database& db, const std::string& cooperationId, int year);

// Stores an imported schedule after checking it recomputes from its inputs.
void importSchedule(records::Writer& w, const std::string& id, const JsonObject& data);

std::string scheduleText(const JsonObject& out);
std::string scheduleVerifyText(const JsonObject& out);

}  // namespace igsgov::budget
