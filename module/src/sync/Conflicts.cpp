#include "sync/Conflicts.hpp"

namespace igsgov::sync {

std::optional<Theirs> theirsAt(const Action* a, const PathState* s, const adapters::Entry* r) {
  Theirs t;
  if (a) {
    if (a->type != ActionType::conflict && a->type != ActionType::remoteChanged) return std::nullopt;
    t.status = a->type == ActionType::conflict ? "conflict" : "remote_changed";
    t.folder = a->remote && a->remote->isDir;
    t.copyPath = a->conflictPath;
    if (!t.folder) {
      t.sha256 = a->remoteSha;
      t.size = a->remote ? a->remote->size : 0;
    }
    return t;
  }
  if (!s || !r || (s->status != "conflict" && s->status != "remote_changed")) return std::nullopt;
  t.status = s->status;
  t.folder = r->isDir;
  t.copyPath = s->conflictPath;
  if (!t.folder) {
    t.sha256 = s->conflictRemoteSha;
    t.size = r->size;
  }
  return t;
}

void addConflictPaths(std::map<std::string, Desired>& desired, const std::string& path, const Action* action,
                      const PathState* state, const adapters::Entry* remote) {
  auto it = desired.find(path);
  if (it == desired.end() || !it->second.copyOf.empty()) return;
  auto t = theirsAt(action, state, remote);
  if (!t) return;
  const Desired d = it->second;  // a copy: `desired` changes below
  if (!t->copyPath.empty()) {
    Desired copy = d;
    copy.path = t->copyPath;
    copy.copyOf = path;
    copy.sidecarPath.clear();
    if (d.description && !d.sidecarPath.empty()) {
      Desired sc = sidecarDesired(copy.path, *d.description, sidecarText(*d.description, copy.path));
      sc.copyOf = path;
      copy.sidecarPath = sc.path;
      desired.emplace(sc.path, std::move(sc));
    }
    desired.emplace(copy.path, std::move(copy));
  }
  if (d.description && !d.sidecarPath.empty())
    desired[d.sidecarPath] = sidecarDesired(path, *d.description, sidecarText(*d.description, path, *t));
}

std::map<std::string, std::string> theirProperties(const Action& a) {
  if (!a.desired || !a.desired->description || !a.desired->copyOf.empty()) return {};
  auto t = theirsAt(&a, nullptr, nullptr);
  if (!t || t->folder) return {};
  return propertiesOf(*a.desired->description, *t);
}

}  // namespace igsgov::sync
