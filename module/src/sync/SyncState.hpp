// SyncState: the register's memory of every target (tables of 0007_sync.sql,
// 0008_sync_intent.sql and 0009_sync_mtime.sql): per target and path the last synced state, the
// upload intents (write-ahead, see 0008), the run journal, and the target's
// health (locked after a critical error).
//
// All writes go through a records::Writer (journaled, inside the caller's
// transaction); rows are never updated except closing rec_to, so the history
// of every path stays in the register. Reads take the Database under the
// Register's lock. Not thread-safe (the Register serialises).
// Failure: store errors propagate as Error(io/integrity) from the store layer.
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::sync {

struct PathState {
  long long rowId = 0;  // 0 for a state not stored yet
  std::string path;
  std::string kind;     // push | sidecar | pull
  std::string etag;
  std::string sha256;   // of the last common content
  std::uint64_t size = 0;
  std::string item;
  std::string version;
  std::string status = "synced";  // synced | conflict | remote_changed
  // status conflict: where ours was put (the conflict copy). On a synced conflict copy (or its
  // sidecar): the path whose conflict put it there (Conflicts.hpp).
  std::string conflictPath;
  std::string conflictRemoteSha;
  std::string conflictLocalSha;
  std::string runId;
  // Built from an upload intent a killed run completed but did not record
  // (rowId is then the stored state it replaces, or 0); never read from the store.
  bool unrecorded = false;

  bool isConflictCopy() const { return status == "synced" && !conflictPath.empty(); }
  // Same stored facts (ignores rowId and runId): writing it again would change nothing.
  bool sameAs(const PathState& o) const;
};

// What one file on a target is to hold: where, what kind, which content, for
// which register item and version. What the engine wants there (Desired,
// Plan.hpp) and what it recorded before uploading (Intent) both are these.
struct FileFacts {
  std::string path;
  std::string kind;  // push | sidecar
  std::string sha256;
  std::uint64_t size = 0;
  std::string item;
  std::string version;
};

// A recorded upload intent: `path` was about to receive content `sha256`.
struct Intent : FileFacts {
  long long rowId = 0;
};

// A trusted modification time (0009_sync_mtime.sql): an etag listing at server
// time seenAt showed `path` with etag, size and mtime, mtime < seenAt.
struct MtimeRecord {
  long long rowId = 0;
  std::string path;
  std::string etag;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::int64_t seenAt = 0;
};

struct TargetHealth {
  long long rowId = 0;
  bool locked = false;
  std::string error;
  std::string runId;
  std::string since;  // record time of the row
};

struct RunRecord {
  long long rowId = 0;
  std::string id, target, status, message, started, recorded;
  long long planned = 0, done = 0, conflicts = 0;
};

std::map<std::string, PathState> loadStates(store::Database& db, const std::string& target);
// Closes `previous` (when stored) and inserts `next`.
void putState(records::Writer& w, const std::string& target, const PathState* previous, const PathState& next);
void dropState(records::Writer& w, const PathState& previous);

// The open intents of a target, by path (oldest first; a path may have several:
// a run can die after recording a newer intent but before its upload).
std::map<std::string, std::vector<Intent>> loadIntents(store::Database& db, const std::string& target);
// Records an intent (older open ones of the path stay open until the path is recorded).
void putIntent(records::Writer& w, const std::string& target, const Intent& intent, const std::string& runId);
// Closes every open intent of `path`.
void closeIntent(records::Writer& w, const std::string& target, const std::string& path);

std::map<std::string, MtimeRecord> loadMtimes(store::Database& db, const std::string& target);
// Closes `previous` (when given) and inserts `next`.
void putMtime(records::Writer& w, const std::string& target, const MtimeRecord* previous, const MtimeRecord& next,
              const std::string& runId);

std::optional<TargetHealth> health(store::Database& db, const std::string& target);
void setHealth(records::Writer& w, const std::string& target, bool locked, const std::string& error,
               const std::string& runId);

std::vector<RunRecord> runs(store::Database& db, const std::string& target, bool currentOnly, int limit);
void runStart(records::Writer& w, const RunRecord& run);
void runUpdate(records::Writer& w, const std::string& runId, const std::string& status, long long done,
               long long conflicts, const std::string& message);

// Targets the register knows anything about (state, runs or health).
std::vector<std::string> knownTargets(store::Database& db);

}  // namespace igsgov::sync
