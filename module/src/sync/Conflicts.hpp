// Conflicts: what a path in conflict (both sides changed) or changed on the target only puts
// on the target besides its own decision (Plan.hpp decides that):
//   - the target's file stays where it is; its sidecar and its properties describe ITS bytes
//     (Sidecar.hpp, Theirs): the document's sidecar is rewritten accordingly;
//   - in a conflict, the register's version goes beside it as the conflict copy
//     "<stem>.conflict-<sha8><ext>", with a sidecar of its own that describes the copy. The copy
//     and its sidecar are wanted paths (Desired::copyOf names the path in conflict), planned,
//     uploaded and recorded like any other;
//   - they are wanted only while the conflict lasts. Once the path is resolved (the target
//     holds the register's version, the register takes the target's, or the register moves on
//     to yet another version: a new copy), or leaves the register, the old copy is no longer
//     wanted and the ordinary rules apply: deleted when it still holds what we put there
//     (ifMatch), left alone and forgotten when someone changed it. Removing copies does not
//     count for max_delete.
// A copy never gets a copy of its own (a conflict at a copy's path is reported, nothing more).
// Thread safety: pure functions.
#pragma once

#include "sync/Plan.hpp"

#include <map>
#include <optional>
#include <string>

namespace igsgov::sync {

// The target's file at a wanted path, when it is in conflict or changed on the target: from
// the path's action (this run found it) or, when there is none, its recorded state (an
// earlier run did and nothing changed since). nullopt when the path is not in that state
// (any other action ends a recorded conflict).
std::optional<Theirs> theirsAt(const Action* action, const PathState* state, const adapters::Entry* remote);

// After `path` (wanted) was decided (`action`, null for nothing to do): adds its conflict copy
// and the copy's sidecar to `desired`, and rewrites the path's sidecar to describe the
// target's file, as far as its conflict requires. Nothing for a path that is not in conflict
// or changed on the target, nor for a conflict copy.
void addConflictPaths(std::map<std::string, Desired>& desired, const std::string& path, const Action* action,
                      const PathState* state, const adapters::Entry* remote);

// The properties `a` writes on the target's file at its path when that is in conflict or
// changed on the target (a conflict or remote_changed action of a document); {} otherwise.
std::map<std::string, std::string> theirProperties(const Action& a);

}  // namespace igsgov::sync
