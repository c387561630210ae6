// PlanStore: versions of meerjarenplannen (finance::Plan) kept in the register
// (table fin_plan, journaled), and the operations behind plan.* in the
// catalogue.
//
// A plan version is identified by owner, period and version number
// (id "<owner>:<first>-<last>:v<n>"); it is stored once as the canonical JSON
// of finance::planToJson with its SHA-256 and never changed (a new aanpassing
// is a new version; a mistake is corrected with plan.correct... as a new
// import of the same version number is refused: conflict). Owners: kind "igs"
// names a cooperation id, kind "lid" a member id of the register or the NIS
// code of a gemeente (a gemeente has one plan, whatever IGS it is in).
// Reading a stored plan re-validates it and checks its SHA-256
// (Error(integrity) when the stored text was changed).
//
// Bad input (unknown owner, a period that is not six aligned years, a CSV
// with wrong columns or amounts that are not whole cents, ...) throws
// Error(invalid) naming file, line and column or the field, and writes
// nothing. Not thread-safe (Register lock).
#pragma once

#include "finance/Plan.hpp"
#include "records/EntityTable.hpp"

#include <optional>
#include <vector>

namespace igsgov::budget {

const records::EntitySpec& planSpec();

std::string planId(const finance::PlanOwner& owner, const finance::PlanPeriod& period, int version);
// "2026-2031" → period; Error(invalid) at `place` otherwise.
finance::PlanPeriod parsePeriod(const std::string& text, const Place& place);

// Checks that the owner exists in the register.
void validateOwner(store::Database& db, const finance::PlanOwner& owner, const Place& place);
// Stores a validated plan as a new version; conflict when that version exists.
void storePlan(records::Writer& w, finance::Plan plan, const std::string& source, const std::string& reason = "");
// The stored version (latest when version is empty); Error(notFound) when none.
finance::Plan loadPlan(store::Database& db, const std::string& ownerId, const finance::PlanPeriod& period,
                       std::optional<int> version = {});
// Every stored plan (current rows), ordered by id.
std::vector<finance::Plan> allPlans(store::Database& db);
std::optional<int> latestVersion(store::Database& db, const std::string& ownerId, const finance::PlanPeriod& period);

// Operations.
JsonObject planImportCsv(records::Writer& w, const JsonObject& in);
JsonObject planStore(records::Writer& w, const JsonObject& in);
JsonObject planExportCsv(store::Database& db, const JsonObject& in);
JsonObject planShow(store::Database& db, const JsonObject& in);
JsonObject planList(store::Database& db, const JsonObject& in);
JsonObject planDiffOp(store::Database& db, const JsonObject& in);
JsonObject planLinks(store::Database& db, const JsonObject& in);

std::string planDiffText(const JsonObject& out);
std::string planLinksText(const JsonObject& out);

}  // namespace igsgov::budget
