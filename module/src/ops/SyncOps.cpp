// Operations of the sync engine: sync.run (CLI "igsgov sync --target NAME"),
// sync.resync and sync.status. sync.run and sync.resync manage their own
// register writes (one journal entry per batch, see sync/Engine.hpp), so they
// are runOp (Operation::run) instead of a single-transaction write.
#include "ops/OpBuilders.hpp"
#include "sync/Engine.hpp"
#include "sync/Targets.hpp"

#include <unistd.h>

#include <iostream>

namespace igsgov::ops {

namespace {

sync::TargetConfig targetFrom(records::Register& reg, const JsonObject& in) {
  Reader r(in, "sync");
  auto cfg = sync::SyncConfig::load(sync::configPath(r.optStr("config"), reg.path()));
  return cfg.target(r.str("target"));
}

sync::RunOptions optionsFrom(const JsonObject& in, const records::WriteInfo& info) {
  Reader r(in, "sync");
  sync::RunOptions o;
  o.dryRun = r.optBoolean("dry_run").value_or(false);
  o.maxDelete = r.optInteger("max_delete");
  bool progress = r.optBoolean("progress").value_or(isatty(2) != 0);
  o.progress = progress ? &std::cerr : nullptr;
  o.actor = info.actor;
  o.reason = info.reason;
  return o;
}

const Param kTarget{"target", "string", true, "naam van het syncdoel (in de syncconfiguratie)"};
const Param kConfig{"config", "path", false, "syncconfiguratie (standaard $IGSGOV_SYNC_CONFIG of sync.json naast het register)",
                    "sync_config"};

}  // namespace

namespace {

// One target's state (sync::targetStatus).
JsonObject targetStatus() {
  return rs::object({{"target", rs::text()}, {"locked", rs::boolean()}},
                    {{"error", rs::text()}, {"locked_since", rs::text()}, {"paths", rs::integer()}, {"counts", rs::object({})},
                     {"attention", rs::list(rs::object({{"path", rs::text()}, {"status", rs::text()}}))},
                     {"runs", rs::list(rs::object({{"id", rs::text()}, {"status", rs::text()}}))}});
}

}  // namespace

void addSyncOperations(Catalogue& c) {
  auto run = runOp("sync.run", "Synchroniseer documenten met een documentsysteem (push en inbox)",
                   {kTarget,
                    kConfig,
                    {"dry_run", "boolean", false, "toon enkel het plan, verander niets"},
                    {"max_delete", "integer", false, "maximum aantal verwijderingen voor deze run"},
                    {"progress", "boolean", false, "voortgangslijn op stderr (standaard op een terminal)"}},
                   [](records::Register& reg, const JsonObject& in, const records::WriteInfo& info) {
                     return sync::makeEngine(reg, targetFrom(reg, in))->run(optionsFrom(in, info));
                   },
                   sync::runText);
  run.aliases = {{"sync"}};
  c.add(std::move(run),
        rs::object({{"target", rs::text()}, {"dry_run", rs::boolean()}},
                   {{"adapter", rs::text()}, {"paths", rs::integer()}, {"planned", rs::integer()}, {"counts", rs::object({})},
                    {"actions", rs::list(rs::object({{"action", rs::text()}, {"path", rs::text()}, {"text", rs::text()}},
                                                    {{"conflict_path", rs::text()}}))},
                    {"locked", rs::text()}, {"max_delete_exceeded", rs::text()}, {"run_id", rs::text()},
                    {"done", rs::integer()}, {"skipped", rs::integer()}, {"conflicts", rs::list(rs::any())},
                    {"problems", rs::list(rs::any())}, {"warnings", rs::list(rs::any())},
                    {"downloads_for_hash", rs::integer()}, {"seconds", rs::number()}}));

  auto resync = runOp("sync.resync", "Hef de vergrendeling van een syncdoel op en lees het doel opnieuw in (op inhoud)",
                      {kTarget, kConfig, {"dry_run", "boolean", false, "toon enkel wat er zou gebeuren"}},
                      [](records::Register& reg, const JsonObject& in, const records::WriteInfo& info) {
                        return sync::makeEngine(reg, targetFrom(reg, in))->resync(optionsFrom(in, info));
                      });
  resync.roles = {"beheerder"};  // lifting a lock is administration
  c.add(std::move(resync),
        rs::object({{"target", rs::text()}, {"was_locked", rs::boolean()}},
                   {{"error", rs::text()}, {"adopted", rs::integer()}, {"forgotten", rs::integer()}, {"remaining", rs::integer()},
                    {"downloads_for_hash", rs::integer()}, {"warnings", rs::list(rs::any())}}));

  c.add(readOp("sync.status", "Toestand van de syncdoelen: vergrendeling, conflicten, laatste runs",
               {{"target", "string", false, "enkel dit doel"}},
               [](store::Database& db, const JsonObject& in) {
                 Reader r(in, "sync");
                 if (auto t = r.optStr("target")) return sync::targetStatus(db, *t);
                 auto out = newObject();
                 auto arr = newArray();
                 for (const auto& t : sync::knownTargets(db)) arr->add(sync::targetStatus(db, t));
                 out->set("targets", arr);
                 return out;
               },
               sync::statusText),
        rs::object({}, {{"targets", rs::list(targetStatus())}, {"target", rs::text()}, {"locked", rs::boolean()},
                        {"error", rs::text()}, {"paths", rs::integer()}, {"counts", rs::object({})},
                        {"attention", rs::list(rs::object({{"path", rs::text()}, {"status", rs::text()}}))},
                        {"runs", rs::list(rs::any())}}));
}

}  // namespace igsgov::ops
