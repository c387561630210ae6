// Plan: the three-way decision per path between what the register wants on a
// target (Desired), what was synced there last (PathState, the base) and what
// the target holds now (adapters::Entry). Pure logic: the only outside call is
// `remoteHash`, which the engine implements by the adapter's hash, the stored
// hash when the server's STRONG etag and size are unchanged, or a GET + SHA-256.
//
// Rules (docs/dev/sync.md has the full table):
//   - "changed" is decided by content hash, never by size or time;
//   - the target holds what we want (any history) -> only the state is recorded;
//   - only the register changed -> update with ifMatch(base etag, base hash);
//   - only the target changed -> left alone, reported (remote_changed);
//   - both changed, or an unknown file is in the way -> conflict: the target's
//     file stays, ours goes next to it as "<stem>.conflict-<sha8><ext>", reported
//     (the copy is a wanted path of its own while the conflict lasts, Conflicts.hpp);
//   - an item gone from the register -> delete only if the target still holds
//     exactly what we synced (ifMatch), else just forget the path;
//   - a file deleted on the target while the register still has it -> restored.
// A path whose state already records the same conflict / remote change yields
// no action, so re-running a finished plan is a no-op.
// Thread safety: pure functions. Failure: whatever remoteHash throws.
#pragma once

#include "adapters/common/Adapter.hpp"
#include "sync/Sidecar.hpp"
#include "sync/SyncState.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::sync {

struct Desired : FileFacts {
  std::string literal;   // the bytes when known already (sidecars)
  std::string file;      // otherwise a local file, streamed by the upload
  std::function<std::string(store::Database&)> bytes;  // or read through the source
  std::map<std::string, std::string> properties;  // set on the uploaded file where the adapter keeps
                                                  // properties (pushed documents: the sidecar's facts)
  std::shared_ptr<const Description> description;  // pushed documents: what the register says (Sidecar.hpp)
  std::string sidecarPath;  // pushed documents with a sidecar: its path
  std::string copyOf;       // a conflict copy, or its sidecar: the path whose conflict put it there
};

// The sidecar of the document at `docPath`, holding `text` (Sidecar.hpp).
Desired sidecarDesired(const std::string& docPath, const Description& d, std::string text);

enum class ActionType { create, update, restore, adopt, conflict, remoteChanged, remove, forget };
const char* actionName(ActionType t);     // machine name: create, update, ...
std::string actionDutch(ActionType t);    // for the plan text: "nieuw", "bijwerken", ...

struct Action {
  ActionType type;
  std::string path;
  std::optional<Desired> desired;
  std::optional<PathState> base;          // the stored state, when any
  std::optional<adapters::Entry> remote;  // the target's entry, when any
  std::string remoteSha;                  // when it was needed for the decision
  std::string conflictPath;               // conflict: where ours goes ("" for a conflict copy's own conflict)

  bool transfers() const;                 // a put is needed (create, update, restore)
};

using RemoteHash = std::function<std::string(const adapters::Entry&, const PathState* base)>;

// The conflict name of `path` for content `sha`: "a/b.docx" -> "a/b.conflict-1234abcd.docx".
std::string conflictName(const std::string& path, const std::string& sha);

// Decides one path; nullopt when nothing is to be done. A conflict of a conflict copy (someone
// else's file where our copy should go) gets no copy of its own.
std::optional<Action> decide(const std::string& path, const Desired* desired, const PathState* base,
                             const adapters::Entry* remote, const RemoteHash& remoteHash);

// Decides every path of interest: the wanted ones (`desired`, which conflicts extend: their
// copies, and their documents' sidecars describing the target's file, Conflicts.hpp), the
// recorded ones (`states`; pull states excluded) and those with open intents. Documents first,
// then their sidecars, then the rest; the plan is sorted by path.
std::vector<Action> decideAll(std::map<std::string, Desired>& desired, const std::map<std::string, PathState>& states,
                              const std::set<std::string>& intentPaths,
                              const std::map<std::string, adapters::Entry>& remote, const RemoteHash& remoteHash);

// The state `a.path` has once `a` is done, recorded by run `runId`; nullopt when the path is no
// longer tracked (delete, forget). `written` is the target's entry after an upload (create,
// update, restore), else unused.
std::optional<PathState> stateAfter(const Action& a, const adapters::Entry* written, const std::string& runId);

// The hash of a remote entry without a download when that is sound: the
// adapter's own hash, or the base's hash when the strong etag and size are
// unchanged. "" when a download is needed.
std::string knownRemoteHash(const adapters::Entry& remote, const PathState* base);

}  // namespace igsgov::sync
