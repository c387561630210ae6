#include "sync/SyncState.hpp"

#include "core/Error.hpp"

namespace igsgov::sync {

namespace {

store::Value opt(const std::string& s) { return s.empty() ? store::Value{} : store::Value{s}; }

}  // namespace

bool PathState::sameAs(const PathState& o) const {
  return path == o.path && kind == o.kind && etag == o.etag && sha256 == o.sha256 && size == o.size &&
         item == o.item && version == o.version && status == o.status && conflictPath == o.conflictPath &&
         conflictRemoteSha == o.conflictRemoteSha && conflictLocalSha == o.conflictLocalSha;
}

std::map<std::string, PathState> loadStates(store::Database& db, const std::string& target) {
  std::map<std::string, PathState> out;
  auto& st = db.cached(
      "SELECT row_id, path, kind, etag, sha256, size, item, version, status, conflict_path, conflict_remote_sha256, "
      "conflict_local_sha256, run_id FROM sync_state WHERE target = ? AND rec_to IS NULL");
  st.reset();
  st.bind(1, target);
  while (st.step()) {
    PathState s;
    s.rowId = st.integer(0);
    s.path = st.text(1);
    s.kind = st.text(2);
    s.etag = st.text(3);
    s.sha256 = st.text(4);
    s.size = static_cast<std::uint64_t>(st.integer(5));
    s.item = st.text(6);
    s.version = st.text(7);
    s.status = st.text(8);
    s.conflictPath = st.text(9);
    s.conflictRemoteSha = st.text(10);
    s.conflictLocalSha = st.text(11);
    s.runId = st.text(12);
    out.emplace(s.path, std::move(s));
  }
  st.reset();
  return out;
}

void putState(records::Writer& w, const std::string& target, const PathState* previous, const PathState& next) {
  if (previous && previous->rowId) w.journal().closeRow("sync_state", previous->rowId);
  w.journal().insertRow("sync_state", {{"target", target},
                                       {"path", next.path},
                                       {"kind", next.kind},
                                       {"etag", next.etag},
                                       {"sha256", next.sha256},
                                       {"size", static_cast<long long>(next.size)},
                                       {"item", opt(next.item)},
                                       {"version", opt(next.version)},
                                       {"status", next.status},
                                       {"conflict_path", opt(next.conflictPath)},
                                       {"conflict_remote_sha256", opt(next.conflictRemoteSha)},
                                       {"conflict_local_sha256", opt(next.conflictLocalSha)},
                                       {"run_id", next.runId},
                                       {"rec_from", w.at()},
                                       {"jseq", w.journal().seq()}});
}

void dropState(records::Writer& w, const PathState& previous) {
  if (previous.rowId) w.journal().closeRow("sync_state", previous.rowId);
}

std::map<std::string, std::vector<Intent>> loadIntents(store::Database& db, const std::string& target) {
  std::map<std::string, std::vector<Intent>> out;
  auto& st = db.cached(
      "SELECT row_id, path, kind, sha256, size, item, version FROM sync_intent WHERE target = ? AND rec_to IS NULL "
      "ORDER BY row_id");
  st.reset();
  st.bind(1, target);
  while (st.step()) {
    Intent i{{st.text(1), st.text(2), st.text(3), static_cast<std::uint64_t>(st.integer(4)), st.text(5), st.text(6)},
             st.integer(0)};
    out[i.path].push_back(std::move(i));
  }
  st.reset();
  return out;
}

void putIntent(records::Writer& w, const std::string& target, const Intent& intent, const std::string& runId) {
  w.journal().insertRow("sync_intent", {{"target", target},
                                        {"path", intent.path},
                                        {"kind", intent.kind},
                                        {"sha256", intent.sha256},
                                        {"size", static_cast<long long>(intent.size)},
                                        {"item", opt(intent.item)},
                                        {"version", opt(intent.version)},
                                        {"run_id", runId},
                                        {"rec_from", w.at()},
                                        {"jseq", w.journal().seq()}});
}

void closeIntent(records::Writer& w, const std::string& target, const std::string& path) {
  auto& st = w.db().cached("SELECT row_id FROM sync_intent WHERE target = ? AND path = ? AND rec_to IS NULL");
  st.reset();
  st.bind(1, target);
  st.bind(2, path);
  std::vector<long long> rows;
  while (st.step()) rows.push_back(st.integer(0));
  st.reset();
  for (long long rowId : rows) w.journal().closeRow("sync_intent", rowId);
}

std::map<std::string, MtimeRecord> loadMtimes(store::Database& db, const std::string& target) {
  std::map<std::string, MtimeRecord> out;
  auto& st = db.cached("SELECT row_id, path, etag, size, mtime, seen_at FROM sync_mtime WHERE target = ? AND rec_to IS NULL");
  st.reset();
  st.bind(1, target);
  while (st.step()) {
    MtimeRecord m{st.integer(0), st.text(1), st.text(2), static_cast<std::uint64_t>(st.integer(3)), st.integer(4),
                  st.integer(5)};
    out.emplace(m.path, std::move(m));
  }
  st.reset();
  return out;
}

void putMtime(records::Writer& w, const std::string& target, const MtimeRecord* previous, const MtimeRecord& next,
              const std::string& runId) {
  if (previous && previous->rowId) w.journal().closeRow("sync_mtime", previous->rowId);
  w.journal().insertRow("sync_mtime", {{"target", target},
                                       {"path", next.path},
                                       {"etag", next.etag},
                                       {"size", static_cast<long long>(next.size)},
                                       {"mtime", static_cast<long long>(next.mtime)},
                                       {"seen_at", static_cast<long long>(next.seenAt)},
                                       {"run_id", runId},
                                       {"rec_from", w.at()},
                                       {"jseq", w.journal().seq()}});
}

std::optional<TargetHealth> health(store::Database& db, const std::string& target) {
  auto& st = db.cached("SELECT row_id, locked, error, run_id, rec_from FROM sync_target WHERE target = ? AND rec_to IS NULL");
  st.reset();
  st.bind(1, target);
  std::optional<TargetHealth> out;
  if (st.step()) out = TargetHealth{st.integer(0), st.integer(1) != 0, st.text(2), st.text(3), st.text(4)};
  st.reset();
  return out;
}

void setHealth(records::Writer& w, const std::string& target, bool locked, const std::string& error,
               const std::string& runId) {
  if (auto h = health(w.db(), target)) w.journal().closeRow("sync_target", h->rowId);
  w.journal().insertRow("sync_target", {{"target", target},
                                        {"locked", locked ? 1LL : 0LL},
                                        {"error", opt(error)},
                                        {"run_id", opt(runId)},
                                        {"rec_from", w.at()},
                                        {"jseq", w.journal().seq()}});
}

std::vector<RunRecord> runs(store::Database& db, const std::string& target, bool currentOnly, int limit) {
  std::string sql =
      "SELECT row_id, id, target, status, message, started, rec_from, planned, done, conflicts FROM sync_run "
      "WHERE target = ?";
  if (currentOnly) sql += " AND rec_to IS NULL";
  sql += " ORDER BY row_id DESC LIMIT " + std::to_string(limit);
  auto st = db.prepare(sql);
  st.bind(1, target);
  std::vector<RunRecord> out;
  while (st.step()) {
    RunRecord r;
    r.rowId = st.integer(0);
    r.id = st.text(1);
    r.target = st.text(2);
    r.status = st.text(3);
    r.message = st.text(4);
    r.started = st.text(5);
    r.recorded = st.text(6);
    r.planned = st.integer(7);
    r.done = st.integer(8);
    r.conflicts = st.integer(9);
    out.push_back(std::move(r));
  }
  return out;
}

void runStart(records::Writer& w, const RunRecord& run) {
  w.journal().insertRow("sync_run", {{"id", run.id},
                                     {"target", run.target},
                                     {"status", std::string("running")},
                                     {"planned", run.planned},
                                     {"done", 0LL},
                                     {"conflicts", 0LL},
                                     {"message", store::Value{}},
                                     {"started", w.at()},
                                     {"rec_from", w.at()},
                                     {"jseq", w.journal().seq()}});
}

void runUpdate(records::Writer& w, const std::string& runId, const std::string& status, long long done,
               long long conflicts, const std::string& message) {
  auto st = w.db().prepare(
      "SELECT row_id, target, planned, started FROM sync_run WHERE id = ? AND rec_to IS NULL");
  st.bind(1, runId);
  if (!st.step()) throw Error(ErrorCode::internal, "onbekende syncrun '" + runId + "'");
  long long rowId = st.integer(0);
  std::string target = st.text(1);
  long long planned = st.integer(2);
  std::string started = st.text(3);
  st.reset();
  w.journal().closeRow("sync_run", rowId);
  w.journal().insertRow("sync_run", {{"id", runId},
                                     {"target", target},
                                     {"status", status},
                                     {"planned", planned},
                                     {"done", done},
                                     {"conflicts", conflicts},
                                     {"message", opt(message)},
                                     {"started", started},
                                     {"rec_from", w.at()},
                                     {"jseq", w.journal().seq()}});
}

std::vector<std::string> knownTargets(store::Database& db) {
  auto st = db.prepare(
      "SELECT target FROM sync_state UNION SELECT target FROM sync_run UNION SELECT target FROM sync_target ORDER BY 1");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

}  // namespace igsgov::sync
