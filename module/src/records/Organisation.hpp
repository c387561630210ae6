// Cooperations, their members, bodies and seats: creating, changing,
// correcting and listing them. Each function is the body of one catalogue
// operation: JSON in, JSON out, Error with a Dutch message and the place on
// bad input (nothing is written then: the caller's transaction rolls back).
#pragma once

#include "records/Register.hpp"

namespace igsgov::records {

JsonObject cooperationCreate(Writer& w, const JsonObject& in);
// kind: "change" (a real change, e.g. a renewed term) or "correction" (a mistake; reason required).
JsonObject cooperationRevise(Writer& w, const JsonObject& in, const std::string& kind);
JsonObject cooperationList(store::Database& db, const JsonObject& in);
JsonObject cooperationShow(store::Database& db, const JsonObject& in);

JsonObject memberAdd(Writer& w, const JsonObject& in);
JsonObject memberEnd(Writer& w, const JsonObject& in);
JsonObject memberRevise(Writer& w, const JsonObject& in, const std::string& kind);

JsonObject bodyCreate(Writer& w, const JsonObject& in);  // with optional "seats": [...]
JsonObject bodyRevise(Writer& w, const JsonObject& in, const std::string& kind);
JsonObject seatCreate(Writer& w, const JsonObject& in);

JsonObject personCreate(Writer& w, const JsonObject& in);
// personCreate without reading the new version back; returns the id (bulk import).
std::string personInsert(Writer& w, const JsonObject& in);
// personInsert for a person already read (readFields or readRecordText with personSpec()).
void personInsertRead(Writer& w, const std::string& id, JsonObject data);
JsonObject personRevise(Writer& w, const JsonObject& in, const std::string& kind);
JsonObject personList(store::Database& db, const JsonObject& in);

// How many persons may hold one seat at the same time: far above any body's
// size (a seat shared by a gemeente's delegates), low enough that a count of
// holders can never be a typo such as 2^62.
inline constexpr long long kMaxSeatHolders = 1000;

// Shared by the functions above and by import.
void validateCooperation(store::Database& db, const std::string& id, JsonObject data);
void validateMember(store::Database& db, const std::string& id, JsonObject data);
void validateBody(store::Database& db, const std::string& id, JsonObject data);
void validateSeat(store::Database& db, const std::string& id, JsonObject data);
void validatePerson(const std::string& id, JsonObject data);

// Merges the fields present in `in` (other than id and reason) over `base`.
JsonObject mergeFields(const JsonObject& base, const JsonObject& changes);

}  // namespace igsgov::records
