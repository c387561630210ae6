// Engine: runs one sync target: pushes the register's files (from its Sources) to the
// target's adapter and pulls new files from its inbox. The algorithm, step by step, is in
// docs/dev/sync.md ("A run, step by step"); in short, run():
//   - refuses when the target is locked after a critical error (Error(conflict) naming
//     'igsgov sync resync --target NAME') and marks a run still 'running' as interrupted;
//   - collect(): lists the sources (mapping, sidecars, name clashes: Error(invalid)), lists the
//     target's folders and decides every path (Plan.hpp);
//   - refuses more deletions than max_delete (critical: the target is locked, nothing changes);
//   - dry run: returns the plan and changes nothing;
//   - execute(): batches, each recorded by ONE journal entry that holds exactly the actions
//     carried out (EngineExecute.cpp); write-ahead intents make a crash between a transfer and
//     its entry repairable by the next run;
//   - records trusted mtimes (costly-etag backends), then pulls the inbox (Inbox.hpp).
// Errors: a failed precondition skips that path (reported under `problems`); denied,
// integrity, invalid, unsupported and internal are CRITICAL (target locked, run failed); io
// ends the run as failed after recording what was carried out (run again to resume).
// Thread safety: one Engine per run, used from one thread (its adapter may use more).
// Ownership: the Engine owns its adapter and sources; the Register is borrowed and must
// outlive it.
#pragma once

#include "adapters/common/Adapter.hpp"
#include "records/Register.hpp"
#include "sync/Inbox.hpp"
#include "sync/Plan.hpp"
#include "sync/Source.hpp"
#include "sync/TargetConfig.hpp"

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::sync {

struct RunOptions {
  bool dryRun = false;
  std::optional<long long> maxDelete;  // overrides the target's max_delete for this run
  std::ostream* progress = nullptr;    // a progress line on long runs (the CLI passes stderr)
  std::string actor = "igsgov";
  std::string reason;
};

class Engine {
public:
  Engine(records::Register& reg, TargetConfig target, std::unique_ptr<adapters::Adapter> adapter,
         std::vector<std::unique_ptr<Source>> sources, std::unique_ptr<InboxSink> inbox = nullptr);
  ~Engine();

  JsonObject run(const RunOptions& options);
  // After a critical error: unlocks the target and re-reads the target by
  // content (no etag trusted): adopts files that hold what the register wants,
  // forgets paths that are gone. Transfers nothing. One journal entry.
  JsonObject resync(const RunOptions& options);

private:
  struct Collected;
  Collected collect(bool trustEtags);
  // Open upload intents whose content the target holds become the paths' base (PathState::unrecorded).
  void adoptIntents(Collected& c, const RemoteHash& remoteHash);
  std::map<std::string, Desired> desired();
  // Decides from a listing without etags (relative paths) whether the folder needs no etag
  // listing; when it returns true it has filled the etags the plan needs.
  using CleanFolder = std::function<bool(const std::string& dir, std::map<std::string, adapters::Entry>& entries)>;
  std::map<std::string, adapters::Entry> listRemote(const std::set<std::string>& dirs, const CleanFolder& clean);
  // On backends with costly etags: after a run that changed the target or could
  // not trust a folder's mtimes, one etag listing per such folder (once the
  // server's clock has passed the newest mtime) records the mtimes later runs may trust.
  void recordMtimes(const std::set<std::string>& dirs, const RunOptions& options, const std::string& runId);
  std::string remotePath(const std::string& path) const;
  std::string hashRemote(const adapters::Entry& e);
  // What an upload of `d` reads: its file, its literal bytes, or its source's bytes(db)
  // through a register read connection of the uploading worker; checked against d.sha256.
  std::shared_ptr<const adapters::Content> contentOf(const Desired& d);
  // execute and its steps (EngineExecute.cpp): one batch after the other, see the top of that file.
  struct Execution;
  struct Batch;
  JsonObject execute(std::vector<Action>& plan, const RunOptions& options, const std::string& runId, JsonObject out);
  std::size_t batchEnd(const std::vector<Action>& plan, std::size_t from) const;
  void recordIntents(Execution& x, const std::vector<Action>& plan, const Batch& b);
  void upload(Execution& x, const std::vector<Action>& plan, Batch& b);
  void removeFiles(Execution& x, const std::vector<Action>& plan, Batch& b);
  void recordBatch(Execution& x, const std::vector<Action>& plan, const Batch& b);
  JsonObject finish(const Execution& x, std::size_t planned, JsonObject out);
  void pull(const RunOptions& options, const std::string& runId, JsonObject out);
  // Sets the properties of the actions' files that get no upload (idempotent): adopted
  // documents (a killed run's upload found through its intent, or the target already held our
  // bytes) may never have had theirs; the target's own file at a path in conflict or changed
  // there gets properties describing its bytes (Conflicts.hpp). A failure is added to
  // `warnings`, the file stands. Only where the adapter keeps properties.
  void setPropertiesInPlace(std::vector<Action>::const_iterator from, std::vector<Action>::const_iterator to,
                            JsonArray warnings);
  [[noreturn]] void critical(const std::string& runId, const Error& e, const RunOptions& options);

  records::Register& reg_;
  TargetConfig target_;
  std::unique_ptr<adapters::Adapter> adapter_;
  std::vector<std::unique_ptr<Source>> sources_;
  std::unique_ptr<InboxSink> inbox_;
  std::string prefix_;  // target root + "/" or ""
  long long downloads_ = 0;
};

// The state the register keeps for a target, for 'igsgov sync status'.
JsonObject targetStatus(store::Database& db, const std::string& target);
std::string statusText(const JsonObject& out);
std::string runText(const JsonObject& out);

}  // namespace igsgov::sync
