// Engine: runs one sync target: pushes the register's files (from its
// Sources) to the target's adapter, and pulls new files from its inbox.
//
// A run:
//   1. refuses to start when the target is locked after a critical error
//      (Error(conflict) naming 'igsgov sync resync --target NAME'); marks a
//      run the register still shows as 'running' as interrupted;
//   2. lists the sources, applies the target's mapping, adds sidecars, and
//      refuses paths that clash in case or Unicode form (Error(invalid));
//   3. lists the needed folders of the target once (PROPFIND depth 1 each),
//      decides every path (Plan.hpp), downloading only files whose content
//      cannot be known from the adapter's hash or an unchanged strong etag.
//      On adapters with costly etags (capabilities().costlyEtags: Apache
//      FileETag Digest hashes every file to answer) a folder is listed
//      without etags first; when every path of interest in it is synced,
//      wanted as recorded, without open intent, and shows the size and the
//      TRUSTED mtime (sync_mtime, 0009) recorded for its synced etag, the
//      synced etags are taken; otherwise the folder is listed with etags;
//   3b. (after step 6, costly etags only) each folder listed with etags or
//      missing, holding at most 16 MiB of synced files, gets one more etag listing once the server's clock has passed
//      its newest mtime (polls, at most ~3 s); paths whose etag and size are
//      the synced state's and whose mtime is older than that listing's Date
//      get their mtime recorded (one journal entry). An mtime recorded in the
//      same second as the content it vouches for is never trusted, so a
//      same-size write in that second cannot hide behind it;
//   4. applies the max-delete guard (more deletions than allowed is a
//      critical error: the target is locked, nothing is changed);
//   5. dry run: returns the plan and changes nothing;
//   6. otherwise executes the plan in batches: transfers in parallel
//      (putMany), preconditions on every write, then ONE journal entry per
//      batch with the batch's actions as input and the new sync_state rows as
//      effects. Before a batch's uploads, one entry records an intent per
//      upload (path, SHA-256, size; write-ahead). A crash between a transfer
//      and its journal entry is repaired by the next run: a target file that
//      holds an open intent's hash was written by us and becomes the path's
//      base, so a later register edit is an update and a removal a delete
//      (never a conflict or a forgotten file); other open intents are closed.
//   7. pulls the inbox (Inbox.hpp), one journal entry per imported file.
// Errors during execution: a failed precondition (conflict/notFound: someone
// changed the file meanwhile) skips that path and is reported; denied,
// integrity (bytes not matching their hash) and invalid are CRITICAL: the
// target is locked and the run fails; io ends the run as failed after
// recording what succeeded (rerun to resume).
// Thread safety: one Engine per run, used from one thread (its adapter may use
// more). Ownership: the Engine owns its adapter and sources; the Register is
// borrowed and must outlive it.
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
  JsonObject execute(std::vector<Action>& plan, const RunOptions& options, const std::string& runId, JsonObject out);
  void pull(const RunOptions& options, const std::string& runId, JsonObject out);
  // Adopted documents (a killed run's upload found through its intent, or the target already
  // held our bytes) may never have had their properties: sets them (idempotent); a failure
  // is added to `warnings`, the document stands. Only where the adapter keeps properties.
  void setAdoptedProperties(std::vector<Action>::const_iterator from, std::vector<Action>::const_iterator to,
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
