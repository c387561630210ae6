// The entity specs of the register (see docs/uitwisselformaat.md for every field).
#pragma once

#include "records/EntityTable.hpp"

namespace igsgov::records {

const EntitySpec& cooperationSpec();
const EntitySpec& memberSpec();
const EntitySpec& bodySpec();
const EntitySpec& seatSpec();
const EntitySpec& personSpec();
const EntitySpec& mandateSpec();

// The current version or Error(notFound) naming the referring record and field.
Version requireCurrent(store::Database& db, const EntitySpec& spec, const std::string& id, const Place& from);

}  // namespace igsgov::records
