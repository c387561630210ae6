#include "sync/Engine.hpp"

#include "adapters/common/Names.hpp"
#include "adapters/common/RelPath.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "sync/Conflicts.hpp"
#include "sync/EngineSupport.hpp"
#include "sync/Sidecar.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>
#include <thread>

namespace igsgov::sync {

std::string parentOf(const std::string& p) {
  auto s = p.rfind('/');
  return s == std::string::npos ? "" : p.substr(0, s);
}

std::map<std::string, std::string> propertiesWritten(const Action& a) {
  if (a.type == ActionType::conflict || a.type == ActionType::remoteChanged) return theirProperties(a);
  if ((a.transfers() || a.type == ActionType::adopt) && a.desired) return a.desired->properties;
  return {};
}

bool carriesProperties(const Action& a) { return !propertiesWritten(a).empty(); }

JsonObject propertiesWarning(const std::string& path, const Error& e) {
  auto wn = newObject();
  wn->set("path", path);
  wn->set("message", std::string("eigenschappen niet gezet: ") + e.what());
  return wn;
}

namespace {

using Clock = std::chrono::steady_clock;

std::string newRunId(const std::string& target) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
  return target + "-" + std::to_string(us);
}

}  // namespace

struct Engine::Collected {
  std::map<std::string, Desired> desired;
  std::map<std::string, PathState> states;
  std::map<std::string, std::vector<Intent>> intents;  // open upload intents
  std::vector<std::string> staleIntents;  // of those: not found on the target (closed by the run)
  std::map<std::string, adapters::Entry> remote;
  std::vector<Action> plan;
  std::optional<TargetHealth> health;
  std::vector<RunRecord> running;
  std::map<std::string, MtimeRecord> mtimes;  // trusted modification times (0009)
  std::set<std::string> uncleanDirs;  // costly etags: folders the mtimes did not vouch for (or missing)
};

Engine::Engine(records::Register& reg, TargetConfig target, std::unique_ptr<adapters::Adapter> adapter,
               std::vector<std::unique_ptr<Source>> sources, std::unique_ptr<InboxSink> inbox)
    : reg_(reg), target_(std::move(target)), adapter_(std::move(adapter)), sources_(std::move(sources)),
      inbox_(std::move(inbox)) {
  if (!target_.root.empty()) prefix_ = adapters::RelPath::parse(target_.root).str() + "/";
  if (!target_.inbox.empty()) target_.inbox = adapters::RelPath::parse(target_.inbox).str();
}

Engine::~Engine() = default;

std::string Engine::remotePath(const std::string& path) const {
  if (path.empty()) return prefix_.empty() ? "" : prefix_.substr(0, prefix_.size() - 1);
  return prefix_ + path;
}

std::string Engine::hashRemote(const adapters::Entry& e) {
  ++downloads_;
  return sha256Hex(adapter_->get(remotePath(e.path)));
}

std::shared_ptr<const adapters::Content> Engine::contentOf(const Desired& d) {
  if (!d.file.empty()) return adapters::Content::file(d.file, d.size, d.sha256);
  if (!d.bytes) return adapters::Content::bytes(d.literal, d.sha256);
  return adapters::Content::load(d.size, d.sha256, [this, read = d.bytes] {
    std::string bytes;
    reg_.read([&](store::Database& db) {
      bytes = read(db);
      return JsonObject();
    });
    return bytes;
  });
}

std::map<std::string, Desired> Engine::desired() {
  std::map<std::string, Desired> out;
  std::map<std::string, std::string> keys;  // NFC + lower case -> path
  auto add = [&](Desired d, const std::string& what) {
    std::string key = adapters::nameKey(d.path);
    auto [it, fresh] = keys.emplace(key, d.path);
    if (!fresh)
      throwInvalid("twee bestanden krijgen hetzelfde pad (of verschillen enkel in hoofdletters): '" + it->second +
                       "' en '" + d.path + "'",
                   Place().set("part", "doel '" + target_.name + "'").set("record", what));
    out.emplace(d.path, std::move(d));
  };
  reg_.read([&](store::Database& db) {
    for (auto& src : sources_) {
      if (!target_.sources.empty() &&
          std::find(target_.sources.begin(), target_.sources.end(), src->name()) == target_.sources.end())
        continue;
      for (auto& it : src->items(db)) {
        std::string where = "doel '" + target_.name + "', soort '" + it.kind + "'";
        std::string logical = it.path;
        if (auto m = target_.mapping.find(it.kind); m != target_.mapping.end())
          logical = expandPattern(m->second, it.vars, where);
        std::string path;
        try {
          path = adapters::RelPath::parse(logical).str();
          adapters::refuseReserved(adapters::RelPath::parse(path));
        } catch (const Error& e) {
          throwInvalid("ongeldig pad '" + logical + "' voor " + it.item + ": " + e.message(), Place().set("part", where));
        }
        if (!target_.inbox.empty() && (path == target_.inbox || path.rfind(target_.inbox + "/", 0) == 0))
          throwInvalid("pad '" + path + "' ligt in de inbox van het doel", Place().set("part", where));
        auto description = std::make_shared<const Description>(Description::of(it));
        Desired d;
        d.path = path;
        d.kind = "push";
        d.sha256 = it.sha256;
        d.size = it.size;
        d.item = it.item;
        d.version = it.version;
        d.file = it.file;
        d.bytes = it.bytes;
        d.properties = propertiesOf(*description);
        d.description = description;
        if (target_.sidecar) {
          Desired sc = sidecarDesired(path, *description, sidecarText(*description, path));
          d.sidecarPath = sc.path;
          add(std::move(sc), it.item);
        }
        add(std::move(d), it.item);
      }
    }
    return JsonObject();
  });
  return out;
}

std::map<std::string, adapters::Entry> Engine::listRemote(const std::set<std::string>& dirs, const CleanFolder& clean) {
  std::map<std::string, adapters::Entry> out;
  auto relative = [&](std::vector<adapters::Entry>& entries) {
    std::map<std::string, adapters::Entry> m;
    for (auto& e : entries) {
      std::string rel = e.path;
      if (!prefix_.empty()) {
        if (rel.rfind(prefix_, 0) != 0) continue;
        rel = rel.substr(prefix_.size());
      }
      e.path = rel;
      m.emplace(rel, std::move(e));
    }
    return m;
  };
  for (const auto& dir : dirs) {
    std::map<std::string, adapters::Entry> m;
    try {
      // Without etags first when the backend computes them from the content
      // (clean set); a folder it does not vouch for is listed again with etags.
      bool done = false;
      if (clean) {
        auto l = adapter_->listing(remotePath(dir), false);
        m = relative(l.entries);
        done = clean(dir, m);
      }
      if (!done) {
        auto l = adapter_->listing(remotePath(dir), true);
        m = relative(l.entries);
      }
    } catch (const Error& e) {
      if (e.errorCode() == ErrorCode::notFound) continue;
      throw;
    }
    for (auto& [k, v] : m) out.emplace(k, std::move(v));
  }
  return out;
}

Engine::Collected Engine::collect(bool trustEtags) {
  Collected c;
  reg_.read([&](store::Database& db) {
    c.states = loadStates(db, target_.name);
    c.intents = loadIntents(db, target_.name);
    c.health = health(db, target_.name);
    for (auto& r : runs(db, target_.name, true, 1000))
      if (r.status == "running") c.running.push_back(r);
    return JsonObject();
  });
  c.desired = desired();
  std::set<std::string> dirs;
  for (const auto& [p, _] : c.desired) dirs.insert(parentOf(p));
  for (const auto& [p, s] : c.states)
    if (s.kind != "pull") dirs.insert(parentOf(p));
  for (const auto& [p, _] : c.intents) dirs.insert(parentOf(p));
  CleanFolder clean;
  std::set<std::string> cleanDirs;
  if (trustEtags && adapter_->capabilities().costlyEtags) {
    reg_.read([&](store::Database& db) {
      c.mtimes = loadMtimes(db, target_.name);
      return JsonObject();
    });
    // Paths of interest per folder.
    std::map<std::string, std::vector<std::string>> byDir;
    for (const auto& [p, _] : c.desired) byDir[parentOf(p)].push_back(p);
    for (const auto& [p, s] : c.states)
      if (s.kind != "pull" && !c.desired.count(p)) byDir[parentOf(p)].push_back(p);
    for (const auto& [p, _] : c.intents)
      if (!c.desired.count(p) && !c.states.count(p)) byDir[parentOf(p)].push_back(p);
    // A folder is clean when every path of interest in it is synced, wanted as
    // recorded, has no open intent, and shows the size and the trusted mtime
    // recorded for its synced etag; then the entries get that etag.
    clean = [&, byDir](const std::string& dir, std::map<std::string, adapters::Entry>& entries) {
      auto it = byDir.find(dir);
      if (it == byDir.end()) return true;
      bool ok = true;
      for (const auto& p : it->second) {
        auto d = c.desired.find(p);
        auto s = c.states.find(p);
        auto m = c.mtimes.find(p);
        auto r = entries.find(p);
        if (d == c.desired.end() || s == c.states.end() || m == c.mtimes.end() || r == entries.end() ||
            c.intents.count(p)) {
          ok = false;
          break;
        }
        const PathState& st = s->second;
        if (st.unrecorded || st.status != "synced" || st.etag.empty() || st.kind != d->second.kind ||
            st.sha256 != d->second.sha256 || st.item != d->second.item || st.version != d->second.version) {
          ok = false;
          break;
        }
        const adapters::Entry& e = r->second;
        if (e.isDir || e.mtime == 0 || e.size != st.size || m->second.etag != st.etag || m->second.size != st.size ||
            m->second.mtime != e.mtime || m->second.mtime >= m->second.seenAt) {
          ok = false;
          break;
        }
      }
      if (!ok) {
        return false;
      }
      cleanDirs.insert(dir);
      for (const auto& p : it->second) {
        auto& e = entries[p];
        e.etag = c.states[p].etag;
        e.weakEtag = false;
      }
      return true;
    };
  }
  c.remote = listRemote(dirs, clean);
  // Folders listed with etags or missing (to be created) get their mtimes recorded after the run.
  if (clean)
    for (const auto& dir : dirs)
      if (!cleanDirs.count(dir)) c.uncleanDirs.insert(dir);
  RemoteHash remoteHash = [&](const adapters::Entry& e, const PathState* base) {
    if (trustEtags) {
      std::string h = knownRemoteHash(e, base);
      if (!h.empty()) return h;
    }
    return hashRemote(e);
  };
  adoptIntents(c, remoteHash);
  std::set<std::string> intentPaths;
  for (const auto& [p, _] : c.intents) intentPaths.insert(p);
  c.plan = decideAll(c.desired, c.states, intentPaths, c.remote, remoteHash);
  return c;
}

namespace {
// Folders holding more synced bytes than this never get trusted mtimes (see recordMtimes).
constexpr std::uint64_t kMtimeConfirmBytes = 16u << 20;
}  // namespace

void Engine::recordMtimes(const std::set<std::string>& dirs, const RunOptions& options, const std::string& runId) {
  std::map<std::string, PathState> states;
  std::map<std::string, MtimeRecord> known;
  reg_.read([&](store::Database& db) {
    states = loadStates(db, target_.name);
    known = loadMtimes(db, target_.name);
    return JsonObject();
  });
  auto relative = [&](const std::string& path, std::string& rel) {
    rel = path;
    if (prefix_.empty()) return true;
    if (rel.rfind(prefix_, 0) != 0) return false;
    rel = rel.substr(prefix_.size());
    return true;
  };
  std::vector<MtimeRecord> found;
  // Bytes the server would read to answer one etag listing per folder.
  std::map<std::string, std::uint64_t> folderBytes;
  for (const auto& [p, st] : states)
    if (st.kind != "pull") folderBytes[parentOf(p)] += st.size;
  for (const auto& dir : dirs) {
    // Confirming costs the server a read of every file in the folder: worth it
    // for many small files (the no-change run skips that read), not for a few
    // large ones (such folders are listed with etags every run, as before).
    if (folderBytes[dir] > kMtimeConfirmBytes) continue;
    try {
      // An mtime is only trusted when an etag listing taken in a LATER second
      // (server clock) confirmed the content: a same-size write in the same
      // second as the confirmed one would keep the mtime. So wait (cheap
      // listings, at most ~3 s) until the server's clock passes the newest mtime.
      bool clockPassed = false;
      for (int tries = 0; tries < 15 && !clockPassed; ++tries) {
        auto l = adapter_->listing(remotePath(dir), false);
        if (l.serverNow == 0) break;
        std::int64_t newest = 0;
        for (const auto& e : l.entries) {
          std::string rel;
          if (relative(e.path, rel) && states.count(rel)) newest = std::max(newest, e.mtime);
        }
        clockPassed = l.serverNow > newest;
        if (!clockPassed) std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      if (!clockPassed) continue;
      auto l = adapter_->listing(remotePath(dir), true);
      if (l.serverNow == 0) continue;
      for (const auto& e : l.entries) {
        std::string rel;
        if (!relative(e.path, rel)) continue;
        auto s = states.find(rel);
        if (s == states.end() || s->second.kind == "pull" || s->second.status != "synced" || s->second.etag.empty())
          continue;
        if (e.isDir || e.weakEtag || e.etag != s->second.etag || e.size != s->second.size || e.mtime == 0 ||
            e.mtime >= l.serverNow)
          continue;
        auto k = known.find(rel);
        if (k != known.end() && k->second.etag == e.etag && k->second.size == e.size && k->second.mtime == e.mtime)
          continue;
        found.push_back(MtimeRecord{0, rel, e.etag, e.size, e.mtime, l.serverNow});
      }
    } catch (const Error&) {
      // Only an optimisation: the next run lists this folder with etags again.
      continue;
    }
  }
  if (found.empty()) return;
  reg_.write({options.actor, "sync.run", options.reason}, newObject(), [&](records::Writer& w) {
    auto in = newObject();
    in->set("target", target_.name);
    in->set("run", runId);
    in->set("trusted_mtimes", static_cast<Poco::Int64>(found.size()));
    w.setJournalInput(in);
    for (const auto& m : found) {
      auto k = known.find(m.path);
      putMtime(w, target_.name, k == known.end() ? nullptr : &k->second, m, runId);
    }
    return JsonObject();
  });
}

void Engine::adoptIntents(Collected& c, const RemoteHash& remoteHash) {
  for (const auto& [path, intents] : c.intents) {
    auto r = c.remote.find(path);
    auto s = c.states.find(path);
    const PathState* base = s == c.states.end() ? nullptr : &s->second;
    const Intent* ours = nullptr;
    if (r != c.remote.end() && !r->second.isDir) {
      std::string h;
      for (const auto& intent : intents) {
        if (r->second.size != intent.size) continue;
        if (h.empty()) h = remoteHash(r->second, base);
        if (h == intent.sha256 && !(base && base->sha256 == h)) ours = &intent;
      }
    }
    if (!ours) {
      c.staleIntents.push_back(path);
      continue;
    }
    // A killed run wrote this content and died before recording it: that is
    // the last common content now (recorded when the path's action is).
    PathState next;
    next.rowId = base ? base->rowId : 0;
    next.path = path;
    next.kind = ours->kind;
    next.etag = r->second.etag;
    next.sha256 = ours->sha256;
    next.size = r->second.size;
    next.item = ours->item;
    next.version = ours->version;
    next.unrecorded = true;
    c.states[path] = next;
  }
}

void Engine::critical(const std::string& runId, const Error& e, const RunOptions& options) {
  std::string msg = e.what();
  reg_.write({options.actor, "sync.run", "kritieke fout"}, newObject(), [&](records::Writer& w) {
    auto in = newObject();
    in->set("target", target_.name);
    in->set("run", runId);
    in->set("critical", msg);
    w.setJournalInput(in);
    setHealth(w, target_.name, true, msg, runId);
    bool known = false;
    for (auto& r : runs(w.db(), target_.name, true, 1000)) known = known || r.id == runId;
    if (known) runUpdate(w, runId, "failed", 0, 0, msg);
    return JsonObject();
  });
  Place p = e.place();
  p.set("part", "doel '" + target_.name + "'");
  throw Error(e.errorCode(),
              "kritieke fout; het doel is vergrendeld tot 'igsgov sync resync --target " + target_.name + "': " + e.message(),
              p);
}

JsonObject Engine::run(const RunOptions& options) {
  auto t0 = Clock::now();
  std::string runId = newRunId(target_.name);
  Collected c;
  {
    std::optional<TargetHealth> h;
    reg_.read([&](store::Database& db) {
      h = health(db, target_.name);
      return JsonObject();
    });
    if (h && h->locked && !options.dryRun)
      throw Error(ErrorCode::conflict,
                  "doel '" + target_.name + "' is vergrendeld na een kritieke fout (" + h->error +
                      "); los de oorzaak op en voer 'igsgov sync resync --target " + target_.name + "' uit",
                  Place().set("part", "doel '" + target_.name + "'"));
  }
  c = collect(true);
  auto out = newObject();
  out->set("target", target_.name);
  out->set("adapter", adapter_->label());
  out->set("dry_run", options.dryRun);
  out->set("paths", static_cast<Poco::Int64>(c.desired.size()));
  out->set("downloads_for_hash", downloads_);
  std::map<std::string, int> counts;
  long long deletes = 0;
  for (const auto& a : c.plan) {
    ++counts[actionName(a.type)];
    // Removing a resolved conflict's copy is not a deletion the guard is about.
    if (a.type == ActionType::remove && !(a.base && a.base->isConflictCopy())) ++deletes;
  }
  auto countsJson = newObject();
  for (const auto& [k, v] : counts) countsJson->set(k, v);
  out->set("counts", countsJson);
  out->set("planned", static_cast<Poco::Int64>(c.plan.size()));
  if (c.health && c.health->locked) out->set("locked", c.health->error);
  long long maxDelete = options.maxDelete.value_or(target_.maxDelete);
  if (options.dryRun) {
    auto actions = newArray();
    for (const auto& a : c.plan) {
      auto o = newObject();
      o->set("action", actionName(a.type));
      o->set("path", a.path);
      o->set("text", actionDutch(a.type));
      if (!a.conflictPath.empty()) o->set("conflict_path", a.conflictPath);
      actions->add(o);
    }
    out->set("actions", actions);
    if (deletes > maxDelete)
      out->set("max_delete_exceeded", "er zijn " + std::to_string(deletes) + " verwijderingen gepland, meer dan max_delete (" +
                                          std::to_string(maxDelete) + ")");
    out->set("seconds", std::chrono::duration<double>(Clock::now() - t0).count());
    return out;
  }
  // Interrupted runs are recorded even when nothing is left to do.
  if (!c.running.empty() || !c.plan.empty() || !c.staleIntents.empty()) {
    if (deletes > maxDelete) {
      critical(runId,
               Error(ErrorCode::integrity, "er zijn " + std::to_string(deletes) + " verwijderingen gepland, meer dan max_delete (" +
                                               std::to_string(maxDelete) + "); controleer bron en doel of geef --max-delete op"),
               options);
    }
    reg_.write({options.actor, "sync.run", options.reason}, newObject(), [&](records::Writer& w) {
      auto in = newObject();
      in->set("target", target_.name);
      in->set("run", runId);
      in->set("planned", static_cast<Poco::Int64>(c.plan.size()));
      auto resumed = newArray();
      for (const auto& r : c.running) {
        runUpdate(w, r.id, "interrupted", r.done, r.conflicts, "onderbroken; hervat door " + runId);
        resumed->add(r.id);
      }
      in->set("resumes", resumed);
      auto stale = newArray();
      for (const auto& p : c.staleIntents) {
        closeIntent(w, target_.name, p);
        stale->add(p);
      }
      in->set("stale_intents", stale);
      w.setJournalInput(in);
      if (!c.plan.empty()) runStart(w, RunRecord{0, runId, target_.name, "running", "", "", "", (long long)c.plan.size(), 0, 0});
      return JsonObject();
    });
    if (!c.running.empty()) {
      auto resumed = newArray();
      for (const auto& r : c.running) resumed->add(r.id);
      out->set("resumed", resumed);
    }
  }
  if (!c.plan.empty()) {
    out->set("run_id", runId);
    execute(c.plan, options, runId, out);
  }
  if (!c.uncleanDirs.empty()) recordMtimes(c.uncleanDirs, options, runId);
  if (inbox_ && !target_.inbox.empty()) pull(options, runId, out);
  out->set("downloads_for_hash", downloads_);
  out->set("seconds", std::chrono::duration<double>(Clock::now() - t0).count());
  return out;
}

JsonObject Engine::resync(const RunOptions& options) {
  std::string runId = newRunId(target_.name);
  Collected c = collect(false);
  std::vector<Action> keep;
  for (auto& a : c.plan)
    if (a.type == ActionType::adopt || a.type == ActionType::forget) keep.push_back(a);
  auto out = newObject();
  out->set("target", target_.name);
  out->set("was_locked", c.health && c.health->locked);
  if (c.health && c.health->locked) out->set("error", c.health->error);
  out->set("adopted", static_cast<Poco::Int64>(std::count_if(keep.begin(), keep.end(), [](auto& a) { return a.type == ActionType::adopt; })));
  out->set("forgotten", static_cast<Poco::Int64>(std::count_if(keep.begin(), keep.end(), [](auto& a) { return a.type == ActionType::forget; })));
  out->set("remaining", static_cast<Poco::Int64>(c.plan.size() - keep.size()));
  out->set("downloads_for_hash", downloads_);
  if (options.dryRun) return out;
  auto warnings = newArray();
  if (std::any_of(keep.begin(), keep.end(), carriesProperties)) {
    bool supported = false;
    try {
      supported = adapter_->capabilities().properties;
    } catch (const Error& e) {
      warnings->add(propertiesWarning("", e));
    }
    if (supported) setPropertiesInPlace(keep.begin(), keep.end(), warnings);
  }
  out->set("warnings", warnings);
  reg_.write({options.actor, "sync.resync", options.reason}, newObject(), [&](records::Writer& w) {
    auto in = newObject();
    in->set("target", target_.name);
    in->set("run", runId);
    auto acts = newArray();
    for (auto& a : keep) {
      auto act = newArray();
      act->add(actionName(a.type));
      act->add(a.path);
      acts->add(act);
      const PathState* prev = a.base ? &*a.base : nullptr;
      if (prev && prev->unrecorded) closeIntent(w, target_.name, a.path);
      if (a.type == ActionType::forget) {
        if (prev) dropState(w, *prev);
        continue;
      }
      putState(w, target_.name, prev, *stateAfter(a, nullptr, runId));
    }
    for (const auto& r : c.running) runUpdate(w, r.id, "interrupted", r.done, r.conflicts, "afgesloten door resync");
    for (const auto& p : c.staleIntents) closeIntent(w, target_.name, p);
    in->set("actions", acts);
    w.setJournalInput(in);
    if (c.health && c.health->locked) setHealth(w, target_.name, false, "", runId);
    return JsonObject();
  });
  return out;
}

}  // namespace igsgov::sync
