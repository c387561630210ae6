#include "sync/Plan.hpp"

#include "core/Sha256.hpp"
#include "sync/Conflicts.hpp"

#include <algorithm>

namespace igsgov::sync {

const char* actionName(ActionType t) {
  switch (t) {
    case ActionType::create: return "create";
    case ActionType::update: return "update";
    case ActionType::restore: return "restore";
    case ActionType::adopt: return "adopt";
    case ActionType::conflict: return "conflict";
    case ActionType::remoteChanged: return "remote_changed";
    case ActionType::remove: return "delete";
    case ActionType::forget: return "forget";
  }
  return "?";
}

std::string actionDutch(ActionType t) {
  switch (t) {
    case ActionType::create: return "nieuw";
    case ActionType::update: return "bijwerken";
    case ActionType::restore: return "herstellen (verdwenen op het doel)";
    case ActionType::adopt: return "al aanwezig, toestand vastleggen";
    case ActionType::conflict: return "CONFLICT: beide kanten gewijzigd, beide bewaard";
    case ActionType::remoteChanged: return "gewijzigd op het doel, niet overschreven";
    case ActionType::remove: return "verwijderen (niet meer in het register)";
    case ActionType::forget: return "niet meer volgen (weg of gewijzigd op het doel)";
  }
  return "?";
}

bool Action::transfers() const {
  return type == ActionType::create || type == ActionType::update || type == ActionType::restore;
}

Desired sidecarDesired(const std::string& docPath, const Description& d, std::string text) {
  Desired sc;
  sc.path = docPath + ".igsgov.json";
  sc.kind = "sidecar";
  sc.item = d.item;
  sc.version = d.version;
  sc.literal = std::move(text);
  sc.sha256 = sha256Hex(sc.literal);
  sc.size = sc.literal.size();
  return sc;
}

std::string conflictName(const std::string& path, const std::string& sha) {
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  std::string stem = (dot == std::string::npos || dot == 0) ? name : name.substr(0, dot);
  std::string ext = (dot == std::string::npos || dot == 0) ? "" : name.substr(dot);
  return dir + stem + ".conflict-" + sha.substr(0, 8) + ext;
}

std::vector<Action> decideAll(std::map<std::string, Desired>& desired, const std::map<std::string, PathState>& states,
                              const std::set<std::string>& intentPaths,
                              const std::map<std::string, adapters::Entry>& remote, const RemoteHash& remoteHash) {
  std::vector<Action> plan;
  std::set<std::string> decided;
  auto find = [](const auto& m, const std::string& p) { auto i = m.find(p); return i == m.end() ? nullptr : &i->second; };
  // Decides `p`; then, for a wanted path, adds what its conflict (if any) wants on the target.
  auto decidePath = [&](const std::string& p) {
    if (!decided.insert(p).second) return;
    const Desired* d = find(desired, p);
    const PathState* s = find(states, p);
    const adapters::Entry* r = find(remote, p);
    auto a = decide(p, d, s, r, remoteHash);
    if (a) plan.push_back(std::move(*a));
    if (d) addConflictPaths(desired, p, a ? &plan.back() : nullptr, s, r);
  };
  std::vector<std::string> documents, sidecars;
  for (const auto& [p, d] : desired) (d.kind == "sidecar" ? sidecars : documents).push_back(p);
  for (const auto& p : documents) decidePath(p);
  for (const auto& p : sidecars) decidePath(p);  // after their documents: a conflict rewrites them
  std::vector<std::string> rest;  // conflict copies, and what is recorded or intended but not wanted
  for (const auto& [p, _] : desired) rest.push_back(p);
  for (const auto& [p, s] : states)
    if (s.kind != "pull") rest.push_back(p);
  rest.insert(rest.end(), intentPaths.begin(), intentPaths.end());
  for (const auto& p : rest) decidePath(p);
  std::stable_sort(plan.begin(), plan.end(), [](const Action& x, const Action& y) { return x.path < y.path; });
  return plan;
}

std::optional<PathState> stateAfter(const Action& a, const adapters::Entry* written, const std::string& runId) {
  const PathState* prev = a.base ? &*a.base : nullptr;
  PathState next;
  switch (a.type) {
    case ActionType::remove:
    case ActionType::forget:
      return std::nullopt;
    case ActionType::conflict:
    case ActionType::remoteChanged:
      // The base stays the last common content; the conflict fields say what differs and where ours is.
      if (prev) next = *prev;
      if (!prev) next.etag = "", next.sha256 = "", next.size = 0;
      next.status = a.type == ActionType::conflict ? "conflict" : "remote_changed";
      next.conflictRemoteSha = a.remoteSha;
      next.conflictLocalSha = a.type == ActionType::conflict ? a.desired->sha256 : "";
      next.conflictPath = a.type == ActionType::conflict ? a.conflictPath : "";
      break;
    case ActionType::create:
    case ActionType::update:
    case ActionType::restore:
      next.etag = written->etag;
      next.size = written->size;
      next.sha256 = a.desired->sha256;
      next.conflictPath = a.desired->copyOf;  // a conflict copy remembers whose it is
      break;
    case ActionType::adopt:
      next.etag = a.remote->etag;
      next.size = a.remote->size;
      next.sha256 = a.desired->sha256;
      next.conflictPath = a.desired->copyOf;
      break;
  }
  next.rowId = 0;
  next.unrecorded = false;
  next.path = a.path;
  next.runId = runId;
  next.kind = a.desired->kind;
  next.item = a.desired->item;
  next.version = a.desired->version;
  return next;
}

std::string knownRemoteHash(const adapters::Entry& remote, const PathState* base) {
  if (!remote.sha256.empty()) return remote.sha256;
  if (base && !base->etag.empty() && !remote.weakEtag && remote.etag == base->etag && remote.size == base->size &&
      !base->sha256.empty())
    return base->sha256;
  return "";
}

std::optional<Action> decide(const std::string& path, const Desired* d, const PathState* s, const adapters::Entry* r,
                             const RemoteHash& remoteHash) {
  auto make = [&](ActionType t) {
    Action a{t, path, {}, {}, {}, {}, {}};
    if (d) a.desired = *d;
    if (s) a.base = *s;
    if (r) a.remote = *r;
    return a;
  };
  auto hashOf = [&]() { return remoteHash(*r, s); };

  if (!d) {
    if (!s) return std::nullopt;
    if (!r || r->isDir) return make(ActionType::forget);
    std::string h = hashOf();
    Action a = make(h == s->sha256 ? ActionType::remove : ActionType::forget);
    a.remoteSha = h;
    return a;
  }
  if (r && r->isDir) {
    // A folder where our file belongs: a conflict we cannot resolve by naming alone.
    if (s && s->status == "conflict" && s->conflictRemoteSha == "folder" && s->conflictLocalSha == d->sha256)
      return std::nullopt;
    Action a = make(ActionType::conflict);
    a.remoteSha = "folder";
    if (d->copyOf.empty()) a.conflictPath = conflictName(path, d->sha256);
    return a;
  }
  if (!r) return make(s ? ActionType::restore : ActionType::create);

  std::string h = hashOf();
  // The copy of ours is a wanted path of its own while the conflict lasts (Conflicts.hpp).
  auto conflict = [&]() -> std::optional<Action> {
    if (s && s->status == "conflict" && s->conflictRemoteSha == h && s->conflictLocalSha == d->sha256)
      return std::nullopt;
    Action a = make(ActionType::conflict);
    a.remoteSha = h;
    if (d->copyOf.empty()) a.conflictPath = conflictName(path, d->sha256);
    return a;
  };

  if (h == d->sha256) {
    // The target holds exactly what we want: record it (unless already recorded).
    if (s && !s->unrecorded && s->status == "synced" && s->sha256 == h && s->etag == r->etag && s->size == r->size &&
        s->item == d->item && s->version == d->version && s->kind == d->kind && s->conflictPath == d->copyOf)
      return std::nullopt;
    Action a = make(ActionType::adopt);
    a.remoteSha = h;
    return a;
  }
  if (!s) return conflict();  // an unknown file with other content is in the way
  if (h == s->sha256) {
    Action a = make(ActionType::update);
    a.remoteSha = h;
    return a;
  }
  // The target changed since the last sync.
  if (d->sha256 == s->sha256) {
    if (s->status == "remote_changed" && s->conflictRemoteSha == h) return std::nullopt;
    Action a = make(ActionType::remoteChanged);
    a.remoteSha = h;
    return a;
  }
  return conflict();
}

}  // namespace igsgov::sync
